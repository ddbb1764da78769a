import type {
  CreatedId,
  GroupMember,
  MemberDecisionResponse,
  MessageCheck,
  RelayTask,
} from "@loa-phuong/shared";
import { request } from "./api";

export type { GroupMember };

/**
 * A group head's endpoints (tổ trưởng of their confirmed group): relay tasks, members; and opinion
 * reports, which the ward's public-opinion collaborators file too.
 */

export type OpinionMood = "positive" | "neutral" | "negative" | "mixed";

const taskPath = (id: string) => `/api/head/relay-tasks/${encodeURIComponent(id)}`;

export function fetchRelayTasks(token: string, signal?: AbortSignal): Promise<{ items: RelayTask[] }> {
  return request("/api/head/relay-tasks", { token, signal });
}

/** The share sheet was opened (or, outside Zalo, the link shown). */
export function markRelayShared(token: string, taskId: string): Promise<RelayTask> {
  return request(`${taskPath(taskId)}/shared`, { token, method: "POST" });
}

/** "Đã chuyển tiếp". */
export function confirmRelay(token: string, taskId: string): Promise<RelayTask> {
  return request(`${taskPath(taskId)}/confirm`, { token, method: "POST" });
}

export function fetchMembers(
  token: string,
  status: "pending" | "confirmed",
  signal?: AbortSignal,
): Promise<{ items: GroupMember[] }> {
  return request(`/api/head/members?status=${status}`, { token, signal });
}

export function decideMember(
  token: string,
  residentId: string,
  decision: "confirm" | "reject",
): Promise<MemberDecisionResponse> {
  return request(`/api/head/members/${encodeURIComponent(residentId)}`, {
    token,
    method: "POST",
    body: { decision },
  });
}

export function sendOpinionReport(
  token: string,
  body: { mood: OpinionMood; topics: string[]; summary: string; examples: string[] },
): Promise<CreatedId> {
  return request("/api/opinion-reports", { token, method: "POST", body });
}

/** "Kiểm tra tin này": the ward's clarification of a known claim, or the message sent on to staff. */
export function checkMessage(token: string, text: string): Promise<MessageCheck> {
  return request("/api/head/message-checks", { token, method: "POST", body: { text } });
}
