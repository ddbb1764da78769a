import { parseWardDate } from "@loa-phuong/shared/client";
import { useEffect, useId, useState } from "react";

/** "2026-11-26" → "26/11/2026". */
export function isoToDisplay(iso: string): string {
  const [year, month, day] = iso.split("-");
  return iso ? `${day}/${month}/${year}` : "";
}

/**
 * "26/11/2026" (or "6/1/2026", or "26112026" from a keypad without "/") → "2026-11-26"; null when it
 * is not a real date.
 */
export function displayToIso(input: string): string | null {
  const digits = input.trim();
  const text = /^\d{8}$/.test(digits)
    ? `${digits.slice(0, 2)}/${digits.slice(2, 4)}/${digits.slice(4)}`
    : digits;
  if (!parseWardDate(text)) return null;
  const [day, month, year] = text.split("/");
  return `${year}-${month!.padStart(2, "0")}-${day!.padStart(2, "0")}`;
}

/**
 * "7:30", "07:30" or "0730" (a keypad without ":") → "07:30"; null when it is not a time of day on the
 * 24-hour clock.
 */
export function normaliseTime(text: string): string | null {
  const match = /^([01]?\d|2[0-3]):?([0-5]\d)$/.exec(text.trim());
  return match ? `${match[1]!.padStart(2, "0")}:${match[2]}` : null;
}

/**
 * A value typed as the ward writes it, whatever language the phone is set to (a native picker shows
 * the phone's own order and clock). Applied as soon as it is complete and valid, or when the field is
 * left; an invalid value is said so and not applied.
 */
function TypedField(props: {
  label: string;
  value: string;
  placeholder: string;
  invalidText: string;
  /** The stored value as typed text. */
  toText(value: string): string;
  /** Typed text → the stored value, or null when it is not valid. */
  parse(text: string): string | null;
  /** Whether typing has reached a whole value (applied at once, without waiting for the field to be left). */
  isComplete(text: string): boolean;
  onChange(value: string): void;
  /** Told whether what is typed now is a valid value (false while it is half typed or wrong). */
  onValidityChange?(isValid: boolean): void;
}) {
  const id = useId();
  const [text, setText] = useState(props.toText(props.value));
  const [isInvalid, setInvalid] = useState(false);
  // A change from outside ("Xóa bộ lọc", the URL) replaces what was typed.
  useEffect(() => {
    setText(props.toText(props.value));
    setInvalid(false);
  }, [props.value, props.toText]);

  const apply = (next: string) => {
    const parsed = props.parse(next);
    setInvalid(parsed === null);
    props.onValidityChange?.(parsed !== null);
    if (parsed !== null && parsed !== props.value) props.onChange(parsed);
  };

  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        placeholder={props.placeholder}
        autoComplete="off"
        value={text}
        aria-invalid={isInvalid}
        aria-describedby={isInvalid ? `${id}-error` : undefined}
        onChange={(event) => {
          setText(event.target.value);
          // A whole value applies at once; a half-typed one is not a value yet (said when the field is left).
          if (props.isComplete(event.target.value)) apply(event.target.value);
          else props.onValidityChange?.(props.parse(event.target.value) !== null);
        }}
        onBlur={() => apply(text)}
        onKeyDown={(event) => event.key === "Enter" && apply(text)}
      />
      {isInvalid && (
        <p id={`${id}-error`} role="alert" className="field-error">
          {props.invalidText}
        </p>
      )}
    </div>
  );
}

/** A date as dd/mm/yyyy (stored as yyyy-mm-dd); empty clears it. */
export function DateField({
  label,
  value,
  onChange,
  onValidityChange,
}: {
  label: string;
  value: string;
  onChange(iso: string): void;
  onValidityChange?(isValid: boolean): void;
}) {
  return (
    <TypedField
      label={label}
      value={value}
      placeholder="dd/mm/yyyy"
      invalidText="Ngày không hợp lệ, nhập theo dạng dd/mm/yyyy."
      toText={isoToDisplay}
      parse={(text) => (text.trim() === "" ? "" : displayToIso(text))}
      isComplete={(text) => text === "" || /^(\d{1,2}\/\d{1,2}\/\d{4}|\d{8})$/.test(text.trim())}
      onChange={onChange}
      {...(onValidityChange ? { onValidityChange } : {})}
    />
  );
}

/** A time is stored as typed. A module function, not an arrow per render: a new `toText` resets the field. */
const asTyped = (time: string) => time;

/** A time of day on the 24-hour clock as HH:mm (a phone set to English would show AM/PM). */
export function TimeField({
  label,
  value,
  onChange,
  onValidityChange,
}: {
  label: string;
  value: string;
  onChange(time: string): void;
  onValidityChange?(isValid: boolean): void;
}) {
  return (
    <TypedField
      label={label}
      value={value}
      placeholder="HH:mm"
      invalidText="Giờ không hợp lệ, nhập theo dạng 24 giờ, ví dụ 07:30 hoặc 19:00."
      toText={asTyped}
      parse={normaliseTime}
      isComplete={(text) => normaliseTime(text) !== null}
      onChange={onChange}
      {...(onValidityChange ? { onValidityChange } : {})}
    />
  );
}
