import type { ResidentProfile } from "@loa-phuong/shared";
import { Button } from "zmp-ui";
import { FollowOaAction } from "../../components/resident-actions/follow-oa-action";
import { NotificationsAction } from "../../components/resident-actions/notifications-action";
import { OaMessagingAction } from "../../components/resident-actions/oa-messaging-action";
import { PhoneShareAction } from "../../components/resident-actions/phone-share-action";
import { residentialGroupLabel } from "../../utils/text";

/** Step 3: the resident is registered; the optional conveniences, each skippable. */
export function ExtrasStep({ resident, onFinish }: { resident: ResidentProfile; onFinish(): void }) {
  return (
    <>
      <p role="status" className="notice notice-success">
        Đăng ký xong!{" "}
        {resident.residentialGroup && (
          <>
            Bạn thuộc {residentialGroupLabel(resident.residentialGroup.name)}
            {resident.membershipStatus === "pending" ? " — Chờ tổ trưởng xác nhận." : "."}
          </>
        )}
      </p>
      <h2 className="section-title">Tiện ích thêm (không bắt buộc)</h2>
      <div className="action-list">
        <FollowOaAction />
        <OaMessagingAction />
        <NotificationsAction />
        <PhoneShareAction />
      </div>
      <div className="sticky-actions">
        <Button fullWidth onClick={onFinish}>
          Vào trang chủ
        </Button>
      </div>
    </>
  );
}
