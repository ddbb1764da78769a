import { formatDate, formatDateTime } from "@loa-phuong/shared/client";
import { useState } from "react";
import { Button, Page } from "zmp-ui";
import { AppHeader } from "../../components/app-header";
import { ActionError } from "../../components/outcome-message";
import { EmptyView, ErrorView, LoadingView } from "../../components/status-views";
import { useAction } from "../../hooks/use-action";
import { useResource } from "../../hooks/use-resource";
import { type CampaignTask, fetchMyTasks, reportMyTask } from "../../services/tasks-api";
import { useSession } from "../../state/session";
import { explainRefusal } from "../../utils/error-message";
import { PhotoPicker } from "../report/photo-picker";
import { usePhotoUploads } from "../report/use-photo-uploads";

/**
 * "Nhiệm vụ của đơn vị": the campaign tasks of the units a resident reports for (a school, an office, a
 * mass organisation), each with its deadline; they report progress with photos and say when it is done.
 */
export default function TasksPage() {
  const { withToken } = useSession();
  const tasks = useResource("my-tasks", (signal) => withToken((token) => fetchMyTasks(token, signal)));
  return (
    <Page className="page">
      <AppHeader title="Nhiệm vụ" showBack />
      <main className="page-content">
        <h1 className="page-title">Nhiệm vụ của đơn vị</h1>
        {tasks.status === "loading" && <LoadingView label="Đang tải nhiệm vụ…" />}
        {tasks.status === "failed" && <ErrorView message={tasks.message} onRetry={tasks.reload} />}
        {tasks.status === "ready" &&
          (tasks.data.items.length === 0 ? (
            <EmptyView>Đơn vị của bạn chưa được giao nhiệm vụ nào.</EmptyView>
          ) : (
            <ul className="plain-list">
              {tasks.data.items.map((task) => (
                <li key={task.id}>
                  <TaskCard task={task} onReported={tasks.reload} />
                </li>
              ))}
            </ul>
          ))}
      </main>
    </Page>
  );
}

function TaskCard({ task, onReported }: { task: CampaignTask; onReported(): void }) {
  const { withToken } = useSession();
  const [text, setText] = useState("");
  const [done, setDone] = useState(false);
  const [isOpen, setOpen] = useState(false);
  const uploads = usePhotoUploads();
  const { isBusy, error, run } = useAction("Không gửi được báo cáo, vui lòng thử lại.");
  const [problem, setProblem] = useState<string | null>(null);
  const id = `task-${task.id}`;
  const state =
    task.status === "done"
      ? `Đã hoàn thành ${task.doneAt ? formatDate(task.doneAt) : ""}`
      : task.isLate
        ? "Quá hạn"
        : "Đang thực hiện";

  const send = () => {
    const missing = text.trim() === "" ? "Hãy ghi kết quả thực hiện." : null;
    setProblem(missing);
    if (missing) return;
    void run(async () => {
      const uploadIds = uploads.photos.flatMap((photo) => (photo.uploadId ? [photo.uploadId] : []));
      await withToken((token) => reportMyTask(token, task.id, { text: text.trim(), done, uploadIds })).catch(
        (reason: unknown) => {
          throw explainRefusal(reason);
        },
      );
      setText("");
      setDone(false);
      setOpen(false);
      uploads.clear();
      onReported();
    });
  };

  return (
    <article className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="card-title">
        {task.title}
      </h2>
      <p className="muted">
        {task.unit.name} · Hạn <time dateTime={task.dueAt}>{formatDate(task.dueAt)}</time> ·{" "}
        <strong>{state}</strong>
      </p>
      {task.reports.length > 0 && (
        <ul className="reply-list" aria-label={`Báo cáo tiến độ: ${task.title}`}>
          {task.reports.map((report) => (
            <li key={`${report.at}:${report.by}`} className="reply">
              <p className="reply-by">
                {report.by} · <time dateTime={report.at}>{formatDateTime(report.at)}</time>
                {report.done && " · báo hoàn thành"}
              </p>
              <p className="reply-text">{report.text}</p>
            </li>
          ))}
        </ul>
      )}
      {task.status === "open" &&
        (isOpen ? (
          <form
            className="form-stack"
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              send();
            }}
          >
            <div className="field">
              <label htmlFor={`${id}-text`}>Kết quả thực hiện</label>
              <textarea id={`${id}-text`} rows={4} value={text} onChange={(e) => setText(e.target.value)} />
            </div>
            <PhotoPicker
              photos={uploads.photos}
              rejections={uploads.rejections}
              onAdd={(picked) => void uploads.add(picked)}
              onRemove={uploads.remove}
            />
            <label className="choice">
              <input type="checkbox" checked={done} onChange={(e) => setDone(e.target.checked)} />
              <span>Đã hoàn thành nhiệm vụ</span>
            </label>
            <ActionError message={problem ?? error} />
            <Button htmlType="submit" fullWidth loading={isBusy} disabled={isBusy}>
              Gửi báo cáo tiến độ
            </Button>
          </form>
        ) : (
          <Button variant="secondary" onClick={() => setOpen(true)}>
            Báo cáo tiến độ
          </Button>
        ))}
    </article>
  );
}
