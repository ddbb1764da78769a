import { useState } from "react";
import { Button } from "zmp-ui";
import { ActionError } from "../../../components/staff/staff-page";
import { useAction } from "../../../hooks/use-action";
import { type RumourReplyMode, saveRumourSettings } from "../../../services/staff-rumours-api";
import { useStaff } from "../../../state/staff-session";

const modeLabels: Record<RumourReplyMode, string> = {
  auto: "Tự động gửi đính chính cho người dân nhắc lại tin đồn",
  staff: "Chỉ gửi khi cán bộ bấm “Gửi đính chính” trong hộp ý kiến",
};

/**
 * How residents who repeat a known claim get its approved clarification: at once, or after an officer's
 * tap in the inbox. Admins and approvers change it; everyone else sees it.
 */
export function ReplyModeSetting({ mode, onSaved }: { mode: RumourReplyMode; onSaved(): void }) {
  const { withStaffToken, hasRole } = useStaff();
  const [chosen, setChosen] = useState<RumourReplyMode>(mode);
  const { isBusy, error, run } = useAction("Không lưu được cách gửi đính chính, vui lòng thử lại.");
  const canChange = hasRole("admin") || hasRole("approver");

  const save = () =>
    run(async () => {
      await withStaffToken((token) => saveRumourSettings(token, { replyMode: chosen }));
      onSaved();
    });

  if (!canChange) return <p className="staff-row-meta">Cách gửi đính chính: {modeLabels[mode]}.</p>;
  return (
    <section className="staff-card" aria-labelledby="reply-mode-heading">
      <h2 id="reply-mode-heading" className="section-title section-title-first">
        Cách gửi đính chính
      </h2>
      <fieldset className="picker">
        <legend className="visually-hidden">Cách gửi đính chính</legend>
        {(Object.keys(modeLabels) as RumourReplyMode[]).map((value) => (
          <div key={value} className="radio-row">
            <input
              id={`reply-mode-${value}`}
              type="radio"
              name="rumour-reply-mode"
              checked={chosen === value}
              onChange={() => setChosen(value)}
            />
            <label htmlFor={`reply-mode-${value}`}>{modeLabels[value]}</label>
          </div>
        ))}
      </fieldset>
      <p className="muted">
        Chỉ bài đính chính đã duyệt mới được gửi: bằng tin nhắn OA khi Zalo cho phép, nếu không thì hiện trong
        mục “Hỏi đáp” của người dân. Tổ trưởng của tổ có người nhắc lại nhận thẻ “Đính chính tin đồn” để
        chuyển vào nhóm.
      </p>
      <div className="action-row">
        <Button
          size="small"
          loading={isBusy}
          disabled={isBusy || chosen === mode}
          onClick={() => void save()}
        >
          Lưu cách gửi
        </Button>
      </div>
      <ActionError message={error} />
    </section>
  );
}
