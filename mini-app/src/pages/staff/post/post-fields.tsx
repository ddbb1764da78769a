import type { PostKind } from "@loa-phuong/shared";
import { Button } from "zmp-ui";

/** A poll as it is edited: option ids stay with their options, so answers keep meaning across edits. */
export interface PollDraft {
  question: string;
  multiple: boolean;
  options: { id: string; label: string }[];
}

export interface Draft {
  kind: PostKind;
  title: string;
  summary: string;
  body: string;
  imageUrl: string;
  isUrgent: boolean;
  poll: PollDraft;
}

export type FieldErrors = Partial<Record<"title" | "summary" | "body" | "imageUrl" | "poll", string>>;

export const MAX_POLL_OPTIONS = 10;
export const emptyPoll = (): PollDraft => ({
  question: "",
  multiple: false,
  options: [
    { id: "a", label: "" },
    { id: "b", label: "" },
  ],
});

/**
 * An id no option of this poll has had: answers are stored by option id across versions, so an id
 * freed by removing an option must never name a new one (its votes would move to the new answer).
 */
function nextOptionId(options: PollDraft["options"]): string {
  const taken = new Set(options.map((o) => o.id));
  let id: string;
  do id = `o${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;
  while (taken.has(id));
  return id;
}

/** The question of a "Khảo sát" post and its choices (2 to 10), part of the content the leader approves. */
function PollFields({
  poll,
  error,
  isEditable,
  onChange,
}: {
  poll: PollDraft;
  error: string | undefined;
  isEditable: boolean;
  onChange(poll: PollDraft): void;
}) {
  const setOption = (index: number, label: string) =>
    onChange({ ...poll, options: poll.options.map((o, i) => (i === index ? { ...o, label } : o)) });
  return (
    <fieldset className="field poll-fields" aria-describedby={error ? "post-poll-error" : undefined}>
      <legend>Câu hỏi khảo sát</legend>
      <label htmlFor="post-poll-question">Câu hỏi</label>
      <input
        id="post-poll-question"
        value={poll.question}
        readOnly={!isEditable}
        maxLength={300}
        aria-invalid={error ? true : undefined}
        onChange={(event) => onChange({ ...poll, question: event.target.value })}
      />
      <div className="check-field">
        <input
          id="post-poll-multiple"
          type="checkbox"
          checked={poll.multiple}
          disabled={!isEditable}
          onChange={(event) => onChange({ ...poll, multiple: event.target.checked })}
        />
        <label htmlFor="post-poll-multiple">Cho chọn nhiều phương án</label>
      </div>
      <ol className="poll-option-list">
        {poll.options.map((option, index) => (
          <li key={option.id}>
            <label htmlFor={`post-poll-option-${option.id}`}>Phương án {index + 1}</label>
            <div className="poll-option-row">
              <input
                id={`post-poll-option-${option.id}`}
                value={option.label}
                readOnly={!isEditable}
                maxLength={200}
                onChange={(event) => setOption(index, event.target.value)}
              />
              {isEditable && poll.options.length > 2 && (
                <Button
                  size="small"
                  variant="tertiary"
                  htmlType="button"
                  onClick={() => onChange({ ...poll, options: poll.options.filter((_, i) => i !== index) })}
                >
                  Bỏ
                </Button>
              )}
            </div>
          </li>
        ))}
      </ol>
      {isEditable && poll.options.length < MAX_POLL_OPTIONS && (
        <Button
          size="small"
          variant="secondary"
          htmlType="button"
          onClick={() =>
            onChange({ ...poll, options: [...poll.options, { id: nextOptionId(poll.options), label: "" }] })
          }
        >
          Thêm phương án
        </Button>
      )}
      {error && (
        <p id="post-poll-error" className="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}

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
  const describedBy =
    [props.hint ? hintId : null, props.error ? errorId : null].filter(Boolean).join(" ") || undefined;
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
        <textarea
          {...common}
          rows={props.multiline}
          onChange={(event) => props.onChange(event.target.value)}
        />
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
export function PostFields({
  draft,
  errors,
  isEditable,
  isNew,
  onChange,
}: {
  draft: Draft;
  errors: FieldErrors;
  isEditable: boolean;
  isNew: boolean;
  onChange(draft: Draft): void;
}) {
  return (
    <>
      <TextField
        id="post-title"
        label="Tiêu đề"
        value={draft.title}
        error={errors.title}
        isEditable={isEditable}
        maxLength={200}
        onChange={(title) => onChange({ ...draft, title })}
      />
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
      <TextField
        id="post-body"
        label="Nội dung"
        value={draft.body}
        error={errors.body}
        isEditable={isEditable}
        multiline={10}
        maxLength={20_000}
        onChange={(body) => onChange({ ...draft, body })}
      />
      <TextField
        id="post-image"
        label="Ảnh minh hoạ (địa chỉ URL, không bắt buộc)"
        value={draft.imageUrl}
        error={errors.imageUrl}
        isEditable={isEditable}
        maxLength={2000}
        onChange={(imageUrl) => onChange({ ...draft, imageUrl })}
      />
      {draft.kind === "poll" && (
        <PollFields
          poll={draft.poll}
          error={errors.poll}
          isEditable={isEditable}
          onChange={(poll) => onChange({ ...draft, poll })}
        />
      )}
      <div className="check-field">
        <input
          id="post-urgent"
          type="checkbox"
          checked={draft.isUrgent}
          disabled={!isNew || !isEditable}
          onChange={(event) => onChange({ ...draft, isUrgent: event.target.checked })}
        />
        <label htmlFor="post-urgent">Khẩn (bỏ qua giờ yên lặng và giới hạn trong ngày)</label>
      </div>
    </>
  );
}
