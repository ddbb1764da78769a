import { formatDate } from "@loa-phuong/shared/client";
import { useState } from "react";
import { Button } from "zmp-ui";
import { runtimeConfig } from "../../config";
import { useAction } from "../../hooks/use-action";
import { recordOaInteraction } from "../../services/resident-api";
import { interactOAAsPersona } from "../../services/zalo/demo-identity";
import { isInsideZalo } from "../../services/zalo/environment";
import { interactOA } from "../../services/zalo/sdk";
import { useSession } from "../../state/session";
import { ActionCard } from "./action-card";

/**
 * "Cho phép phường nhắn tin cho tôi": Zalo's interactOA inside Zalo (the simulator's in the demo),
 * then the ward server opens the 7-day window. Offered while the OA may not message the resident;
 * once offered it stays for this visit, so the date it ends shows in place of the button.
 */
export function OaMessagingAction() {
  const { session, withToken, updateResident } = useSession();
  const [isOffered] = useState(session.resident.oaMessagingUntil === null && runtimeConfig.oaId !== "");
  const [hasAllowed, setAllowed] = useState(false);
  const { isBusy, error, run } = useAction("Không gửi được lời cho phép, vui lòng thử lại.");
  const until = session.resident.oaMessagingUntil;

  if (!isOffered) return null;

  const allow = () =>
    run(async () => {
      const simulatorUrl = runtimeConfig.demo?.simulatorUrl;
      if (isInsideZalo()) await interactOA(runtimeConfig.oaId);
      else if (session.persona && simulatorUrl)
        await interactOAAsPersona(simulatorUrl, session.persona.idByApp);
      else throw new Error("Vui lòng mở Loa Phường trong ứng dụng Zalo.");
      updateResident(await withToken((token) => recordOaInteraction(token)));
      setAllowed(true);
    });

  return (
    <ActionCard
      title="Cho phép phường nhắn tin cho tôi"
      description={
        <p>Zalo chỉ cho phường nhắn tin cho bạn trong 7 ngày sau lần cuối bạn tương tác với OA của phường.</p>
      }
      done={until ? `Phường có thể nhắn tin cho bạn qua Zalo OA đến ${formatDate(until)}.` : null}
      error={error}
    >
      {hasAllowed && (
        <p className="inline-error">
          {session.resident.isFollower
            ? "Zalo đã ghi nhận nhưng phường chưa nhắn tin cho bạn được, vui lòng thử lại sau."
            : "Zalo đã ghi nhận. Phường chỉ nhắn tin được cho người đã quan tâm OA của phường: " +
              "hãy bấm “Quan tâm OA của phường”."}
        </p>
      )}
      <Button size="medium" loading={isBusy} disabled={isBusy} onClick={() => void allow()}>
        Cho phép phường nhắn tin
      </Button>
    </ActionCard>
  );
}
