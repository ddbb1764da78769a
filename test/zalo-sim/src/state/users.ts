import type { SimUser } from "../types.js";

/** Thrown for a user id the simulator does not know; the admin routes turn it into a 404. */
export class UnknownUserError extends Error {
  constructor(id: string) {
    super(`Unknown simulated user ${id}`);
    this.name = "UnknownUserError";
  }
}

/** Internal record; `tags` is a Set so tag edits are O(1). */
export interface UserRecord {
  idByApp: string;
  idByOa: string;
  name: string;
  avatar?: string;
  phone?: string;
  isFollower: boolean;
  lastInteractionAt: number;
  tags: Set<string>;
  notificationsAllowed: boolean;
  zbsBlocked: boolean;
  /** CS replies sent since `windowStart` (the interaction that opened the current 48 h window). */
  replies: { windowStart: number; used: number };
}

/**
 * Simulated users, indexed by both ids, plus the OA's tags. Every mutation bumps `version`, which
 * lets getlist cache its filtered lists until something changes.
 */
export class UserStore {
  private readonly byOa = new Map<string, UserRecord>();
  private readonly oaByApp = new Map<string, string>();
  /** "84…" → idByOa, for ZBS messages by phone (the last user upserted with a number owns it). */
  private readonly oaByPhone = new Map<string, string>();
  /** tag name → members; Map keeps creation order, which gettagsofoa reports. */
  private readonly tagMembers = new Map<string, Set<string>>();
  private followers = 0;
  version = 0;

  get size(): number {
    return this.byOa.size;
  }

  get followerCount(): number {
    return this.followers;
  }

  upsert(users: SimUser[]): void {
    for (const user of users) {
      const owner = this.oaByApp.get(user.idByApp);
      // An idByApp that moves to another idByOa would make /me and the OA disagree about who is who.
      if (owner !== undefined && owner !== user.idByOa) {
        throw new Error(`idByApp ${user.idByApp} already belongs to idByOa ${owner}`);
      }
    }
    for (const user of users) this.upsertOne(user);
    this.version++;
  }

  private upsertOne(user: SimUser): void {
    const existing = this.byOa.get(user.idByOa);
    if (existing) {
      if (existing.idByApp !== user.idByApp) this.oaByApp.delete(existing.idByApp);
      if (existing.isFollower) this.followers--;
      if (existing.phone !== undefined && this.oaByPhone.get(existing.phone) === existing.idByOa)
        this.oaByPhone.delete(existing.phone);
    }
    const record: UserRecord = {
      idByApp: user.idByApp,
      idByOa: user.idByOa,
      name: user.name,
      avatar: user.avatar,
      phone: user.phone,
      isFollower: user.isFollower,
      lastInteractionAt: user.lastInteractionAt,
      tags: existing?.tags ?? new Set(),
      // The Mini App sets these through /__sim; re-seeding users must not silently undo them.
      notificationsAllowed: user.notificationsAllowed ?? existing?.notificationsAllowed ?? false,
      zbsBlocked: user.zbsBlocked ?? existing?.zbsBlocked ?? false,
      replies: existing?.replies ?? { windowStart: user.lastInteractionAt, used: 0 },
    };
    if (user.isFollower) this.followers++;
    this.byOa.set(user.idByOa, record);
    this.oaByApp.set(user.idByApp, user.idByOa);
    if (user.phone !== undefined) this.oaByPhone.set(user.phone, user.idByOa);
    if (user.tags) {
      for (const tag of [...record.tags]) this.untag(record, tag);
      for (const tag of user.tags) this.tag(record, tag);
    }
  }

  get(idByOa: string): UserRecord | undefined {
    return this.byOa.get(idByOa);
  }

  getByApp(idByApp: string): UserRecord | undefined {
    const idByOa = this.oaByApp.get(idByApp);
    return idByOa === undefined ? undefined : this.byOa.get(idByOa);
  }

  /** `phone` in the stored form, "84…" without "+". */
  getByPhone(phone: string): UserRecord | undefined {
    const idByOa = this.oaByPhone.get(phone);
    return idByOa === undefined ? undefined : this.byOa.get(idByOa);
  }

  require(idByOa: string): UserRecord {
    const user = this.byOa.get(idByOa);
    if (!user) throw new UnknownUserError(idByOa);
    return user;
  }

  values(): IterableIterator<UserRecord> {
    return this.byOa.values();
  }

  setFollower(user: UserRecord, isFollower: boolean): void {
    if (user.isFollower === isFollower) return;
    user.isFollower = isFollower;
    this.followers += isFollower ? 1 : -1;
    this.version++;
  }

  touchInteraction(user: UserRecord, at: number): void {
    user.lastInteractionAt = at;
    this.version++;
  }

  tagNames(): string[] {
    return [...this.tagMembers.keys()];
  }

  membersOf(tag: string): ReadonlySet<string> | undefined {
    return this.tagMembers.get(tag);
  }

  tag(user: UserRecord, tag: string): void {
    let members = this.tagMembers.get(tag);
    if (!members) {
      members = new Set();
      this.tagMembers.set(tag, members);
    }
    members.add(user.idByOa);
    user.tags.add(tag);
    this.version++;
  }

  untag(user: UserRecord, tag: string): void {
    this.tagMembers.get(tag)?.delete(user.idByOa);
    user.tags.delete(tag);
    this.version++;
  }

  /** Returns false when the tag does not exist. */
  deleteTag(tag: string): boolean {
    const members = this.tagMembers.get(tag);
    if (!members) return false;
    for (const idByOa of members) this.byOa.get(idByOa)?.tags.delete(tag);
    this.tagMembers.delete(tag);
    this.version++;
    return true;
  }
}

export function toSimUser(record: UserRecord): SimUser {
  const user: SimUser = {
    idByApp: record.idByApp,
    idByOa: record.idByOa,
    name: record.name,
    isFollower: record.isFollower,
    lastInteractionAt: record.lastInteractionAt,
    tags: [...record.tags],
    notificationsAllowed: record.notificationsAllowed,
    zbsBlocked: record.zbsBlocked,
  };
  if (record.avatar !== undefined) user.avatar = record.avatar;
  if (record.phone !== undefined) user.phone = record.phone;
  return user;
}

/** Zalo always has an avatar URL; invent a stable one when the test data has none. */
export function avatarOf(record: UserRecord): string {
  return record.avatar ?? `https://s120-ava-talk.zadn.vn/sim/${record.idByOa}.jpg`;
}
