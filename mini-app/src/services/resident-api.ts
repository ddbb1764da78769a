import type { CivicRole, MyData, ResidentProfile, SchoolLevel } from "@loa-phuong/shared";
import { request } from "./api";

/**
 * The resident's own endpoints: onboarding, preferences, phone, "Dữ liệu của tôi", and what they
 * asked. Types only from @loa-phuong/shared: its schemas (zod) never reach the Mini App's bundle.
 */

/** Tổ dân phố as the server lists it (members = confirmed residents). */
export interface ResidentialGroupOption {
  id: string;
  code: string;
  name: string;
  area: string | null;
  members: number;
}

export interface SchoolOption {
  id: string;
  name: string;
  level: SchoolLevel;
  address: string | null;
}

export interface DeclaredRole {
  role: Exclude<CivicRole, "group_head">;
  schoolId?: string;
}

export interface MyQuestion {
  id: number | string;
  kind: string;
  text: string;
  sentAt: string;
  post: { id: string; title: string } | null;
  replies: { text: string; at: string; by: string }[];
}

export interface RelayOpenResult {
  counted: boolean;
  joinOffer: { residentialGroupId: string; name: string } | null;
}

export function fetchResidentialGroups(
  token: string,
  signal?: AbortSignal,
): Promise<{ items: ResidentialGroupOption[] }> {
  return request("/api/residential-groups", { token, signal });
}

export function fetchSchools(token: string, signal?: AbortSignal): Promise<{ items: SchoolOption[] }> {
  return request("/api/schools", { token, signal });
}

export function completeOnboarding(
  token: string,
  body: { residentialGroupId: string; civicRoles: DeclaredRole[]; consent: true },
): Promise<ResidentProfile> {
  return request("/api/me/onboarding", { token, method: "POST", body });
}

export function joinResidentialGroup(token: string, residentialGroupId: string): Promise<ResidentProfile> {
  return request("/api/me/join-group", { token, method: "POST", body: { residentialGroupId } });
}

/** The number itself is read by the server from Zalo; the Mini App only passes the single-use token. */
export function sharePhoneNumber(
  token: string,
  body: { accessToken: string; phoneToken: string; consent: true },
): Promise<{ hasPhone: true }> {
  return request("/api/me/phone", { token, method: "POST", body });
}

export function updatePreferences(
  token: string,
  body: { notificationsAllowed?: boolean; largeText?: boolean },
): Promise<ResidentProfile> {
  return request("/api/me/preferences", { token, method: "PUT", body });
}

export function fetchMyData(token: string, signal?: AbortSignal): Promise<MyData> {
  return request("/api/me/data", { token, signal });
}

export function deleteMyData(token: string): Promise<void> {
  return request("/api/me", { token, method: "DELETE" });
}

export function fetchMyQuestions(token: string, signal?: AbortSignal): Promise<{ items: MyQuestion[] }> {
  return request("/api/me/questions", { token, signal });
}

/** Counts the opening of a head's link (`?relay=`) for their group. */
export function recordRelayOpen(token: string, ref: string): Promise<RelayOpenResult> {
  return request("/api/relay-opens", { token, method: "POST", body: { ref } });
}
