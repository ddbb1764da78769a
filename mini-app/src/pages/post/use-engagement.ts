import type { PostEngagement } from "@loa-phuong/shared";
import { useEffect, useState } from "react";
import { useResource } from "../../hooks/use-resource";
import { fetchEngagement } from "../../services/engagement-api";
import { useSession } from "../../state/session";

/** The post's reactions, poll and the resident's questions; actions replace it with the server's answer. */
export function useEngagement(postId: string) {
  const { withToken } = useSession();
  const loaded = useResource(`engagement:${postId}`, (signal) =>
    withToken((token) => fetchEngagement(token, postId, signal)),
  );
  const [latest, setLatest] = useState<PostEngagement | null>(null);
  const fromServer = loaded.status === "ready" ? loaded.data : null;
  // A reload (or another post) starts again from what the server says.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the server's answer is the trigger.
  useEffect(() => setLatest(null), [fromServer]);
  const data = latest ?? fromServer;
  return { loaded, data, set: setLatest };
}
