import { useId, useState } from "react";
import { Button } from "zmp-ui";
import { runtimeConfig } from "../../config";
import { useAction } from "../../hooks/use-action";
import { sharePhoneNumber } from "../../services/resident-api";
import { issueDemoAccessToken, issueDemoPhoneToken } from "../../services/zalo/demo-identity";
import { isInsideZalo } from "../../services/zalo/environment";
import { getPhoneNumberToken, getZaloAccessToken } from "../../services/zalo/sdk";
import { useSession } from "../../state/session";
import { ActionCard } from "./action-card";

/** Zalo's (or the simulator's) single-use phone token and a fresh access token; never the number itself. */
async function phoneTokens(
  persona: { idByApp: string } | null,
): Promise<{ accessToken: string; phoneToken: string }> {
  if (isInsideZalo()) {
    const phoneToken = await getPhoneNumberToken();
    return { phoneToken, accessToken: await getZaloAccessToken() };
  }
  const simulatorUrl = runtimeConfig.demo?.simulatorUrl;
  if (!persona || !simulatorUrl) throw new Error("Vui lòng mở Loa Phường trong ứng dụng Zalo.");
  const phoneToken = await issueDemoPhoneToken(simulatorUrl, persona.idByApp);
  return { phoneToken, accessToken: await issueDemoAccessToken(simulatorUrl, persona.idByApp) };
}

/**
 * "Chia sẻ số điện thoại", only after an explicit consent (Nghị định 13/2023): the server exchanges
 * the token with Zalo and keeps the number; the Mini App never reads it.
 */
export function PhoneShareAction() {
  const { session, withToken, updateResident } = useSession();
  const [hasConsent, setConsent] = useState(false);
  const { isBusy, error, run } = useAction("Không chia sẻ được số điện thoại, vui lòng thử lại.");
  const consentId = useId();

  const share = () =>
    run(async () => {
      const tokens = await phoneTokens(session.persona);
      await withToken((token) => sharePhoneNumber(token, { ...tokens, consent: true }));
      updateResident({ ...session.resident, hasPhone: true });
    });

  return (
    <ActionCard
      title="Chia sẻ số điện thoại"
      description={
        <p>Để cán bộ phường hoặc tổ trưởng gọi lại khi cần trao đổi về phản ánh, câu hỏi của bạn.</p>
      }
      done={session.resident.hasPhone ? "Bạn đã chia sẻ số điện thoại với phường." : null}
      error={error}
    >
      <label className="choice" htmlFor={consentId}>
        <input
          id={consentId}
          type="checkbox"
          checked={hasConsent}
          onChange={(event) => setConsent(event.target.checked)}
        />
        <span>
          Tôi đồng ý để UBND phường lưu số điện thoại Zalo của tôi để liên hệ khi cần. Tôi có thể xem và xóa
          số này trong “Dữ liệu của tôi”.
        </span>
      </label>
      <Button
        size="medium"
        variant="secondary"
        loading={isBusy}
        disabled={isBusy || !hasConsent}
        onClick={() => void share()}
      >
        Chia sẻ số điện thoại
      </Button>
    </ActionCard>
  );
}
