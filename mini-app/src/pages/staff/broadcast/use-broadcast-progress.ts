import type { Broadcast, BroadcastProgress } from "@loa-phuong/shared";
import { useCallback, useEffect, useRef, useState } from "react";
import { apiUrl } from "../../../services/api";
import { fetchBroadcastProgress } from "../../../services/staff-api";
import { useStaff } from "../../../state/staff-session";

const pollMs = 2000;
const finalStatuses = ["sent", "cancelled", "failed"];

/**
 * A final status with every row settled (when the server ends its stream), or with no rows at all:
 * a broadcast cancelled before it started never gets any, and its ratio stays 0.
 */
export function isFinished(progress: BroadcastProgress): boolean {
  return (
    finalStatuses.includes(progress.broadcast.status) && (progress.settledRatio >= 1 || progress.total === 0)
  );
}

export type LiveMode = "stream" | "polling" | "finished";

export type ProgressState =
  | { status: "loading" }
  | { status: "failed"; message: string }
  | { status: "ready"; progress: BroadcastProgress; mode: LiveMode; isStale: boolean };

/**
 * Live progress of a broadcast: Server-Sent Events while they work (the cookie carries the session
 * on the server's own origin), else polling every 2 s — inside Zalo the app is cross-origin and an
 * EventSource cannot send the bearer token. Either way it stops once the broadcast is finished.
 */
export function useBroadcastProgress(
  broadcastId: string,
): ProgressState & { applyBroadcast(broadcast: Broadcast): void; retry(): void } {
  const { withStaffToken } = useStaff();
  const [state, setState] = useState<ProgressState>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);
  const latest = useRef<BroadcastProgress | null>(null);

  // A retry (`attempt`) or another broadcast starts again.
  // biome-ignore lint/correctness/useExhaustiveDependencies: attempt is the trigger of "Thử lại", by design.
  useEffect(() => {
    let isClosed = false;
    let source: EventSource | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const controller = new AbortController();
    latest.current = null;
    setState({ status: "loading" });

    const apply = (progress: BroadcastProgress, mode: LiveMode) => {
      if (isClosed) return;
      latest.current = progress;
      const isDone = isFinished(progress);
      setState({ status: "ready", progress, mode: isDone ? "finished" : mode, isStale: false });
      if (isDone) stop();
    };

    const poll = () => {
      withStaffToken((token) => fetchBroadcastProgress(token, broadcastId, controller.signal)).then(
        (progress) => {
          apply(progress, "polling");
          if (!isClosed) timer = setTimeout(poll, pollMs);
        },
        (error: unknown) => {
          if (isClosed) return;
          const message = error instanceof Error ? error.message : "Không tải được tiến độ gửi.";
          // Keep showing the last figures on a passing network error, marked as not current.
          setState((current) =>
            current.status === "ready" ? { ...current, isStale: true } : { status: "failed", message },
          );
          if (latest.current) timer = setTimeout(poll, pollMs);
        },
      );
    };

    const stop = () => {
      isClosed = true;
      source?.close();
      clearTimeout(timer);
      controller.abort();
    };

    if (typeof EventSource === "undefined") poll();
    else {
      source = new EventSource(apiUrl(`/api/broadcasts/${encodeURIComponent(broadcastId)}/events`), {
        withCredentials: true,
      });
      source.addEventListener("progress", (event) => {
        try {
          apply(JSON.parse((event as MessageEvent<string>).data) as BroadcastProgress, "stream");
        } catch {
          // A garbled event: the next one (a second later) or the polling fallback brings the figures.
        }
      });
      // The stream also "errors" when the server closes it after the last event: finished, or fall back to polling.
      source.onerror = () => {
        source?.close();
        source = null;
        if (isClosed || (latest.current && isFinished(latest.current))) return;
        poll();
      };
    }
    return stop;
  }, [broadcastId, attempt, withStaffToken]);

  /** After pause/resume/cancel: show the new status at once, before the next progress event. */
  const applyBroadcast = useCallback((broadcast: Broadcast) => {
    setState((current) =>
      current.status === "ready"
        ? {
            ...current,
            progress: {
              ...current.progress,
              broadcast: { ...broadcast, counts: current.progress.broadcast.counts },
            },
          }
        : current,
    );
  }, []);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, applyBroadcast, retry };
}
