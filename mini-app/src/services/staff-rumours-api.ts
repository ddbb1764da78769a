import type {
  RumourClaim,
  RumourClaimRequest,
  RumourReplyMode,
  RumourSettings,
  Signal,
} from "@loa-phuong/shared";
import { request } from "./api";

export type { RumourClaim, RumourClaimRequest, RumourReplyMode, RumourSettings };

/** The rumour desk's part of the staff API: known false claims and how far each has spread. */
type Token = string | null;

export function fetchRumourClaims(
  token: Token,
  signal?: AbortSignal,
): Promise<{ items: RumourClaim[]; settings?: RumourSettings }> {
  return request("/api/rumours", { token, signal });
}

export function createRumourClaim(token: Token, claim: RumourClaimRequest): Promise<RumourClaim> {
  return request("/api/rumours", { token, method: "POST", body: claim });
}

/** Admins and approvers: clarifications sent at once ("auto") or after a staff tap ("staff"). */
export function saveRumourSettings(token: Token, settings: RumourSettings): Promise<RumourSettings> {
  return request("/api/rumours/settings", { token, method: "PUT", body: settings });
}

/** "Gửi đính chính": the claim's approved clarification to the resident who repeated it. */
export function sendClarification(token: Token, signalId: number): Promise<Signal> {
  return request(`/api/signals/${signalId}/clarification`, { token, method: "POST" });
}
