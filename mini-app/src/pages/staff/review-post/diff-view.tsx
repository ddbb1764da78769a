import { type ReactNode, useMemo } from "react";
import { diffValues, type FieldChange, fieldChange } from "../../../utils/post-diff";
import { type DiffPart, diffWords } from "../../../utils/word-diff";

/** What the heading adds to a field's name; a changed field says it by its marks. */
const changeNotes: Record<FieldChange, string | null> = {
  same: " (không đổi)",
  changed: null,
  added: null,
  removed: " (bỏ)",
};

/**
 * One field of the post under review. Nothing at all when the field is empty in both versions; its
 * heading says "(không đổi)" when it is the same. The heading names the region for screen readers.
 */
export function DiffSection({
  label,
  change,
  note,
  children,
}: {
  label: string;
  change: FieldChange | null;
  /** Said after the label, e.g. why the previous value is not known. */
  note?: string;
  children: ReactNode;
}) {
  if (change === null) return null;
  const headingId = `diff-${label.replace(/\s+/g, "-")}`;
  return (
    <section className="diff-field" aria-labelledby={headingId}>
      <h2 id={headingId} className="diff-label">
        {label}
        {(note ?? changeNotes[change]) && <span className="muted-inline">{note ?? changeNotes[change]}</span>}
      </h2>
      {children}
    </section>
  );
}

/** A text field, word by word: added words in <ins> (green, underlined), removed in <del> (red, struck). */
export function DiffField({
  label,
  before,
  after,
  isLong = false,
}: {
  label: string;
  before: string;
  after: string;
  isLong?: boolean;
}) {
  const parts = useMemo(() => diffWords(before, after), [before, after]);
  return (
    <DiffSection label={label} change={fieldChange(before, after)}>
      <DiffText parts={parts} isLong={isLong} />
    </DiffSection>
  );
}

/**
 * A short value (the kind, the urgency) replaced whole. `before` undefined: the approved version did
 * not record it, so the value is shown as it is now, with the note saying so.
 */
export function ValueField({
  label,
  before,
  after,
  unknownNote,
}: {
  label: string;
  before: string | undefined;
  after: string;
  unknownNote?: string;
}) {
  const isUnknown = before === undefined;
  return (
    <DiffSection
      label={label}
      change={isUnknown ? (after === "" ? null : "same") : fieldChange(before, after)}
      {...(isUnknown && unknownNote ? { note: ` (${unknownNote})` } : {})}
    >
      <DiffText parts={diffValues(before ?? after, after)} isValue />
    </DiffSection>
  );
}

export function DiffText({
  parts,
  isLong = false,
  isValue = false,
}: {
  parts: DiffPart[];
  isLong?: boolean;
  /** A value replaced whole: the old and the new are set apart. */
  isValue?: boolean;
}) {
  return (
    <div className={`diff-text${isLong ? " diff-long" : ""}${isValue ? " diff-value" : ""}`}>
      {parts.map((part, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: its place is a part's identity.
        <DiffPartText key={index} part={part} />
      ))}
    </div>
  );
}

/** Screen readers do not announce ins/del, so each change also says what it is. */
function DiffPartText({ part }: { part: DiffPart }) {
  if (part.type === "same") return <span>{part.text}</span>;
  if (part.type === "added")
    return (
      <ins className="diff-added">
        <span className="visually-hidden">[thêm: </span>
        {part.text}
        <span className="visually-hidden">]</span>
      </ins>
    );
  return (
    <del className="diff-removed">
      <span className="visually-hidden">[bỏ: </span>
      {part.text}
      <span className="visually-hidden">]</span>
    </del>
  );
}
