import { formatCount, formatDate } from "@loa-phuong/shared/client";
import { useId, useState } from "react";
import { Button } from "zmp-ui";
import { ActionError } from "../../../components/staff/staff-page";
import { useAction } from "../../../hooks/use-action";
import {
  type OpinionTheme,
  type OpinionThemeUpdate,
  updateOpinionTheme,
} from "../../../services/staff-opinion-themes-api";
import { useStaff } from "../../../state/staff-session";
import { explainRefusal } from "../../../utils/error-message";
import { keywordsText, parseKeywords } from "./keywords";

/**
 * One theme: its keywords and how many messages carry it; for editors and admins, its keywords edited
 * (they apply from the next message on) and the theme retired or brought back.
 */
export function ThemeRow({
  theme,
  canEdit,
  onChanged,
}: {
  theme: OpinionTheme;
  canEdit: boolean;
  onChanged(message: string): void;
}) {
  const { withStaffToken } = useStaff();
  const [isEditing, setEditing] = useState(false);
  const { isBusy, error, run } = useAction("Không lưu được chủ đề, vui lòng thử lại.");
  const isRetired = theme.status === "retired";

  const save = (update: OpinionThemeUpdate, message: string) =>
    run(async () => {
      await withStaffToken((token) => updateOpinionTheme(token, theme.id, update)).catch(
        (reason: unknown) => {
          throw explainRefusal(reason);
        },
      );
      setEditing(false);
      onChanged(message);
    });

  return (
    <article className="staff-card" aria-label={theme.name}>
      <p className="staff-row-title">
        {isRetired && <span className="status-pill status-cancelled">Đã ngừng dùng</span>}
        {theme.name}
      </p>
      <p className="staff-row-meta muted-inline">
        {formatCount(theme.signals)} tin mang chủ đề này · thêm ngày{" "}
        <time dateTime={theme.createdAt}>{formatDate(theme.createdAt)}</time>
      </p>
      {isEditing ? (
        <KeywordsEditor
          theme={theme}
          isBusy={isBusy}
          onSave={(keywords) => save({ keywords }, `Đã lưu từ khóa của chủ đề “${theme.name}”.`)}
          onCancel={() => setEditing(false)}
        />
      ) : theme.keywords.length === 0 ? (
        <p className="staff-row-meta">Chưa có từ khóa: chỉ tin do cán bộ gán nhãn mới mang chủ đề này.</p>
      ) : (
        <ul className="theme-chips" aria-label={`Từ khóa của chủ đề ${theme.name}`}>
          {theme.keywords.map((keyword) => (
            <li key={keyword} className="status-pill">
              {keyword}
            </li>
          ))}
        </ul>
      )}
      <ActionError message={error} />
      {canEdit && !isEditing && (
        <div className="action-row">
          {!isRetired && (
            <Button size="small" variant="secondary" disabled={isBusy} onClick={() => setEditing(true)}>
              Sửa từ khóa
            </Button>
          )}
          <Button
            size="small"
            variant="tertiary"
            loading={isBusy}
            disabled={isBusy}
            onClick={() =>
              void (isRetired
                ? save({ status: "active" }, `Đã dùng lại chủ đề “${theme.name}”.`)
                : save(
                    { status: "retired" },
                    `Đã ngừng dùng chủ đề “${theme.name}”: tin nhắn mới không được gán chủ đề này nữa.`,
                  ))
            }
          >
            {isRetired ? "Dùng lại" : "Ngừng dùng"}
          </Button>
        </div>
      )}
    </article>
  );
}

function KeywordsEditor({
  theme,
  isBusy,
  onSave,
  onCancel,
}: {
  theme: OpinionTheme;
  isBusy: boolean;
  onSave(keywords: string[]): void;
  onCancel(): void;
}) {
  const ids = { keywords: useId(), hint: useId() };
  const [text, setText] = useState(keywordsText(theme.keywords));
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <form
      className="form-stack"
      aria-label={`Sửa từ khóa: ${theme.name}`}
      onSubmit={(event) => {
        event.preventDefault();
        const keywords = parseKeywords(text);
        const missing = keywords.length === 0 ? "Hãy nhập ít nhất một từ khóa." : null;
        setProblem(missing);
        if (!missing) onSave(keywords);
      }}
    >
      <div className="field">
        <label htmlFor={ids.keywords}>Từ khóa</label>
        <p id={ids.hint} className="field-hint">
          Mỗi dòng một từ khóa, hoặc cách nhau bằng dấu phẩy. Từ khóa mới áp dụng từ tin nhắn tiếp theo.
        </p>
        <textarea
          id={ids.keywords}
          rows={Math.min(10, Math.max(3, theme.keywords.length + 1))}
          aria-describedby={ids.hint}
          value={text}
          onChange={(event) => setText(event.target.value)}
        />
      </div>
      <ActionError message={problem} />
      <div className="action-row">
        <Button htmlType="submit" size="small" loading={isBusy} disabled={isBusy}>
          Lưu từ khóa
        </Button>
        <Button size="small" variant="tertiary" disabled={isBusy} onClick={onCancel}>
          Hủy
        </Button>
      </div>
    </form>
  );
}
