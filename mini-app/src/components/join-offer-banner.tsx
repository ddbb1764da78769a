import { useState } from "react";
import { Button } from "zmp-ui";
import { useAction } from "../hooks/use-action";
import { joinResidentialGroup } from "../services/resident-api";
import { useRelayArrival } from "../state/relay-arrival";
import { useSession } from "../state/session";
import { residentialGroupLabel } from "../utils/text";
import { ActionError } from "./outcome-message";

/** "Bạn ở Tổ dân phố …? Tham gia tổ": shown to a resident without a group who came through a head's link. */
export function JoinOfferBanner() {
  const { session, withToken, updateResident } = useSession();
  const { joinOffer, dismissJoinOffer } = useRelayArrival();
  const { isBusy, error, run } = useAction("Không tham gia được, vui lòng thử lại.", {
    keepBusyOnSuccess: true,
  });
  const [joined, setJoined] = useState<string | null>(null);

  if (joined) {
    return (
      <p role="status" className="notice notice-success">
        Đã gửi yêu cầu tham gia {joined}. Chờ tổ trưởng xác nhận.
      </p>
    );
  }
  if (!joinOffer || session.resident.residentialGroup) return null;
  const groupName = residentialGroupLabel(joinOffer.name);

  const join = () =>
    run(async () => {
      const profile = await withToken((token) => joinResidentialGroup(token, joinOffer.residentialGroupId));
      setJoined(groupName);
      dismissJoinOffer();
      updateResident(profile);
    });

  return (
    <section className="notice join-offer" aria-labelledby="join-offer-title">
      <p id="join-offer-title" className="join-offer-title">
        Bạn ở {groupName}?
      </p>
      <p className="join-offer-text">Tham gia tổ để nhận thông báo của tổ dân phố. Tổ trưởng sẽ xác nhận.</p>
      <div className="button-row">
        <Button size="small" loading={isBusy} disabled={isBusy} onClick={() => void join()}>
          Tham gia tổ
        </Button>
        <Button size="small" variant="tertiary" onClick={dismissJoinOffer}>
          Để sau
        </Button>
      </div>
      <ActionError message={error} />
    </section>
  );
}
