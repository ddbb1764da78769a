import { OA_REPLY_TEXT_LIMIT, type Signal } from "@loa-phuong/shared";
import { useId, useState } from "react";
import { Button } from "zmp-ui";
import { ActionError } from "../../../components/staff/staff-page";
import { useAction } from "../../../hooks/use-action";
import { ApiError } from "../../../services/api";
import { type ReplyChannel, replyToSignal } from "../../../services/staff-api";
import { useStaff } from "../../../state/staff-session";

const maxLength = 2000;
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

  const send = (via: ReplyChannel) => {
    if (text.trim() === "") {
      setProblem("Vui lòng nhập câu trả lời.");
      return;
    }
    setProblem(null);
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
        if (!(reason instanceof ApiError && reason.code === "cannot_reach_by_oa")) throw reason;
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
          maxLength={maxLength}
          value={text}
          aria-invalid={failure !== null && text.trim() === ""}
          onChange={(event) => setText(event.target.value)}
        />
        <p className="field-hint">
          {text.length}/{maxLength} ký tự
          {canReplyByOa &&
            isTooLongForOa &&
            " · quá 1.800 ký tự: không gửi qua Zalo OA được, hãy hiển thị trong Mini App"}
        </p>
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
