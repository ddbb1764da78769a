import { type DayRange, vnDayNumber } from "../time/vn-time.js";
import type { UserStore } from "./users.js";

export interface UserFilter {
  tagName?: string;
  isFollower?: boolean;
  period?: DayRange;
}

const MAX_CACHED_FILTERS = 64;

/**
 * getlist pages through filtered lists 50 ids at a time; filtering all users for every page would
 * make paging quadratic. The filtered list is cached per filter until the user store changes.
 */
export class UserQuery {
  private cacheVersion = -1;
  private readonly cache = new Map<string, string[]>();

  constructor(private readonly users: UserStore) {}

  /** Ids in insertion order (stable across pages while nothing changes). */
  filter(filter: UserFilter): string[] {
    if (this.cacheVersion !== this.users.version) {
      this.cache.clear();
      this.cacheVersion = this.users.version;
    }
    const key = JSON.stringify([
      filter.tagName,
      filter.isFollower,
      filter.period?.fromDay,
      filter.period?.toDay,
    ]);
    const cached = this.cache.get(key);
    if (cached) return cached;
    const result = this.compute(filter);
    if (this.cache.size >= MAX_CACHED_FILTERS) this.cache.clear();
    this.cache.set(key, result);
    return result;
  }

  private compute(filter: UserFilter): string[] {
    const out: string[] = [];
    if (filter.tagName !== undefined) {
      const members = this.users.membersOf(filter.tagName);
      if (!members) return out;
      // Tag sets are in tagging order; walk them but keep only matching users.
      for (const idByOa of members) {
        const user = this.users.get(idByOa);
        if (user && this.matches(user, filter)) out.push(idByOa);
      }
      return out;
    }
    for (const user of this.users.values()) {
      if (this.matches(user, filter)) out.push(user.idByOa);
    }
    return out;
  }

  private matches(user: { isFollower: boolean; lastInteractionAt: number }, filter: UserFilter): boolean {
    if (filter.isFollower !== undefined && user.isFollower !== filter.isFollower) return false;
    if (filter.period) {
      const day = vnDayNumber(user.lastInteractionAt);
      if (day < filter.period.fromDay || day > filter.period.toDay) return false;
    }
    return true;
  }
}
