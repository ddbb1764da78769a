import { useState } from "react";
import { Button } from "zmp-ui";
import { runtimeConfig } from "../../config";
import { followOAAsPersona } from "../../services/zalo/demo-identity";
import { isInsideZalo } from "../../services/zalo/environment";
import { followOA } from "../../services/zalo/sdk";
import { useSession } from "../../state/session";
import { ActionCard, messageOf } from "./action-card";

/** "Quan tâm OA của phường": Zalo's followOA inside Zalo; in the demo, the simulator follows for the persona. */
export function FollowOaAction() {
  const { session, markFollowing } = useSession();
  const [isBusy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const follow = async () => {
    setBusy(true);
    setError(null);
    try {
      const simulatorUrl = runtimeConfig.demo?.simulatorUrl;
      if (isInsideZalo()) await followOA(runtimeConfig.oaId);
      else if (session.persona && simulatorUrl) await followOAAsPersona(simulatorUrl, session.persona.idByOa);
      else throw new Error("Vui lòng mở Loa Phường trong ứng dụng Zalo.");
      markFollowing();
    } catch (reason) {
      setError(messageOf(reason, "Không quan tâm được, vui lòng thử lại."));
    } finally {
      setBusy(false);
    }
  };

  return (
    <ActionCard
      title="Quan tâm OA của phường"
      description={<p>Nhận thông báo của phường qua tin nhắn Zalo từ Official Account chính thức.</p>}
      done={session.resident.isFollower ? "Bạn đã quan tâm OA của phường." : null}
    >
      <Button size="medium" loading={isBusy} disabled={isBusy || runtimeConfig.oaId === ""} onClick={() => void follow()}>
        Quan tâm OA của phường
      </Button>
      {error && (
        <p role="alert" className="inline-error">
          {error}
        </p>
      )}
    </ActionCard>
  );
}
