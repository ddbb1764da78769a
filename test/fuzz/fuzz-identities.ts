import { randomBytes } from "node:crypto";
import { buildStaff } from "@loa-phuong/bot-server/testing";
import { residentClient } from "../e2e/support/residents.js";
import type { Stack } from "../e2e/support/stack.js";
import { WARD } from "../e2e/support/ward.js";

export type Who = "anonymous" | "resident" | "head" | "editor" | "approver" | "admin";
export const everyone: Who[] = ["anonymous", "resident", "head", "editor", "approver", "admin"];
type StaffWho = "editor" | "approver" | "admin";

/** A caller the fuzzer sends requests as: a session (bearer token) and, for staff, a second one as a cookie. */
export interface Identity {
  who: Exclude<Who, "anonymous">;
  token: string;
  /** Staff: the `loa_session` value set by POST /api/auth/staff/login (a session of its own). */
  cookieToken?: string;
  account?: { username: string; password: string };
  residentId?: string;
  idByApp?: string;
}

/** A private address per sign-in, so the per-address login limit never shuts the fuzzer's own logins out. */
export const someAddress = () => `10.${[...randomBytes(3)].join(".")}`;

/** Staff sign-in by password: the bearer token from the answer, or the cookie from set-cookie. */
export async function staffLogin(
  stack: Stack,
  account: { username: string; password: string },
  as: "token" | "cookie",
): Promise<string> {
  const res = await fetch(`${stack.url}/api/auth/staff/login`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": someAddress() },
    body: JSON.stringify({ username: account.username, password: account.password }),
  });
  const body = (await res.json()) as { token?: string };
  if (res.status !== 200 || !body.token)
    throw new Error(`staff login failed: ${res.status} ${JSON.stringify(body)}`);
  if (as === "token") return body.token;
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .find((c) => c.startsWith("loa_session="));
  if (!cookie) throw new Error("staff login set no loa_session cookie");
  return decodeURIComponent(cookie.slice("loa_session=".length));
}

export async function staffIdentity(stack: Stack, who: StaffWho): Promise<Identity> {
  const { username, password } = await buildStaff(stack.runtime.store.db, WARD, [who]);
  const account = { username, password };
  return {
    who,
    account,
    token: await staffLogin(stack, account, "token"),
    cookieToken: await staffLogin(stack, account, "cookie"),
  };
}

/** A resident (or a confirmed head) of the group, with a phone in Zalo, signed in to the Mini App API. */
export async function residentIdentity(
  stack: Stack,
  who: "resident" | "head",
  groupId: string,
): Promise<Identity> {
  const r = await residentClient(stack, { groupId, head: who === "head", phone: "84912345678" });
  return { who, token: r.client.token!, residentId: r.residentId, idByApp: r.idByApp };
}
