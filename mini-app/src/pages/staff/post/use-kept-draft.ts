import type { Post } from "@loa-phuong/shared";
import { useEffect, useState } from "react";
import { readStored, removeStored, writeStored } from "../../../services/zalo/storage";
import { draftOf } from "./post-draft";
import type { Draft } from "./post-fields";

/** What was typed and not yet saved, kept on the device so an ended session or a closed tab loses nothing. */
interface KeptDraft {
  draft: Draft;
  /** The post's version the draft was typed on: it is not put back onto a newer one. */
  baseVersion: number;
  at: string;
}

export const keptDraftKey = (staffId: string, postId: string | undefined) =>
  `loa-phuong.staff-draft.${staffId}.${postId ?? "new"}`;
const KEEP_AFTER_MS = 500;

/** Keeps unsaved typing on the device, and offers it back when the same post (at the same version) is opened again. */
export function useKeptDraft(
  key: string,
  post: Post | null,
  draft: Draft,
  isDirty: boolean,
  restore: (draft: Draft) => void,
): { restoredAt: string | null; forget(): Promise<void> } {
  const [restoredAt, setRestoredAt] = useState<string | null>(null);
  const [isChecked, setChecked] = useState(false);
  // Once per post, on opening: the parent remounts the form for a new version.
  // biome-ignore lint/correctness/useExhaustiveDependencies: a check on opening, by design.
  useEffect(() => {
    void readStored<KeptDraft>(key).then((kept) => {
      if (
        kept &&
        kept.baseVersion === (post?.version ?? 0) &&
        JSON.stringify(kept.draft) !== JSON.stringify(draftOf(post))
      ) {
        restore(kept.draft);
        setRestoredAt(kept.at);
      }
      setChecked(true);
    });
  }, [key]);
  useEffect(() => {
    // Not before the check: the untouched form must not overwrite what is waiting to be restored.
    if (!isChecked || !isDirty) return;
    const timer = setTimeout(
      () =>
        void writeStored(key, {
          draft,
          baseVersion: post?.version ?? 0,
          at: new Date().toISOString(),
        } satisfies KeptDraft),
      KEEP_AFTER_MS,
    );
    return () => clearTimeout(timer);
  }, [key, isChecked, isDirty, draft, post?.version]);
  return { restoredAt, forget: () => removeStored(key) };
}
