import { Button } from "zmp-ui";
import { useAction } from "../../hooks/use-action";
import { updatePreferences } from "../../services/resident-api";
import { isInsideZalo } from "../../services/zalo/environment";
import { requestNotificationPermission } from "../../services/zalo/sdk";
import { useSession } from "../../state/session";
import { ActionCard } from "./action-card";

/** "Cho phép nhận thông báo": Zalo asks the resident first (inside Zalo), then the ward records the choice. */
export function NotificationsAction() {
  const { session, withToken, updateResident } = useSession();
  const { isBusy, error, run } = useAction("Không lưu được lựa chọn, vui lòng thử lại.");
  const isAllowed = session.resident.notificationsAllowed;

  const setAllowed = async (allowed: boolean) => {
    await run(async () => {
      if (allowed && isInsideZalo()) await requestNotificationPermission();
      updateResident(await withToken((token) => updatePreferences(token, { notificationsAllowed: allowed })));
    });
  };

  return (
    <ActionCard
      title="Nhận thông báo"
      description={
        <p>Cho phép Loa Phường báo cho bạn khi phường có thông báo mới hoặc trả lời câu hỏi của bạn.</p>
      }
      done={null}
      error={error}
    >
      {isAllowed ? (
        <>
          <p className="inline-success">
            <span aria-hidden="true">✓ </span>Bạn đang nhận thông báo.
          </p>
          <Button
            size="small"
            variant="tertiary"
            loading={isBusy}
            disabled={isBusy}
            onClick={() => void setAllowed(false)}
          >
            Tắt thông báo
          </Button>
        </>
      ) : (
        <Button size="medium" loading={isBusy} disabled={isBusy} onClick={() => void setAllowed(true)}>
          Cho phép nhận thông báo
        </Button>
      )}
    </ActionCard>
  );
}
