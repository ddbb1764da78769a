import type { Broadcast } from "@loa-phuong/shared";
import { useState } from "react";
import { Button } from "zmp-ui";
import { ActionError } from "../../../components/staff/staff-page";
import { useAction } from "../../../hooks/use-action";
import { type BroadcastAction, controlBroadcast } from "../../../services/staff-api";
import { useStaff } from "../../../state/staff-session";

/** Pause, resume or cancel (after a confirmation), as the broadcast's status allows. */
export function BroadcastControls({
  broadcast,
  onChanged,
}: {
  broadcast: Broadcast;
  onChanged(broadcast: Broadcast): void;
}) {
  const { withStaffToken, hasRole } = useStaff();
  const [action, setAction] = useState<BroadcastAction>("pause");
  const [isConfirmingCancel, setConfirmingCancel] = useState(false);
  const { isBusy, error, run } = useAction("Không thực hiện được, vui lòng thử lại.");
  const pending = isBusy ? action : null;

  const canPause = broadcast.status === "scheduled" || broadcast.status === "sending";
  const canResume = broadcast.status === "paused";
  const canCancel = canPause || canResume;
  if (!(hasRole("editor") || hasRole("approver")) || !canCancel) return null;

  const control = (next: BroadcastAction) => {
    setAction(next);
    void run(async () => {
      onChanged(await withStaffToken((token) => controlBroadcast(token, broadcast.id, next)));
      setConfirmingCancel(false);
    });
  };

  return (
    <section className="staff-card" aria-labelledby="controls-heading">
      <h2 id="controls-heading" className="visually-hidden">
        Điều khiển đợt gửi
      </h2>
      <ActionError message={error} />
      {isConfirmingCancel ? (
        <div role="alertdialog" aria-labelledby="cancel-question" className="confirm-box">
          <p id="cancel-question">
            Hủy đợt gửi này? Những tin chưa gửi sẽ không được gửi nữa, và không thể hoàn tác.
          </p>
          <div className="action-row">
            <Button
              type="danger"
              loading={pending === "cancel"}
              disabled={pending !== null}
              onClick={() => control("cancel")}
            >
              Xác nhận hủy
            </Button>
            <Button
              variant="tertiary"
              autoFocus
              disabled={pending !== null}
              onClick={() => setConfirmingCancel(false)}
            >
              Không hủy
            </Button>
          </div>
        </div>
      ) : (
        <div className="action-row">
          {canPause && (
            <Button
              variant="secondary"
              loading={pending === "pause"}
              disabled={pending !== null}
              onClick={() => control("pause")}
            >
              Tạm dừng
            </Button>
          )}
          {canResume && (
            <Button
              loading={pending === "resume"}
              disabled={pending !== null}
              onClick={() => control("resume")}
            >
              Tiếp tục
            </Button>
          )}
          <Button
            variant="tertiary"
            type="danger"
            disabled={pending !== null}
            onClick={() => setConfirmingCancel(true)}
          >
            Hủy đợt gửi
          </Button>
        </div>
      )}
    </section>
  );
}
