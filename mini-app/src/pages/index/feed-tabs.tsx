import type { PostKind } from "@loa-phuong/shared";

/** The feed's tabs: three views of the feed by kind, and the resident's own questions with answers. */
export type FeedTab =
  | { id: "all"; kind: null }
  | { id: "news" | "exemplary_story"; kind: PostKind }
  | { id: "questions"; kind: null };

export const feedTabs: (FeedTab & { label: string })[] = [
  { id: "all", kind: null, label: "Tất cả" },
  { id: "news", kind: "news", label: "Tin tức" },
  { id: "exemplary_story", kind: "exemplary_story", label: "Gương điển hình" },
  { id: "questions", kind: null, label: "Hỏi đáp" },
];

export function tabFromParam(value: string | null): FeedTab & { label: string } {
  return feedTabs.find((tab) => tab.id === value) ?? feedTabs[0]!;
}

/**
 * Toggle buttons rather than zmp-ui Tabs, whose tabs cannot be chosen with the keyboard and do not
 * report which one is selected.
 */
export function FeedTabs({ value, onChange }: { value: FeedTab["id"]; onChange(id: FeedTab["id"]): void }) {
  return (
    <fieldset className="kind-filter" aria-label="Chọn mục">
      {feedTabs.map((tab) => (
        <button
          key={tab.id}
          type="button"
          className="chip"
          aria-pressed={value === tab.id}
          onClick={() => onChange(tab.id)}
        >
          {tab.label}
        </button>
      ))}
    </fieldset>
  );
}
