import { type FormEvent, useState } from "react";
import { Button, Page } from "zmp-ui";
import { AppHeader } from "../../components/app-header";
import { OutcomeMessage } from "../../components/outcome-message";
import { useAction } from "../../hooks/use-action";
import { ApiError } from "../../services/api";
import { sendNomination } from "../../services/engagement-api";
import { useSession } from "../../state/session";

type Field = "who" | "where" | "why";

const fields: { name: Field; label: string; hint: string; rows?: number; maxLength: number }[] = [
  {
    name: "who",
    label: "Người hoặc tập thể được đề cử",
    hint: "Ví dụ: cô Nguyễn Thị Lan, giáo viên lớp 3A",
    maxLength: 200,
  },
  {
    name: "where",
    label: "Nơi công tác hoặc sinh sống",
    hint: "Ví dụ: Trường Tiểu học Hồng Bàng; Tổ dân phố số 4",
    maxLength: 300,
  },
  {
    name: "why",
    label: "Lý do đề cử",
    hint: "Việc làm tốt, thành tích, câu chuyện bạn biết",
    rows: 5,
    maxLength: 2000,
  },
];

/** "Đề cử điển hình": a resident names a teacher, a family or a group worth a story; staff review it. */
export default function NominatePage() {
  const { withToken } = useSession();
  const [values, setValues] = useState<Record<Field, string>>({ who: "", where: "", why: "" });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [notice, setNotice] = useState<string | null>(null);
  const { isBusy, error, run } = useAction("Không gửi được đề cử, vui lòng thử lại.");

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const missing: Partial<Record<Field, string>> = {};
    for (const field of fields)
      if (values[field.name].trim() === "") missing[field.name] = `Hãy điền “${field.label.toLowerCase()}”.`;
    setErrors(missing);
    if (Object.keys(missing).length > 0) return;
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
          setErrors(
            Object.fromEntries(reason.fields.map((f) => [f.field.replace(/^body\./, ""), f.message])),
          );
        }
        throw reason;
      }
      setValues({ who: "", where: "", why: "" });
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
            const common = {
              id,
              maxLength: field.maxLength,
              value: values[field.name],
              placeholder: field.hint,
              "aria-invalid": errors[field.name] ? true : undefined,
              "aria-describedby": errors[field.name] ? `${id}-error` : undefined,
            };
            return (
              <div className="field" key={field.name}>
                <label htmlFor={id}>{field.label}</label>
                {field.rows ? (
                  <textarea
                    {...common}
                    rows={field.rows}
                    onChange={(event) => setValues({ ...values, [field.name]: event.target.value })}
                  />
                ) : (
                  <input
                    {...common}
                    onChange={(event) => setValues({ ...values, [field.name]: event.target.value })}
                  />
                )}
                {errors[field.name] && (
                  <p id={`${id}-error`} className="inline-error">
                    {errors[field.name]}
                  </p>
                )}
              </div>
            );
          })}
          <OutcomeMessage error={error} notice={notice} />
          <Button htmlType="submit" fullWidth loading={isBusy} disabled={isBusy}>
            Gửi đề cử
          </Button>
        </form>
      </main>
    </Page>
  );
}
