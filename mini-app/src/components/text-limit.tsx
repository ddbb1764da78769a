import { formatCount, tooLongMessage } from "@loa-phuong/shared/client";

/** The count shows from this share of the limit: soon enough to plan, late enough not to distract. */
const nearShare = 0.8;

/** Counted as the server counts: trimmed. */
const lengthOf = (text: string) => text.trim().length;

/** What to tell the writer when a field is longer than the server accepts; null when it fits. */
export function tooLongProblem(text: string, limit: number, what: string): string | null {
  return lengthOf(text) > limit ? tooLongMessage(what, limit) : null;
}

/**
 * A limited field's count, once the writer nears the limit ("1.650/2.000 ký tự"); past it, how much too
 * long, and that the form will not send it. The text is never cut: the writer decides what goes. `id`
 * is for the field's `aria-describedby`.
 */
export function TextLimit({ id, text, limit }: { id: string; text: string; limit: number }) {
  const length = lengthOf(text);
  if (length < limit * nearShare) return null;
  const over = length - limit;
  return (
    <div id={id} className={over > 0 ? "field-limit field-limit-over" : "field-limit"}>
      <span>
        {formatCount(length)}/{formatCount(limit)} ký tự{over > 0 && ` (thừa ${formatCount(over)})`}
      </span>
      {over > 0 && (
        <span role="alert" className="inline-error">
          Dài quá giới hạn {formatCount(limit)} ký tự. Hãy rút gọn trước khi gửi.
        </span>
      )}
    </div>
  );
}

/** The props that tie a field to its count: described by it when shown, invalid when too long. */
export function limitedFieldProps(id: string, text: string, limit: number) {
  const length = lengthOf(text);
  return {
    "aria-describedby": length >= limit * nearShare ? id : undefined,
    "aria-invalid": length > limit ? true : undefined,
  };
}
