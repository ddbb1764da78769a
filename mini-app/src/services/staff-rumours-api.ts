import type { RumourClaim, RumourClaimRequest } from "@loa-phuong/shared";
import { request } from "./api";

export type { RumourClaim, RumourClaimRequest };

/** The rumour desk's part of the staff API: known false claims and how far each has spread. */
type Token = string | null;

export function fetchRumourClaims(token: Token, signal?: AbortSignal): Promise<{ items: RumourClaim[] }> {
  return request("/api/rumours", { token, signal });
}

export function createRumourClaim(token: Token, claim: RumourClaimRequest): Promise<RumourClaim> {
  return request("/api/rumours", { token, method: "POST", body: claim });
}
