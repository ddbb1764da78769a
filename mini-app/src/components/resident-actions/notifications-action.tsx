import { Button } from "zmp-ui";
import { runtimeConfig } from "../../config";
import { useAction } from "../../hooks/use-action";
import { updatePreferences } from "../../services/resident-api";
import { allowNotificationsAsPersona } from "../../services/zalo/demo-identity";
import { isInsideZalo } from "../../services/zalo/environment";
import { requestNotificationPermission } from "../../services/zalo/sdk";
import { useSession } from "../../state/session";
import { ActionCard } from "./action-card";

/**
 * "Nhận thông báo": Mini App notifications, which the ward's server sends when an important
 * announcement is out. Zalo asks the resident first (inside Zalo; in the demo the simulator records
 * the choice for the persona, both ways), then the ward records the choice.
 */
export function NotificationsAction() {
  const { session, withToken, updateResident } = useSession();
  const { isBusy, error, run } = useAction("Không lưu được lựa chọn, vui lòng thử lại.");
  const isAllowed = session.resident.notificationsAllowed;

  const setAllowed = async (allowed: boolean) => {
    await run(async () => {
      const simulatorUrl = runtimeConfig.demo?.simulatorUrl;
      if (isInsideZalo()) {
        if (allowed) await requestNotificationPermission();
      } else if (session.persona && simulatorUrl) {
        await allowNotificationsAsPersona(simulatorUrl, session.persona.idByApp, allowed);
      }
      updateResident(await withToken((token) => updatePreferences(token, { notificationsAllowed: allowed })));
    });
  };

  return (
    <ActionCard
      title="Nhận thông báo"
      description={
        <p>
          Khi phường đăng thông báo quan trọng, Loa Phường sẽ gửi bạn một thông báo trên Zalo. Chạm vào thông
          báo để đọc bài.
        </p>
      }
      done={null}
      error={error}
    >
      {isAllowed ? (
        <>
          <p className="inline-success">
            <span aria-hidden="true">✓ </span>Bạn sẽ nhận thông báo trên Zalo khi phường có thông báo quan
            trọng.
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
