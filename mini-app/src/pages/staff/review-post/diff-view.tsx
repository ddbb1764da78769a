import { useMemo } from "react";
import { type DiffPart, diffWords } from "../../../utils/word-diff";

/**
 * One field's changes: added words in <ins> (green, underlined), removed ones in <del> (red, struck
 * through). Screen readers do not announce ins/del, so each change also says what it is.
 */
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
  const isChanged = before !== after;
  const headingId = `diff-${label.replace(/\s+/g, "-")}`;
  return (
    <section className="diff-field" aria-labelledby={headingId}>
      <h2 id={headingId} className="diff-label">
        {label}
        {!isChanged && <span className="muted-inline"> (không đổi)</span>}
      </h2>
      <div className={isLong ? "diff-text diff-long" : "diff-text"}>
        {parts.length === 0 ? (
          <span className="muted-inline">(trống)</span>
        ) : (
          parts.map((part, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: its place is a part's identity.
            <DiffPartText key={index} part={part} />
          ))
        )}
      </div>
    </section>
  );
}

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
