import type { Signal } from "@loa-phuong/shared";
import { Button } from "zmp-ui";
import { ActionError } from "../../../components/staff/staff-page";
import { useAction } from "../../../hooks/use-action";
import { setSignalVisibility } from "../../../services/staff-api";
import { useStaff } from "../../../state/staff-session";

/**
 * Whether other residents see this question under its post, and the officer's hand on it: a question
 * appears there once the ward answered it, if the words are clean and repeat no false claim; an officer
 * can keep any question back, or let it be shown again.
 */
export function ResidentVisibility({
  signal,
  onChanged,
}: {
  signal: Signal;
  onChanged(signal: Signal): void;
}) {
  const { withStaffToken, hasRole } = useStaff();
  const { isBusy, error, run } = useAction("Không đổi được, vui lòng thử lại.");
  if (signal.kind !== "question" || !signal.post) return null;
  const canModerate = hasRole("editor") || hasRole("approver");
  const state = signal.hiddenFromResidents
    ? "Đã ẩn khỏi người dân khác"
    : signal.shownToResidents
      ? "Đang hiện trong “Bà con hỏi, phường trả lời” của bài"
      : "Chưa hiện cho người dân khác";
  const toggle = () =>
    run(async () => {
      onChanged(
        await withStaffToken((token) => setSignalVisibility(token, signal.id, !signal.hiddenFromResidents)),
      );
    });
  return (
    <div className="staff-row-meta visibility-row">
      <span className="muted-inline">{state}</span>
      {canModerate && (
        <Button
          variant="tertiary"
          size="small"
          loading={isBusy}
          disabled={isBusy}
          onClick={() => void toggle()}
        >
          {signal.hiddenFromResidents ? "Cho hiện lại" : "Ẩn khỏi người dân khác"}
        </Button>
      )}
      <ActionError message={error} />
    </div>
  );
}
