import type {
  AudienceInput,
  Broadcast,
  BroadcastListItem,
  BroadcastProgress,
  BroadcastStatus,
  ChannelPlan,
  ChannelPlanRequest,
  CreateBroadcastRequest,
  CreatePostRequest,
  LabelCorrection,
  MessageKind,
  Post,
  PostReview,
  PostStatus,
  Recurrence,
  RecurringSchedule,
  RelayBoardRow,
  ResidentialGroup,
  School,
  Signal,
  SignalKind,
  StaffAlert,
  StaffProfile,
  StaffSessionResponse,
} from "@loa-phuong/shared";
import { ApiError, apiUrl, request } from "./api";

export type {
  BroadcastListItem,
  ChannelPlan,
  ChannelPlanRequest,
  RecurringSchedule,
  ResidentialGroup,
  School,
  StaffAlert,
};

/**
 * The staff part of the ward server's API. `token` is the session token kept in memory (it makes
 * calls work cross-origin inside Zalo); null means the httpOnly cookie set at login carries the session.
 */
type Token = string | null;

export type PostContent = Pick<CreatePostRequest, "title" | "summary" | "body" | "imageUrl" | "poll">;

const json = (method: "POST" | "PUT" | "PATCH" | "DELETE", body?: unknown) => ({ method, body });
const id = (value: string) => encodeURIComponent(value);

// Sign-in

export function signInStaff(username: string, password: string): Promise<StaffSessionResponse> {
  return request("/api/auth/staff/login", json("POST", { username, password }));
}

export function signInStaffWithZalo(accessToken: string): Promise<StaffSessionResponse> {
  return request("/api/auth/staff/zalo", json("POST", { accessToken }));
}

export function signOutStaff(token: Token): Promise<void> {
  return request("/api/auth/logout", { token, method: "POST" });
}

export function fetchStaffMe(token: Token, signal?: AbortSignal): Promise<StaffProfile> {
  return request("/api/staff/me", { token, signal });
}

// Posts

export function fetchPosts(
  token: Token,
  query: { status?: PostStatus | null; limit?: number },
  signal?: AbortSignal,
): Promise<{ items: Post[] }> {
  const params = new URLSearchParams({ limit: String(query.limit ?? 50) });
  if (query.status) params.set("status", query.status);
  return request(`/api/posts?${params}`, { token, signal });
}

export function fetchPost(token: Token, postId: string, signal?: AbortSignal): Promise<Post> {
  return request(`/api/posts/${id(postId)}`, { token, signal });
}

export function createPost(token: Token, post: CreatePostRequest): Promise<Post> {
  return request("/api/posts", { token, ...json("POST", post) });
}

export function updatePost(token: Token, postId: string, content: PostContent): Promise<Post> {
  return request(`/api/posts/${id(postId)}`, { token, ...json("PATCH", content) });
}

export function submitPost(token: Token, postId: string): Promise<Post> {
  return request(`/api/posts/${id(postId)}/submit`, { token, method: "POST" });
}

/** Approves the version the approver reviewed; the server refuses (409) if the post changed since. */
export function approvePost(token: Token, postId: string, version: number): Promise<Post> {
  return request(`/api/posts/${id(postId)}/approve`, { token, ...json("POST", { version }) });
}

export function rejectPost(token: Token, postId: string, reason: string): Promise<Post> {
  return request(`/api/posts/${id(postId)}/reject`, { token, ...json("POST", { reason }) });
}

export function fetchPostReview(token: Token, postId: string, signal?: AbortSignal): Promise<PostReview> {
  return request(`/api/posts/${id(postId)}/review`, { token, signal });
}

// Audiences

export function fetchResidentialGroups(
  token: Token,
  signal?: AbortSignal,
): Promise<{ items: ResidentialGroup[] }> {
  return request("/api/residential-groups", { token, signal });
}

export function fetchSchools(token: Token, signal?: AbortSignal): Promise<{ items: School[] }> {
  return request("/api/schools", { token, signal });
}

/**
 * Who the broadcast would reach on which channel, at what cost, and who nothing reaches. `isUrgent`:
 * urgent posts bypass the daily cap and may escalate by phone; the limits are the ones it would be sent with.
 */
export function planChannels(
  token: Token,
  plan: ChannelPlanRequest,
  signal?: AbortSignal,
): Promise<ChannelPlan> {
  return request("/api/audiences/plan", { token, signal, ...json("POST", plan) });
}

// Broadcasts

/** `budgetVnd` (null = no limit) and `excludePaidChannels` are what the channel plan was shown with. */
export function createBroadcast(token: Token, input: CreateBroadcastRequest): Promise<Broadcast> {
  return request("/api/broadcasts", { token, ...json("POST", input) });
}

export function fetchBroadcasts(
  token: Token,
  query: { status?: BroadcastStatus; postId?: string; limit?: number },
  signal?: AbortSignal,
): Promise<{ items: BroadcastListItem[] }> {
  const params = new URLSearchParams({ limit: String(query.limit ?? 20) });
  if (query.status) params.set("status", query.status);
  if (query.postId) params.set("postId", query.postId);
  return request(`/api/broadcasts?${params}`, { token, signal });
}

