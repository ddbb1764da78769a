import type {
  CivicRole,
  MyData,
  MyQuestion,
  RelayOpenResponse,
  ResidentialGroup,
  ResidentProfile,
  School,
} from "@loa-phuong/shared";
import { request } from "./api";

export type { MyQuestion, RelayOpenResponse, ResidentialGroup, School };

/**
 * The resident's own endpoints: onboarding, preferences, phone, "Dữ liệu của tôi", and what they
 * asked. Types only from @loa-phuong/shared: its schemas (zod) never reach the Mini App's bundle.
 */

export interface DeclaredRole {
  role: Exclude<CivicRole, "group_head">;
  schoolId?: string;
}

export function fetchResidentialGroups(
  token: string,
  signal?: AbortSignal,
): Promise<{ items: ResidentialGroup[] }> {
  return request("/api/residential-groups", { token, signal });
}

export function fetchSchools(token: string, signal?: AbortSignal): Promise<{ items: School[] }> {
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

/**
 * After Zalo's interactOA succeeded (or the simulator's, in the demo): the server opens the 7-day
 * window in which the ward's OA may message the resident, and answers with the profile.
 */
export function recordOaInteraction(token: string): Promise<ResidentProfile> {
  return request("/api/me/oa-interaction", { token, method: "POST" });
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
export function recordRelayOpen(token: string, ref: string): Promise<RelayOpenResponse> {
  return request("/api/relay-opens", { token, method: "POST", body: { ref } });
}
