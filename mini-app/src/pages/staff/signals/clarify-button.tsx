import type { Signal } from "@loa-phuong/shared";
import { Button } from "zmp-ui";
import { ActionError } from "../../../components/staff/staff-page";
import { useAction } from "../../../hooks/use-action";
import { sendClarification } from "../../../services/staff-rumours-api";
import { useStaff } from "../../../state/staff-session";

/**
 * "Gửi đính chính": a message repeating a known false claim, not answered yet, gets the claim's approved
 * clarification (by OA message within Zalo's window, else in "Hỏi đáp"). In the desk's automatic mode it
 * went out by itself; the button stays for a message matched before the clarification was approved.
 */
export function ClarifyButton({ signal, onChanged }: { signal: Signal; onChanged(signal: Signal): void }) {
  const { withStaffToken } = useStaff();
  const { isBusy, error, run } = useAction("Không gửi được bài đính chính, vui lòng thử lại.");
  const rumour = signal.rumour;
  if (!rumour || !signal.resident || signal.kind === "message_check") return null;
  if (rumour.clarified) return <p className="staff-row-meta muted-inline">Đã gửi bài đính chính.</p>;
  if (!rumour.canClarify)
    return (
      <p className="staff-row-meta muted-inline">
        Tin đồn này chưa có bài đính chính đã duyệt: chưa gửi được đính chính.
      </p>
    );
  const send = () =>
    run(async () => {
      onChanged(await withStaffToken((token) => sendClarification(token, signal.id)));
    });
  return (
    <div className="action-row">
      <Button size="small" loading={isBusy} disabled={isBusy} onClick={() => void send()}>
        Gửi đính chính
      </Button>
      <ActionError message={error} />
    </div>
  );
}
