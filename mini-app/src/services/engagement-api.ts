import type { CreatedId, PostEngagement, UploadResponse } from "@loa-phuong/shared";
import { request } from "./api";

export type { UploadResponse };

/** What a resident does with a post and gives back to the ward: reactions, polls, questions, photos, reports. */

export type ReactionKind = "huu_ich" | "cam_on" | "dong_tinh" | "quan_tam";

export interface ReportLocation {
  latitude: number;
  longitude: number;
  label?: string;
}

const feedPath = (postId: string) => `/api/feed/${encodeURIComponent(postId)}`;

export function markPostRead(token: string, postId: string): Promise<void> {
  return request(`${feedPath(postId)}/read`, { token, method: "POST" });
}

export function fetchEngagement(
  token: string,
  postId: string,
  signal?: AbortSignal,
): Promise<PostEngagement> {
  return request(`${feedPath(postId)}/engagement`, { token, signal });
}

export function setReaction(
  token: string,
  postId: string,
  reaction: ReactionKind,
  active: boolean,
): Promise<PostEngagement> {
  return request(`${feedPath(postId)}/reactions`, { token, method: "POST", body: { reaction, active } });
}

/** 409 `already_answered` when the resident answered before (another device, a double tap). */
export function answerPoll(token: string, postId: string, optionIds: string[]): Promise<PostEngagement> {
  return request(`${feedPath(postId)}/poll`, { token, method: "POST", body: { optionIds } });
}

export function askAboutPost(
  token: string,
  postId: string,
  body: { kind: "question" | "comment"; text: string },
): Promise<CreatedId> {
  return request(`${feedPath(postId)}/questions`, { token, method: "POST", body });
}

/** The photo's bytes as the body, its type as the content-type (the server checks the bytes too). */
export function uploadPhoto(token: string, photo: Blob): Promise<UploadResponse> {
  return request("/api/uploads", { token, method: "POST", body: photo });
}

export function sendReport(
  token: string,
  /** `place`: where, in words, when the phone's position was not given (with it, its `label`). */
  body: { text: string; uploadIds: string[]; location?: ReportLocation; place?: string; postId?: string },
): Promise<CreatedId> {
  return request("/api/reports", { token, method: "POST", body });
}

export function sendNomination(
  token: string,
  body: { who: string; where: string; why: string },
): Promise<CreatedId> {
  return request("/api/nominations", { token, method: "POST", body });
}
