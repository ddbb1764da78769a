import { useState } from "react";
import { Button, useNavigate } from "zmp-ui";
import { runtimeConfig } from "../../config";
import { followOAAsPersona } from "../../services/zalo/demo-identity";
import { isInsideZalo } from "../../services/zalo/environment";
import { followOA } from "../../services/zalo/sdk";
import { useSession } from "../../state/session";
import { residentialGroupLabel } from "../../utils/text";

/** Who is signed in, and the two things they can do about it: follow the ward's OA, or (demo) switch. */
export function Greeting() {
  const { session, switchPersona, markFollowing } = useSession();
  const { resident, persona } = session;
  const [hasJustFollowed, setJustFollowed] = useState(false);
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
        {resident.residentialGroup
          ? residentialGroupLabel(resident.residentialGroup.name)
          : "Bạn chưa được gắn với tổ dân phố nào."}
      </p>
      {!resident.isFollower && runtimeConfig.oaId !== "" && (
        <FollowOaPrompt
          onFollowed={() => {
            setJustFollowed(true);
            markFollowing();
          }}
        />
      )}
      {hasJustFollowed && (
        <p role="status" className="inline-success">
          Cảm ơn bạn đã quan tâm OA của phường.
        </p>
      )}
      {persona && (
        <Button variant="tertiary" size="small" onClick={switchUser}>
          Đổi người dùng
        </Button>
      )}
    </section>
  );
}

function FollowOaPrompt({ onFollowed }: { onFollowed(): void }) {
  const { session } = useSession();
  const [isBusy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const follow = async () => {
    setBusy(true);
    setError(null);
    try {
      const { persona } = session;
      const simulatorUrl = runtimeConfig.demo?.simulatorUrl;
      if (isInsideZalo()) await followOA(runtimeConfig.oaId);
      else if (persona && simulatorUrl) await followOAAsPersona(simulatorUrl, persona.idByOa);
      else throw new Error("Vui lòng mở Loa Phường trong ứng dụng Zalo.");
      onFollowed();
    } catch (reason) {
      setError(reason instanceof Error ? reason.message : "Không quan tâm được, vui lòng thử lại.");
      setBusy(false);
    }
  };

  return (
    <div className="follow-oa">
      <p>Quan tâm Official Account của phường để nhận thông báo qua tin nhắn Zalo.</p>
      <Button size="medium" loading={isBusy} disabled={isBusy} onClick={() => void follow()}>
        Quan tâm OA của phường
      </Button>
      {error && (
        <p role="alert" className="inline-error">
          {error}
        </p>
      )}
    </div>
  );
}
