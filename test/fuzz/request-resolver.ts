import type { Identity } from "./fuzz-identities.js";
import type { FuzzWorld } from "./fuzz-world.js";
import { define } from "./json-paths.js";
import type { FuzzRoute } from "./plans.js";
import { Pick } from "./schema-arbitrary.js";
import { at, type Pools } from "./ward-state.js";

/** Turns the plan's placeholders into real values of the ward at send time. */
export class Resolver {
  private loginAccount: { username: string; password: string } | undefined;
  /** The post the path names (resolved first): whose current version an approval names. */
  private post: string | undefined;

  constructor(
    private readonly world: FuzzWorld,
    private readonly pools: Pools,
    private readonly route: FuzzRoute,
    private readonly identity: Identity | undefined,
  ) {}

  resolve(value: unknown, key: string): unknown {
    if (value instanceof Pick) return this.real(value, key);
    if (Array.isArray(value)) return value.map((item) => this.resolve(item, key));
    if (value !== null && typeof value === "object") {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) define(out, k, this.resolve(v, k));
      return out;
    }
    return value;
  }

  private real(p: Pick, key: string): unknown {
    const { pools, world } = this;
    const n = p.pick;
    switch (p.pool) {
      case "post":
        this.post = at(this.postPool(key, n), n >>> 3);
        return this.post ?? `khong-co-${key}`;
      case "group":
      case "school":
      case "campaign":
      case "upload":
      case "relayRef":
      case "relayTask":
      case "broadcast":
      case "schedule":
      case "member":
      case "signal":
      case "webhookEvent":
      case "msgId":
        return at(pools[p.pool] as unknown[], n) ?? `khong-co-${key}`;
      case "pollOption":
        return at(["a", "b", "c", "a", "b", "z"], n);
      case "postVersion":
        return (this.post && pools.postVersion.get(this.post)) ?? (n % 3) + 1;
      case "loginUser": {
        this.loginAccount = at(world.loginAccounts, n);
        return n % 7 === 0 ? `khong-co-${n}` : this.loginAccount!.username;
      }
      case "loginPassword": {
        const account = this.loginAccount ?? at(world.loginAccounts, n)!;
        return n % 4 === 0 ? "sai-mat-khau" : account.password;
      }
      case "zaloToken":
        return world.stack.sim.issueUserAccessToken(this.zaloUser(n));
      case "phoneToken": {
        // Only the resident callers were given a phone in Zalo; anyone else's phone token is a made-up one.
        const owner = this.identity?.idByApp ?? world.identities.resident.idByApp!;
        return n % 5 === 0 ? `khong-co-${n}` : world.stack.sim.issuePhoneToken(owner);
      }
      default:
        return undefined;
    }
  }

  /** Posts a route can act on, most of the time: readable ones, submitted ones to approve, drafts to submit. */
  private postPool(key: string, n: number): string[] {
    const { pools, route } = this;
    if (n % 4 === 0) return pools.post;
    const t = route.template;
    const choice =
      t.startsWith("/api/feed/") || (key === "postId" && !t.startsWith("/api/broadcast"))
        ? pools.feedPost
        : t.endsWith("/approve") || t.endsWith("/reject")
          ? pools.submittedPost
          : t.endsWith("/submit") || route.key === "PATCH /api/posts/:id"
            ? pools.draftPost
            : key === "postId"
              ? pools.approvedPost
              : pools.post;
    return choice.length > 0 ? choice : pools.post;
  }

  /** Whose Zalo token a route is sent: the caller's own, the linked staff member's, a resident's, a newcomer's. */
  private zaloUser(n: number): string {
    const { world } = this;
    if (this.route.key === "POST /api/me/phone" && this.identity?.idByApp && n % 5 !== 0)
      return this.identity.idByApp;
    if (this.route.key === "POST /api/auth/staff/zalo" && n % 3 !== 0) return world.zaloStaff;
    if (n % 4 === 0) return at(world.zaloNewcomers, n)!;
    return at(world.zaloResidents, n)!;
  }
}
