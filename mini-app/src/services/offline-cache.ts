import type { FeedItem, ResidentProfile } from "@loa-phuong/shared";
import { readStored, removeStored, writeStored } from "./zalo/storage";

/**
 * What a resident read last, kept on the phone so that it still shows on a weak or absent network:
 * the last feed of each tab and the posts they opened (the newest `maxPosts`). Kept per resident,
 * so switching persona in the demo or deleting one's data leaves nothing of another resident behind.
 */
const maxPosts = 30;
const prefix = (residentId: string) => `loa-phuong.cache.${residentId}`;
const feedKey = (residentId: string, tab: string) => `${prefix(residentId)}.feed.${tab}`;
const postKey = (residentId: string, postId: string) => `${prefix(residentId)}.post.${postId}`;
const postIndexKey = (residentId: string) => `${prefix(residentId)}.posts`;
const feedTabs = ["all", "news", "exemplary_story"];
const lastResidentKey = "loa-phuong.cache.last-resident";

export interface Cached<T> {
  data: T;
  savedAt: string;
}

export function readCachedFeed(residentId: string, tab: string): Promise<Cached<FeedItem[]> | null> {
  return readStored(feedKey(residentId, tab));
}

export function cacheFeed(residentId: string, tab: string, items: FeedItem[]): Promise<void> {
  return writeStored(feedKey(residentId, tab), {
    data: items,
    savedAt: new Date().toISOString(),
  } satisfies Cached<FeedItem[]>);
}

export function readCachedPost(residentId: string, postId: string): Promise<Cached<FeedItem> | null> {
  return readStored(postKey(residentId, postId));
}

export async function cachePost(residentId: string, post: FeedItem): Promise<void> {
  await writeStored(postKey(residentId, post.id), {
    data: post,
    savedAt: new Date().toISOString(),
  } satisfies Cached<FeedItem>);
  const index = (await readStored<string[]>(postIndexKey(residentId))) ?? [];
  const next = [post.id, ...index.filter((id) => id !== post.id)];
  await Promise.all(next.slice(maxPosts).map((id) => removeStored(postKey(residentId, id))));
  await writeStored(postIndexKey(residentId), next.slice(0, maxPosts));
}

/**
 * Who was signed in on this phone last: the next open shows them (and their saved feed) at once,
 * while the sign-in is on its way. `personaId` is the demo's simulated Zalo user (null inside Zalo).
 */
interface LastResident {
  resident: ResidentProfile;
  personaId: string | null;
}

export function rememberResident(resident: ResidentProfile, personaId: string | null): Promise<void> {
  return writeStored(lastResidentKey, { resident, personaId } satisfies LastResident);
}

/**
 * The resident signed in last on this phone. In the demo only for the same persona; inside Zalo the
 * phone's Zalo account opens it, and should another account sign in, its answer replaces this one.
 */
export async function readLastResident(personaId: string | null): Promise<ResidentProfile | null> {
  const last = await readStored<LastResident>(lastResidentKey);
  return last?.resident?.id && last.personaId === personaId ? last.resident : null;
}

/** After "Xóa dữ liệu của tôi": nothing of theirs stays on the phone either. */
export async function clearResidentCache(residentId: string): Promise<void> {
  const index = (await readStored<string[]>(postIndexKey(residentId))) ?? [];
  const last = await readStored<LastResident>(lastResidentKey);
  await Promise.all([
    ...index.map((id) => removeStored(postKey(residentId, id))),
    ...feedTabs.map((tab) => removeStored(feedKey(residentId, tab))),
    removeStored(postIndexKey(residentId)),
    ...(last?.resident?.id === residentId ? [removeStored(lastResidentKey)] : []),
  ]);
}
