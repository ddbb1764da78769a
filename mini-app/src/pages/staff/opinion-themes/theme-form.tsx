import { useId, useState } from "react";
import { Button } from "zmp-ui";
import { ActionError } from "../../../components/staff/staff-page";
import { useAction } from "../../../hooks/use-action";
import { createOpinionTheme } from "../../../services/staff-opinion-themes-api";
import { useStaff } from "../../../state/staff-session";
import { explainRefusal } from "../../../utils/error-message";
import { parseKeywords } from "./keywords";

/** Editors and admins add a theme: its name and the words that find it in residents' messages. */
export function ThemeForm({ onCreated }: { onCreated(message: string): void }) {
  const { withStaffToken } = useStaff();
  const ids = { title: useId(), name: useId(), keywords: useId(), hint: useId() };
  const [name, setName] = useState("");
  const [keywords, setKeywords] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const { isBusy, error, run } = useAction("Không thêm được chủ đề, vui lòng thử lại.");

  const submit = () => {
    const theme = { name: name.trim(), keywords: parseKeywords(keywords) };
    const missing = !theme.name
      ? "Hãy đặt tên cho chủ đề."
      : theme.keywords.length === 0
        ? "Hãy nhập ít nhất một từ khóa."
        : null;
    setProblem(missing);
    if (missing) return;
    return run(async () => {
      await withStaffToken((token) => createOpinionTheme(token, theme)).catch((reason: unknown) => {
        throw explainRefusal(reason);
      });
      setName("");
      setKeywords("");
      onCreated(`Đã thêm chủ đề “${theme.name}”.`);
    });
  };

  return (
    <form
      className="staff-card form-stack"
      aria-labelledby={ids.title}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h2 id={ids.title} className="card-title">
        Thêm chủ đề
      </h2>
      <div className="field">
        <label htmlFor={ids.name}>Tên chủ đề</label>
        <input id={ids.name} value={name} onChange={(event) => setName(event.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={ids.keywords}>Từ khóa</label>
        <p id={ids.hint} className="field-hint">
          Mỗi dòng một từ khóa, hoặc cách nhau bằng dấu phẩy. Viết có dấu; tin không dấu vẫn được nhận ra.
        </p>
        <textarea
          id={ids.keywords}
          rows={4}
          aria-describedby={ids.hint}
          value={keywords}
          onChange={(event) => setKeywords(event.target.value)}
        />
      </div>
      <ActionError message={problem ?? error} />
      <div>
        <Button htmlType="submit" size="small" loading={isBusy} disabled={isBusy}>
          Thêm chủ đề
        </Button>
      </div>
    </form>
  );
}
