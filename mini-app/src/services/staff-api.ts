import type {
  AudienceInput,
  Broadcast,
  BroadcastProgress,
  BroadcastStatus,
  CreatePostRequest,
  Post,
  PostReview,
  PostStatus,
  Recurrence,
  SchoolLevel,
  StaffProfile,
  StaffSessionResponse,
} from "@loa-phuong/shared";
import { request } from "./api";

/**
 * The staff part of the ward server's API. `token` is the session token kept in memory (it makes
 * calls work cross-origin inside Zalo); null means the httpOnly cookie set at login carries the session.
 */
type Token = string | null;

/** Tổ dân phố, as the server lists it (members = confirmed residents). */
export interface ResidentialGroup {
  id: string;
  code: string;
  name: string;
  area: string | null;
  members: number;
}

export interface School {
  id: string;
  name: string;
  level: SchoolLevel;
  address: string | null;
}

export interface AudienceCounts {
  recipients: number;
  /** Followers who interacted with the OA within 7 days; the rest read it in the Mini App feed. */
  reachableByOa: number;
}

export type BroadcastListItem = Broadcast & { postTitle: string };

export interface RecurringSchedule {
  id: string;
  postId: string;
  postTitle: string | null;
  audience: AudienceInput;
  /** Cron pattern "minute hour * * weekdays", in ward time. */
  pattern: string;
  isActive: boolean;
  endsAt: string | null;
  createdAt: string;
}

export type PostContent = Pick<CreatePostRequest, "title" | "summary" | "body" | "imageUrl">;

const json = (method: "POST" | "PATCH" | "DELETE", body?: unknown) => ({ method, body });
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

export function fetchPosts(token: Token, query: { status?: PostStatus | null; limit?: number }, signal?: AbortSignal): Promise<{ items: Post[] }> {
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

export function approvePost(token: Token, postId: string): Promise<Post> {
  return request(`/api/posts/${id(postId)}/approve`, { token, method: "POST" });
}

export function rejectPost(token: Token, postId: string, reason: string): Promise<Post> {
  return request(`/api/posts/${id(postId)}/reject`, { token, ...json("POST", { reason }) });
}

export function fetchPostReview(token: Token, postId: string, signal?: AbortSignal): Promise<PostReview> {
  return request(`/api/posts/${id(postId)}/review`, { token, signal });
}

// Audiences

export function fetchResidentialGroups(token: Token, signal?: AbortSignal): Promise<{ items: ResidentialGroup[] }> {
  return request("/api/residential-groups", { token, signal });
}

export function fetchSchools(token: Token, signal?: AbortSignal): Promise<{ items: School[] }> {
  return request("/api/schools", { token, signal });
}

export function countAudience(token: Token, audience: AudienceInput, signal?: AbortSignal): Promise<AudienceCounts> {
  return request("/api/audiences/count", { token, signal, ...json("POST", { audience }) });
}

// Broadcasts

export function createBroadcast(token: Token, input: { postId: string; audience: AudienceInput; scheduledAt?: string }): Promise<Broadcast> {
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

export function fetchBroadcastProgress(token: Token, broadcastId: string, signal?: AbortSignal): Promise<BroadcastProgress> {
  return request(`/api/broadcasts/${id(broadcastId)}/progress`, { token, signal });
}

export type BroadcastAction = "pause" | "resume" | "cancel";

export function controlBroadcast(token: Token, broadcastId: string, action: BroadcastAction): Promise<Broadcast> {
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
