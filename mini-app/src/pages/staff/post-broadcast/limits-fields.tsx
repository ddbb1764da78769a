import { useId } from "react";
import { formatVnd } from "../../../utils/channel-labels";
import type { LimitsDraft } from "./limits-draft";

/** "Không dùng kênh trả phí" and "Ngân sách tối đa (đ)"; `problem` is the budget's, shown under it. */
export function LimitsFields({
  draft,
  problem,
  onChange,
}: {
  draft: LimitsDraft;
  problem: string | null;
  onChange(draft: LimitsDraft): void;
}) {
  const id = useId();
  const budget = draft.budgetText.trim();
  const hint = draft.excludePaidChannels
    ? "Không cần ngân sách khi không dùng kênh trả phí."
    : problem === null && budget !== ""
      ? `Tối đa ${formatVnd(Number(budget))} cho các kênh trả phí, kể cả tin nhắc lại qua số điện thoại.`
      : "Để trống nếu không giới hạn. Chỉ tính các kênh trả phí, kể cả tin nhắc lại qua số điện thoại.";
  return (
    <fieldset className="picker">
      <legend>Giới hạn chi phí</legend>
      <div className="check-field">
        <input
          id={`${id}-exclude-paid`}
          type="checkbox"
          checked={draft.excludePaidChannels}
          onChange={(event) => onChange({ ...draft, excludePaidChannels: event.target.checked })}
        />
        <label htmlFor={`${id}-exclude-paid`}>Không dùng kênh trả phí</label>
      </div>
      <div className="field">
        <label htmlFor={`${id}-budget`}>Ngân sách tối đa (đ)</label>
        <input
          id={`${id}-budget`}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          placeholder="Không giới hạn"
          value={draft.budgetText}
          disabled={draft.excludePaidChannels}
          aria-invalid={problem !== null}
          aria-describedby={`${id}-budget-note`}
          onChange={(event) => onChange({ ...draft, budgetText: event.target.value })}
        />
        {problem !== null ? (
          <p id={`${id}-budget-note`} className="field-error" role="alert">
            {problem}
          </p>
        ) : (
          <p id={`${id}-budget-note`} className="field-hint">
            {hint}
          </p>
        )}
      </div>
    </fieldset>
  );
}
