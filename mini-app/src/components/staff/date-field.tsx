import { parseWardDate } from "@loa-phuong/shared/client";
import { useEffect, useId, useState } from "react";

/** "2026-11-26" → "26/11/2026". */
export function isoToDisplay(iso: string): string {
  const [year, month, day] = iso.split("-");
  return iso ? `${day}/${month}/${year}` : "";
}

/** "26/11/2026" (or "6/1/2026") → "2026-11-26"; null when it is not a real date. */
export function displayToIso(text: string): string | null {
  if (!parseWardDate(text)) return null;
  const [day, month, year] = text.trim().split("/");
  return `${year}-${month!.padStart(2, "0")}-${day!.padStart(2, "0")}`;
}

/**
 * A date typed as dd/mm/yyyy, whatever language the phone is set to (a native date picker shows the
 * phone's own order). Applied when complete and valid; an invalid date is said so and not applied.
 */
export function DateField({ label, value, onChange }: { label: string; value: string; onChange(iso: string): void }) {
  const id = useId();
  const [text, setText] = useState(isoToDisplay(value));
  const [isInvalid, setInvalid] = useState(false);
  // A change from outside ("Xóa bộ lọc", the URL) replaces what was typed.
  useEffect(() => {
    setText(isoToDisplay(value));
    setInvalid(false);
  }, [value]);

  const apply = (next: string) => {
    if (next.trim() === "") {
      setInvalid(false);
      if (value !== "") onChange("");
      return;
    }
    const iso = displayToIso(next);
    setInvalid(iso === null);
    if (iso !== null && iso !== value) onChange(iso);
  };

  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        placeholder="dd/mm/yyyy"
        autoComplete="off"
        value={text}
        aria-invalid={isInvalid}
        aria-describedby={isInvalid ? `${id}-error` : undefined}
        onChange={(event) => {
          setText(event.target.value);
          // Apply as soon as a whole date is typed; a partial one waits for the field to be left.
          if (/^\d{1,2}\/\d{1,2}\/\d{4}$/.test(event.target.value.trim()) || event.target.value === "") apply(event.target.value);
        }}
        onBlur={() => apply(text)}
        onKeyDown={(event) => event.key === "Enter" && apply(text)}
      />
      {isInvalid && (
        <p id={`${id}-error`} role="alert" className="field-error">
          Ngày không hợp lệ, nhập theo dạng dd/mm/yyyy.
        </p>
      )}
    </div>
  );
}

/** "7:30" or "07:30" → "07:30"; null when it is not a time of day on the 24-hour clock. */
export function normaliseTime(text: string): string | null {
  const match = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(text.trim());
  return match ? `${match[1]!.padStart(2, "0")}:${match[2]}` : null;
}

/**
 * A time typed as HH:mm on the 24-hour clock (a native time picker shows AM/PM on phones set to
 * English). Applied when valid; an invalid time is said so and not applied.
 */
export function TimeField({ label, value, onChange }: { label: string; value: string; onChange(time: string): void }) {
  const id = useId();
  const [text, setText] = useState(value);
  const [isInvalid, setInvalid] = useState(false);
  useEffect(() => {
    setText(value);
    setInvalid(false);
  }, [value]);

  const apply = (next: string) => {
    const time = normaliseTime(next);
    setInvalid(time === null);
    if (time !== null && time !== value) onChange(time);
  };

  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        placeholder="HH:mm"
        autoComplete="off"
        value={text}
        aria-invalid={isInvalid}
        aria-describedby={isInvalid ? `${id}-error` : undefined}
        onChange={(event) => {
          setText(event.target.value);
          if (normaliseTime(event.target.value) !== null) apply(event.target.value);
        }}
        onBlur={() => apply(text)}
        onKeyDown={(event) => event.key === "Enter" && apply(text)}
      />
      {isInvalid && (
        <p id={`${id}-error`} role="alert" className="field-error">
          Giờ không hợp lệ, nhập theo dạng 24 giờ, ví dụ 07:30 hoặc 19:00.
        </p>
      )}
    </div>
  );
}
