import type { CampaignTask } from "@loa-phuong/shared";
import { request } from "./api";

export type { CampaignTask };

/** A unit member's campaign tasks, and their progress reports (with photos already uploaded). */
export function fetchMyTasks(token: string, signal?: AbortSignal): Promise<{ items: CampaignTask[] }> {
  return request("/api/me/tasks", { token, signal });
}

export function reportMyTask(
  token: string,
  taskId: string,
  body: { text: string; done: boolean; uploadIds: string[] },
): Promise<CampaignTask> {
  return request(`/api/me/tasks/${encodeURIComponent(taskId)}/reports`, { token, method: "POST", body });
}
