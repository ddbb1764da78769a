import { useState } from "react";
import { Button, useNavigate } from "zmp-ui";
import { JoinOfferBanner } from "../../components/join-offer-banner";
import { FollowOaAction } from "../../components/resident-actions/follow-oa-action";
import { runtimeConfig } from "../../config";
import { useSession } from "../../state/session";
import { residentialGroupLabel } from "../../utils/text";

/**
 * Who is signed in, their group, and what they can do about it: follow the ward's OA, join a group,
 * or (demo) switch.
 */
export function Greeting() {
  const { session, switchPersona } = useSession();
  const { resident, persona } = session;
  // Kept for this visit once followed, so the thanks stays in place of the button.
  const [offersFollow] = useState(!resident.isFollower && runtimeConfig.oaId !== "");
  const navigate = useNavigate();
  // The next persona starts on an unfiltered feed.
  const switchUser = () => {
    navigate("/", { replace: true, animate: false });
    switchPersona();
  };
  return (
    <section className="greeting" aria-labelledby="greeting-heading">
      <h1 id="greeting-heading" className="page-title">
        Xin chào, {resident.fullName}
      </h1>
      <p className="muted">
        {resident.residentialGroup ? (
          <>
            {residentialGroupLabel(resident.residentialGroup.name)}
            {resident.membershipStatus === "pending" && (
              <span className="status-chip status-pending">Chờ tổ trưởng xác nhận</span>
            )}
          </>
        ) : (
          "Bạn chưa được gắn với tổ dân phố nào."
        )}
      </p>
      <JoinOfferBanner />
      {offersFollow && <FollowOaAction />}
      {persona && (
        <Button variant="tertiary" size="small" onClick={switchUser}>
          Đổi người dùng
        </Button>
      )}
    </section>
  );
}
