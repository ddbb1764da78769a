import { textLimits } from "@loa-phuong/shared/client";
import { type FormEvent, useState } from "react";
import { Button, Page } from "zmp-ui";
import { AppHeader } from "../../components/app-header";
import { DraftNote } from "../../components/draft-note";
import { OutcomeMessage } from "../../components/outcome-message";
import { limitedFieldProps, TextLimit, tooLongProblem } from "../../components/text-limit";
import { useAction } from "../../hooks/use-action";
import { useDeviceDraft } from "../../hooks/use-device-draft";
import { ApiError } from "../../services/api";
import { sendNomination } from "../../services/engagement-api";
import { useSession } from "../../state/session";

type Field = "who" | "where" | "why";

const fields: { name: Field; label: string; hint: string; rows?: number; limit: number }[] = [
  {
    name: "who",
    label: "Người hoặc tập thể được đề cử",
    hint: "Ví dụ: cô Nguyễn Thị Lan, giáo viên lớp 3A",
    limit: textLimits.nominationWho,
  },
  {
    name: "where",
    label: "Nơi công tác hoặc sinh sống",
    hint: "Ví dụ: Trường Tiểu học Hồng Bàng; Tổ dân phố số 4",
    limit: textLimits.nominationWhere,
  },
  {
    name: "why",
    label: "Lý do đề cử",
    hint: "Việc làm tốt, thành tích, câu chuyện bạn biết",
    rows: 5,
    limit: textLimits.nominationWhy,
  },
];

const emptyDraft: Record<Field, string> = { who: "", where: "", why: "" };

/** "Đề cử điển hình": a resident names a teacher, a family or a group worth a story; staff review it. */
export default function NominatePage() {
  const { withToken } = useSession();
  const draft = useDeviceDraft("nomination", emptyDraft);
  const values = draft.value;
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [notice, setNotice] = useState<string | null>(null);
  const { isBusy, error, run } = useAction("Không gửi được đề cử, vui lòng thử lại.");

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: Partial<Record<Field, string>> = {};
    for (const field of fields) {
      const problem =
        values[field.name].trim() === ""
          ? `Hãy điền “${field.label.toLowerCase()}”.`
          : tooLongProblem(values[field.name], field.limit, field.label);
      if (problem) problems[field.name] = problem;
    }
    setErrors(problems);
    if (Object.keys(problems).length > 0) return;
    setNotice(null);
    void run(async () => {
      try {
        await withToken((token) =>
          sendNomination(token, {
            who: values.who.trim(),
            where: values.where.trim(),
            why: values.why.trim(),
          }),
        );
      } catch (reason) {
        if (reason instanceof ApiError && reason.fields.length > 0) {
          // Each field says what is wrong with it, beside it.
          setErrors(
            Object.fromEntries(reason.fields.map((f) => [f.field.replace(/^body\./, ""), f.message])),
          );
          throw new Error("Hãy sửa những chỗ ghi bên dưới từng ô rồi gửi lại.");
        }
        throw reason;
      }
      draft.forget();
      setNotice("Đã gửi đề cử. Cảm ơn bạn! Cán bộ phường sẽ tìm hiểu và có thể giới thiệu trên Loa Phường.");
    });
  };

  return (
    <Page className="page">
      <AppHeader title="Đề cử điển hình" showBack home="/profile" />
      <main className="page-content">
        <h1 className="page-title">Đề cử gương điển hình</h1>
        <p className="muted">
          Bạn biết một thầy cô tận tụy, một gia đình hiếu học, một tập thể làm việc tốt? Hãy giới thiệu để
          phường biết và lan tỏa.
        </p>
        <form className="card form-stack" onSubmit={submit} noValidate>
          {fields.map((field) => {
            const id = `nominate-${field.name}`;
            const value = values[field.name];
            const limitId = `${id}-limit`;
            const limited = limitedFieldProps(limitId, value, field.limit);
            const common = {
              id,
              value,
              placeholder: field.hint,
              "aria-invalid": errors[field.name] || limited["aria-invalid"] ? true : undefined,
              "aria-describedby":
                [errors[field.name] ? `${id}-error` : null, limited["aria-describedby"]]
                  .filter(Boolean)
                  .join(" ") || undefined,
            };
            const change = (next: string) =>
              draft.setValue((current) => ({ ...current, [field.name]: next }));
            return (
              <div className="field" key={field.name}>
                <label htmlFor={id}>{field.label}</label>
                {field.rows ? (
                  <textarea {...common} rows={field.rows} onChange={(event) => change(event.target.value)} />
                ) : (
                  <input {...common} onChange={(event) => change(event.target.value)} />
                )}
                <TextLimit id={limitId} text={value} limit={field.limit} />
                {errors[field.name] && (
                  <p id={`${id}-error`} className="inline-error">
                    {errors[field.name]}
                  </p>
                )}
              </div>
            );
          })}
          <DraftNote draft={draft} />
          <OutcomeMessage error={error} notice={notice} />
          <Button htmlType="submit" fullWidth loading={isBusy} disabled={isBusy}>
            Gửi đề cử
          </Button>
        </form>
      </main>
    </Page>
  );
}