export function fetchBroadcastProgress(
  token: Token,
  broadcastId: string,
  signal?: AbortSignal,
): Promise<BroadcastProgress> {
  return request(`/api/broadcasts/${id(broadcastId)}/progress`, { token, signal });
}

export type BroadcastAction = "pause" | "resume" | "cancel";

export function controlBroadcast(
  token: Token,
  broadcastId: string,
  action: BroadcastAction,
): Promise<Broadcast> {
  return request(`/api/broadcasts/${id(broadcastId)}/${action}`, { token, method: "POST" });
}

// Recurring schedules

export function createSchedule(
  token: Token,
  input: { postId: string; audience: AudienceInput; recurrence: Recurrence; endsAt?: string },
): Promise<RecurringSchedule> {
  return request("/api/broadcast-schedules", { token, ...json("POST", input) });
}

export function fetchSchedules(token: Token, signal?: AbortSignal): Promise<{ items: RecurringSchedule[] }> {
  return request("/api/broadcast-schedules", { token, signal });
}

export function stopSchedule(token: Token, scheduleId: string): Promise<RecurringSchedule> {
  return request(`/api/broadcast-schedules/${id(scheduleId)}`, { token, method: "DELETE" });
}

// Relay board and alerts

export function fetchRelayBoard(
  token: Token,
  broadcastId: string,
  signal?: AbortSignal,
): Promise<{ items: RelayBoardRow[] }> {
  return request(`/api/broadcasts/${id(broadcastId)}/relay`, { token, signal });
}

/** The board as CSV (UTF-8 with BOM): a plain link where the cookie travels, else fetched with the bearer. */
export function relayCsvPath(broadcastId: string): string {
  return `/api/broadcasts/${id(broadcastId)}/relay.csv`;
}

/**
 * A file from the server as a Blob, with the bearer token: what an <a href> or <img src> cannot send
 * inside Zalo, where the Mini App calls the ward server cross-origin and the cookie does not travel.
 */
export async function fetchFileBlob(token: Token, pathOrUrl: string, signal?: AbortSignal): Promise<Blob> {
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  let response: Response;
  try {
    response = await fetch(/^https?:\/\//.test(pathOrUrl) ? pathOrUrl : apiUrl(pathOrUrl), {
      headers,
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError("Không kết nối được máy chủ của phường, vui lòng kiểm tra mạng và thử lại.", 0, null);
  }
  if (!response.ok)
    throw new ApiError(`Máy chủ trả lỗi ${response.status}, vui lòng thử lại.`, response.status, null);
  return response.blob();
}

export function fetchStaffAlerts(token: Token, signal?: AbortSignal): Promise<{ items: StaffAlert[] }> {
  return request("/api/staff/alerts", { token, signal });
}

// Signals inbox

export interface SignalQuery {
  kind?: SignalKind | null;
  residentialGroupId?: string | null;
  postId?: string | null;
  messageKind?: MessageKind | null;
  themeId?: string | null;
  status?: "open" | "handled" | null;
  /** ISO dates (yyyy-mm-dd), ward time. */
  from?: string | null;
  to?: string | null;
  limit?: number;
  /** The id of the last signal already shown: the next page starts below it. */
  before?: number | null;
}

export function fetchSignals(
  token: Token,
  query: SignalQuery,
  signal?: AbortSignal,
): Promise<{ items: Signal[] }> {
  const params = new URLSearchParams({ limit: String(query.limit ?? 30) });
  const keys = [
    "kind",
    "residentialGroupId",
    "postId",
    "messageKind",
    "themeId",
    "status",
    "from",
    "to",
  ] as const;
  for (const key of keys) {
    const value = query[key];
    if (value) params.set(key, value);
  }
  if (query.before) params.set("before", String(query.before));
  return request(`/api/signals?${params}`, { token, signal });
}

export function markSignalHandled(token: Token, signalId: number): Promise<Signal> {
  return request(`/api/signals/${signalId}/handled`, { token, method: "POST" });
}

/** Keep a resident's question from other residents, or let it be shown again. */
export function setSignalVisibility(token: Token, signalId: number, hidden: boolean): Promise<Signal> {
  return request(`/api/signals/${signalId}/visibility`, { token, method: "PUT", body: { hidden } });
}

/** Staff correct what the opinion models read in a signal (kept for the next training). */
export function correctSignalLabels(
  token: Token,
  signalId: number,
  labels: LabelCorrection,
): Promise<Signal> {
  return request(`/api/signals/${signalId}/labels`, { token, ...json("PUT", labels) });
}

export type ReplyChannel = "oa" | "feed";

export function replyToSignal(
  token: Token,
  signalId: number,
  reply: { text: string; channel: ReplyChannel },
): Promise<Signal> {
  return request(`/api/signals/${signalId}/reply`, { token, ...json("POST", reply) });
}
