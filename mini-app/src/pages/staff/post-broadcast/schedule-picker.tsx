import { DateField, TimeField } from "../../../components/staff/date-field";
import { weekdayLabels, weekdayOrder } from "../../../utils/staff-labels";
import type { ScheduleDraft } from "./schedule-draft";

const modes: { mode: ScheduleDraft["mode"]; label: string }[] = [
  { mode: "now", label: "Gửi ngay" },
  { mode: "at", label: "Hẹn giờ" },
  { mode: "recurring", label: "Định kỳ" },
];

/** When to send. Dates and times are typed in ward time (Asia/Ho_Chi_Minh), whatever the device's zone. */
export function SchedulePicker({
  draft,
  onChange,
}: {
  draft: ScheduleDraft;
  onChange(draft: ScheduleDraft): void;
}) {
  type TypedField = ScheduleDraft["invalidFields"][number];
  const validity = (field: TypedField) => (isValid: boolean) =>
    onChange({
      ...draft,
      invalidFields: isValid
        ? draft.invalidFields.filter((f) => f !== field)
        : [...new Set([...draft.invalidFields, field])],
    });
  /** A typed field's new value: valid, so no longer marked invalid. */
  const typed = (field: TypedField) => (value: string) =>
    onChange({ ...draft, [field]: value, invalidFields: draft.invalidFields.filter((f) => f !== field) });
  const toggleDay = (day: number, isOn: boolean) =>
    onChange({
      ...draft,
      weekdays: isOn ? [...draft.weekdays, day] : draft.weekdays.filter((value) => value !== day),
    });
  return (
    <section aria-labelledby="schedule-heading" className="staff-card">
      <h2 id="schedule-heading" className="section-title section-title-first">
        Thời điểm gửi
      </h2>
      <fieldset className="picker">
        <legend className="visually-hidden">Cách gửi</legend>
        <div className="segmented">
          {modes.map(({ mode, label }) => (
            <div key={mode} className="radio-row">
              <input
                id={`mode-${mode}`}
                type="radio"
                name="schedule-mode"
                checked={draft.mode === mode}
                onChange={() => onChange({ ...draft, mode })}
              />
              <label htmlFor={`mode-${mode}`}>{label}</label>
            </div>
          ))}
        </div>
      </fieldset>
      {draft.mode === "at" && (
        <div className="field-row">
          <DateField
            label="Ngày gửi"
            value={draft.date}
            onChange={typed("date")}
            onValidityChange={validity("date")}
          />
          <TimeField
            label="Giờ gửi (giờ Việt Nam)"
            value={draft.time}
            onChange={typed("time")}
            onValidityChange={validity("time")}
          />
        </div>
      )}
      {draft.mode === "recurring" && (
        <>
          <fieldset className="picker">
            <legend>Lặp lại</legend>
            <div className="radio-row">
              <input
                id="repeat-weekly"
                type="radio"
                name="repeat"
                checked={draft.repeat === "weekly"}
                onChange={() => onChange({ ...draft, repeat: "weekly" })}
              />
              <label htmlFor="repeat-weekly">Hằng tuần</label>
            </div>
            <div className="radio-row">
              <input
                id="repeat-daily"
                type="radio"
                name="repeat"
                checked={draft.repeat === "daily"}
                onChange={() => onChange({ ...draft, repeat: "daily" })}
              />
              <label htmlFor="repeat-daily">Hằng ngày</label>
            </div>
          </fieldset>
          {draft.repeat === "weekly" && (
            <fieldset className="picker">
              <legend>Các ngày trong tuần</legend>
              <ul className="check-list check-list-inline">
                {weekdayOrder.map((day) => (
                  <li key={day}>
                    <input
                      id={`weekday-${day}`}
                      type="checkbox"
                      checked={draft.weekdays.includes(day)}
                      onChange={(event) => toggleDay(day, event.target.checked)}
                    />
                    <label htmlFor={`weekday-${day}`}>{weekdayLabels[day]}</label>
                  </li>
                ))}
              </ul>
            </fieldset>
          )}
          <div className="field-row">
            <TimeField
              label="Giờ gửi (giờ Việt Nam)"
              value={draft.repeatTime}
              onChange={typed("repeatTime")}
              onValidityChange={validity("repeatTime")}
            />
            <DateField
              label="Kết thúc vào ngày (không bắt buộc, dd/mm/yyyy)"
              value={draft.endDate}
              onChange={typed("endDate")}
              onValidityChange={validity("endDate")}
            />
          </div>
        </>
      )}
    </section>
  );
}
