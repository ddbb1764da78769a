import type { PostKind } from "@loa-phuong/shared";

export interface Draft {
  kind: PostKind;
  title: string;
  summary: string;
  body: string;
  imageUrl: string;
  isUrgent: boolean;
}

export type FieldErrors = Partial<Record<"title" | "summary" | "body" | "imageUrl", string>>;

/** A labelled text field with its error tied to it (aria-describedby), so a screen reader reads both. */
function TextField(props: {
  id: string;
  label: string;
  value: string;
  error: string | undefined;
  isEditable: boolean;
  multiline?: number;
  maxLength: number;
  hint?: string;
  onChange(value: string): void;
}) {
  const errorId = `${props.id}-error`;
  const hintId = `${props.id}-hint`;
  const describedBy = [props.hint ? hintId : null, props.error ? errorId : null].filter(Boolean).join(" ") || undefined;
  const common = {
    id: props.id,
    value: props.value,
    readOnly: !props.isEditable,
    maxLength: props.maxLength,
    "aria-invalid": props.error ? true : undefined,
    "aria-describedby": describedBy,
  };
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      {props.hint && (
        <p id={hintId} className="field-hint">
          {props.hint}
        </p>
      )}
      {props.multiline ? (
        <textarea {...common} rows={props.multiline} onChange={(event) => props.onChange(event.target.value)} />
      ) : (
        <input {...common} onChange={(event) => props.onChange(event.target.value)} />
      )}
      {props.error && (
        <p id={errorId} className="field-error">
          {props.error}
        </p>
      )}
    </div>
  );
}

/** Title, summary, body, image and the urgent flag (set when the post is created; the server keeps it). */
export function PostFields({ draft, errors, isEditable, isNew, onChange }: { draft: Draft; errors: FieldErrors; isEditable: boolean; isNew: boolean; onChange(draft: Draft): void }) {
  return (
    <>
      <TextField id="post-title" label="Tiêu đề" value={draft.title} error={errors.title} isEditable={isEditable} maxLength={200} onChange={(title) => onChange({ ...draft, title })} />
      <TextField
        id="post-summary"
        label="Tóm tắt (không bắt buộc)"
        hint="Hiện trong tin nhắn Zalo; để trống thì dùng đoạn đầu của nội dung."
        value={draft.summary}
        error={errors.summary}
        isEditable={isEditable}
        multiline={3}
        maxLength={500}
        onChange={(summary) => onChange({ ...draft, summary })}
      />
      <TextField id="post-body" label="Nội dung" value={draft.body} error={errors.body} isEditable={isEditable} multiline={10} maxLength={20_000} onChange={(body) => onChange({ ...draft, body })} />
      <TextField
        id="post-image"
        label="Ảnh minh hoạ (địa chỉ URL, không bắt buộc)"
        value={draft.imageUrl}
        error={errors.imageUrl}
        isEditable={isEditable}
        maxLength={2000}
        onChange={(imageUrl) => onChange({ ...draft, imageUrl })}
      />
      <div className="check-field">
        <input id="post-urgent" type="checkbox" checked={draft.isUrgent} disabled={!isNew || !isEditable} onChange={(event) => onChange({ ...draft, isUrgent: event.target.checked })} />
        <label htmlFor="post-urgent">Khẩn (bỏ qua giờ yên lặng và giới hạn trong ngày)</label>
      </div>
    </>
  );
}
