import type { Signal } from "@loa-phuong/shared";
import { formatCount, OA_REPLY_TEXT_LIMIT, textLimits } from "@loa-phuong/shared/client";
import { useId, useState } from "react";
import { Button } from "zmp-ui";
import { ActionError } from "../../../components/staff/staff-page";
import { limitedFieldProps, TextLimit, tooLongProblem } from "../../../components/text-limit";
import { useAction } from "../../../hooks/use-action";
import { ApiError } from "../../../services/api";
import { type ReplyChannel, replyToSignal } from "../../../services/staff-api";
import { useStaff } from "../../../state/staff-session";
import { explainRefusal } from "../../../utils/error-message";

const limit = textLimits.reply;
const whyNotOa =
  "Người dân chưa quan tâm OA hoặc đã quá 7 ngày không tương tác — Zalo không cho OA nhắn tin.";
const sentNotice: Record<ReplyChannel, string> = {
  oa: "Đã gửi câu trả lời qua Zalo OA.",
  feed: "Câu trả lời đã hiển thị trong Mini App của người dân.",
};

/**
 * Answer a resident: by OA message while Zalo allows it (a follower who wrote within 7 days), or
 * shown in the Mini App; otherwise the group head can pass the answer on in the neighbourhood group.
 */
export function ReplyBox({ signal, onReplied }: { signal: Signal; onReplied(signal: Signal): void }) {
  const { withStaffToken } = useStaff();
  const fieldId = useId();
  const limitId = `${fieldId}-limit`;
  const oaHintId = `${fieldId}-oa`;
  const [text, setText] = useState("");
  const [channel, setChannel] = useState<ReplyChannel>("oa");
  const [problem, setProblem] = useState<string | null>(null);
  const { isBusy, error, run } = useAction("Không gửi được câu trả lời, vui lòng thử lại.");
  const pending = isBusy ? channel : null;
  const failure = problem ?? error;
  const [notice, setNotice] = useState<string | null>(null);
  // The server may know better than the list did (the window closed since it loaded): it answers 409.
  const [isOaRefused, setOaRefused] = useState(false);
  const canReplyByOa = signal.canReplyByOa && !isOaRefused;
  const isTooLongForOa = text.trim().length > OA_REPLY_TEXT_LIMIT;
  const who = signal.resident?.name ?? "người dân";
  const limitedField = limitedFieldProps(limitId, text, limit);
  // Within the ward's limit but past what an OA message holds: it can still be shown in the Mini App.
  const showsOaHint = canReplyByOa && isTooLongForOa;
  const describedBy = [limitedField["aria-describedby"], showsOaHint && oaHintId].filter(Boolean).join(" ");

  const send = (via: ReplyChannel) => {
    const refusal =
      text.trim() === "" ? "Vui lòng nhập câu trả lời." : tooLongProblem(text, limit, "Câu trả lời");
    setProblem(refusal);
    if (refusal) return;
    setChannel(via);
    setNotice(null);
    void run(async () => {
      try {
        const updated = await withStaffToken((token) =>
          replyToSignal(token, signal.id, { text: text.trim(), channel: via }),
        );
        setText("");
        setNotice(sentNotice[via]);
        onReplied(updated);
      } catch (reason) {
        if (!(reason instanceof ApiError && reason.code === "cannot_reach_by_oa"))
          throw explainRefusal(reason);
        setOaRefused(true);
      }
    });
  };

  return (
    <form className="reply-box" onSubmit={(event) => event.preventDefault()} aria-label={`Trả lời ${who}`}>
      <div className="field">
        <label htmlFor={fieldId}>Câu trả lời cho {who}</label>
        <textarea
          id={fieldId}
          rows={3}
          value={text}
          {...limitedField}
          aria-describedby={describedBy || undefined}
          aria-invalid={limitedField["aria-invalid"] ?? (failure !== null && text.trim() === "")}
          onChange={(event) => setText(event.target.value)}
        />
        <TextLimit id={limitId} text={text} limit={limit} />
        {showsOaHint && (
          <p id={oaHintId} className="field-hint">
            Quá {formatCount(OA_REPLY_TEXT_LIMIT)} ký tự: không gửi qua Zalo OA được, hãy hiển thị trong Mini
            App.
          </p>
        )}
      </div>
      {!canReplyByOa && (
        <div className="hint-box" role={isOaRefused ? "alert" : "note"}>
          <p>
            <strong>Không trả lời qua Zalo OA được:</strong> {whyNotOa}
          </p>
          <p>
            {signal.residentialGroup
              ? `Có thể nhờ tổ trưởng ${signal.residentialGroup.name} chuyển câu trả lời trong nhóm Zalo của tổ.`
              : "Người này chưa thuộc tổ dân phố nào, nên chưa nhờ tổ trưởng chuyển lời được."}
          </p>
        </div>
      )}
      <ActionError message={failure} />
      {notice && (
        <p role="status" className="inline-success">
          {notice}
        </p>
      )}
      <div className="action-row">
        {canReplyByOa && (
          <Button
            htmlType="button"
            loading={pending === "oa"}
            disabled={pending !== null || isTooLongForOa}
            onClick={() => send("oa")}
          >
            Trả lời qua Zalo OA
          </Button>
        )}
        <Button
          htmlType="button"
          variant={canReplyByOa ? "tertiary" : "primary"}
          loading={pending === "feed"}
          disabled={pending !== null}
          onClick={() => send("feed")}
        >
          Hiển thị câu trả lời trong Mini App
        </Button>
      </div>
    </form>
  );
}
