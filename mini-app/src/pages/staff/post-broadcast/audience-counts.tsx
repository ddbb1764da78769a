import type { AudienceInput } from "@loa-phuong/shared";
import { useEffect, useState } from "react";
import { type AudienceCounts as Counts, countAudience } from "../../../services/staff-api";
import { useStaff } from "../../../state/staff-session";

const debounceMs = 350;

type CountState =
  | { status: "idle" | "counting"; counts: Counts | null }
  | { status: "failed"; counts: Counts | null; message: string };

/** Counts an audience on the server, a moment after the picker stops changing; the last answer stays while counting. */
export function useAudienceCounts(audience: AudienceInput | null, isUrgent: boolean): CountState {
  const { withStaffToken } = useStaff();
  const [state, setState] = useState<CountState>({ status: "idle", counts: null });
  const key = audience ? JSON.stringify([audience, isUrgent]) : "";

  // `audience` is a new object every render; `key` says when it really changed.
  // biome-ignore lint/correctness/useExhaustiveDependencies: key names audience and isUrgent, by design.
  useEffect(() => {
    if (!audience) {
      setState({ status: "idle", counts: null });
      return;
    }
    const controller = new AbortController();
    setState((previous) => ({ status: "counting", counts: previous.counts }));
    const timer = setTimeout(() => {
      withStaffToken((token) => countAudience(token, audience, isUrgent, controller.signal)).then(
        (counts) => controller.signal.aborted || setState({ status: "idle", counts }),
        (error: unknown) =>
          controller.signal.aborted ||
          setState((previous) => ({
            status: "failed",
            counts: previous.counts,
            message: error instanceof Error ? error.message : "Không đếm được người nhận.",
          })),
      );
    }, debounceMs);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [key, withStaffToken]);

  return state;
}

const number = new Intl.NumberFormat("vi-VN");

/** "Người nhận: N · Nhận tin OA được ngay: M · Xem trong Mini App: N−M", announced politely as it changes. */
export function AudienceCountsView({ state, problem }: { state: CountState; problem: string | null }) {
  const { counts } = state;
  return (
    <div className="audience-counts" role="status" aria-live="polite" aria-busy={state.status === "counting"}>
      {problem ? (
        <p className="inline-error">{problem}</p>
      ) : counts ? (
        <p>
          Người nhận: <strong>{number.format(counts.recipients)}</strong> · Nhận tin OA được ngay:{" "}
          <strong>{number.format(counts.reachableByOa)}</strong> · Xem trong Mini App:{" "}
          <strong>{number.format(counts.recipients - counts.reachableByOa)}</strong>
          {counts.cappedToday > 0 && (
            <span className="muted-inline">
              {" "}
              (trong đó {number.format(counts.cappedToday)} người đã đủ số tin OA trong ngày)
            </span>
          )}
          {state.status === "counting" && <span className="muted-inline"> (đang đếm lại…)</span>}
        </p>
      ) : (
        <p>{state.status === "failed" ? "" : "Đang đếm người nhận…"}</p>
      )}
      {state.status === "failed" && <p className="inline-error">{state.message}</p>}
    </div>
  );
}
