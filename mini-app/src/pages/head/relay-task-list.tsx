import type { RelayTask } from "@loa-phuong/shared";
import { useEffect, useState } from "react";
import { EmptyView, ErrorView, LoadingView } from "../../components/status-views";
import { useResource } from "../../hooks/use-resource";
import { fetchRelayTasks } from "../../services/head-api";
import { useSession } from "../../state/session";
import { RelayTaskCard } from "./relay-task-card";

/** "Việc chuyển tiếp": the head's tasks, open ones first (the server's order). */
export function RelayTaskList() {
  const { withToken } = useSession();
  const loaded = useResource("relay-tasks", (signal) => withToken((token) => fetchRelayTasks(token, signal)));
  const [tasks, setTasks] = useState<RelayTask[] | null>(null);
  const fromServer = loaded.status === "ready" ? loaded.data.items : null;
  useEffect(() => setTasks(fromServer), [fromServer]);

  const replace = (next: RelayTask) =>
    setTasks((current) => current?.map((task) => (task.id === next.id ? next : task)) ?? null);
  const openCount = tasks?.filter((task) => task.status !== "confirmed").length ?? 0;

  return (
    <section aria-labelledby="relay-title">
      <h2 id="relay-title" className="section-title">
        Việc chuyển tiếp{tasks && openCount > 0 ? ` (${openCount} việc chưa xong)` : ""}
      </h2>
      {loaded.status === "loading" && <LoadingView label="Đang tải việc chuyển tiếp…" />}
      {loaded.status === "failed" && <ErrorView message={loaded.message} onRetry={loaded.reload} />}
      {tasks &&
        (tasks.length === 0 ? (
          <EmptyView>Chưa có bài nào cần chuyển tiếp vào nhóm Zalo của tổ.</EmptyView>
        ) : (
          <ul className="feed-list">
            {tasks.map((task) => (
              <li key={task.id}>
                <RelayTaskCard task={task} onChange={replace} />
              </li>
            ))}
          </ul>
        ))}
    </section>
  );
}
