import { Button } from "zmp-ui";
import { runtimeConfig } from "../../config";
import { useAction } from "../../hooks/use-action";
import { followOAAsPersona } from "../../services/zalo/demo-identity";
import { isInsideZalo } from "../../services/zalo/environment";
import { followOA } from "../../services/zalo/sdk";
import { useSession } from "../../state/session";
import { ActionCard } from "./action-card";

/** "Quan tâm OA của phường": Zalo's followOA inside Zalo; in the demo, the simulator follows for the persona. */
export function FollowOaAction() {
  const { session, markFollowing } = useSession();
  const { isBusy, error, run } = useAction("Không quan tâm được, vui lòng thử lại.");

  const follow = () =>
    run(async () => {
      const simulatorUrl = runtimeConfig.demo?.simulatorUrl;
      if (isInsideZalo()) await followOA(runtimeConfig.oaId);
      else if (session.persona && simulatorUrl) await followOAAsPersona(simulatorUrl, session.persona.idByOa);
      else throw new Error("Vui lòng mở Loa Phường trong ứng dụng Zalo.");
      markFollowing();
    });

  return (
    <ActionCard
      title="Quan tâm OA của phường"
      description={<p>Nhận thông báo của phường qua tin nhắn Zalo từ Official Account chính thức.</p>}
      done={session.resident.isFollower ? "Bạn đã quan tâm OA của phường." : null}
      error={error}
    >
      <Button
        size="medium"
        loading={isBusy}
        disabled={isBusy || runtimeConfig.oaId === ""}
        onClick={() => void follow()}
      >
        Quan tâm OA của phường
      </Button>
    </ActionCard>
  );
}
