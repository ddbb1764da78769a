import type { FeedItem, ResidentProfile } from "@loa-phuong/shared";
import { runtimeConfig } from "../config";
import { feedPageSize, fetchFeed, fetchMe, signInWithZalo } from "./api";
import { readLastResident } from "./offline-cache";
import { readSavedSession } from "./saved-session";
import type { Persona } from "./zalo/demo-identity";
import { isInsideZalo } from "./zalo/environment";
import { getZaloAccessToken } from "./zalo/sdk";

/**
 * The first screen's requests. The entry module starts them before React is loaded (boot.ts), so on a
 * slow link the sign-in and the first page of the feed travel while the app's code downloads and runs;
 * the session (state/session.tsx) and the feed (pages/index/feed-list.tsx) then take what was started.
 */

/** A resident signed in to the ward server. */
export interface SignedIn {
  token: string;
  expiresAt: string;
  resident: ResidentProfile;
  /** The simulated Zalo user behind a demo session; null inside Zalo. */
  persona: Persona | null;
}

/** The first page of the home feed ("Tất cả") and whose it is; `items` null: the answer left it out. */
export interface FirstFeed {
  residentId: string;
  items: FeedItem[] | null;
}

export type Launch =
  | {
      /** Inside Zalo, or a demo persona saved in this tab: signing in needs no one's choice. */
      kind: "signing-in";
      /** The demo's persona saved in this tab; null inside Zalo. */
      persona: Persona | null;
      signIn: Promise<SignedIn>;
      feed: Promise<FirstFeed>;
      /** Who this phone showed last (device storage): shown at once while `signIn` is on its way. */
      lastResident: Promise<ResidentProfile | null>;
    }
  | { kind: "choosing-persona" }
  | { kind: "outside-zalo" };

/** Starts what a launch needs: Zalo signs in by itself, the demo resumes a saved persona or asks for one. */
export function startLaunch(): Launch {
  if (isInsideZalo()) {
    // One round trip: the token exchange answers with the profile and the first page of the feed.
    const answer = getZaloAccessToken().then((accessToken) =>
      signInWithZalo(accessToken, { withFeed: true }),
    );
    return signingIn(
      null,
      answer.then(({ token, expiresAt, resident }) => ({ token, expiresAt, resident, persona: null })),
      answer.then(({ resident, feed }) => ({ residentId: resident.id, items: feed?.items ?? null })),
      readLastResident(null),
    );
  }
  if (!runtimeConfig.demo) return { kind: "outside-zalo" };
  const saved = readSavedSession();
  if (!saved) return { kind: "choosing-persona" };
  // The saved session is checked and the feed asked for at the same time: one round trip, not two.
  const signIn = fetchMe(saved.token).then((resident) => ({ ...saved, resident }));
  const page = fetchFeed(saved.token, { kind: null, limit: feedPageSize });
  return signingIn(
    saved.persona,
    signIn,
    Promise.all([signIn, page]).then(([{ resident }, { items }]) => ({ residentId: resident.id, items })),
    readLastResident(saved.persona.idByApp),
  );
}

function signingIn(
  persona: Persona | null,
  signIn: Promise<SignedIn>,
  feed: Promise<FirstFeed>,
  lastResident: Promise<ResidentProfile | null>,
): Launch {
  // Whoever takes these sees their failure; until someone does, it is not an unhandled rejection.
  for (const promise of [signIn, feed, lastResident]) promise.catch(() => undefined);
  return { kind: "signing-in", persona, signIn, feed, lastResident };
}

let entryLaunch: { launch: Launch; signedIn: SignedIn | null } | null = null;

/**
 * boot.ts calls this once per page load, before the app's module runs (which imports boot's chunk):
 * the first screen's requests go out now, and the first page of the feed is offered to the feed.
 */
export function prefetchFirstScreen(): void {
  if (entryLaunch || isStaffScreen()) return;
  const entry = { launch: startLaunch(), signedIn: null as SignedIn | null };
  entryLaunch = entry;
  if (entry.launch.kind !== "signing-in") return;
  offerFirstFeed(entry.launch.feed);
  entry.launch.signIn.then(
    (signedIn) => {
      entry.signedIn = signedIn;
    },
    () => undefined, // the session sees the failure when it takes the launch
  );
}

/** Ward staff's screens (/staff/…) have their own sign-in: a resident's must not start there. */
function isStaffScreen(): boolean {
  // The app's own path, without the /zapps/<APP_ID> its router takes as basename.
  const path = window.location.pathname.replace(/^\/zapps\/[^/]+/, "");
  return path === "/staff" || path.startsWith("/staff/");
}

/** The entry's launch, not taken: the session's first render shows what it knows already. */
export function peekLaunch(): { launch: Launch; signedIn: SignedIn | null } | null {
  return entryLaunch;
}

/** The session takes the entry's launch, once; every later start (a retry, a new sign-in) asks again. */
export function takeLaunch(): Launch {
  const launch = entryLaunch?.launch ?? startLaunch();
  entryLaunch = null;
  return launch;
}

/**
 * How long a first page that arrived stays the first screen's: a resident who opened a post by a
 * link and comes back to the feed minutes later is shown a page fetched then, not this one.
 */
const firstScreenMs = 30_000;

let offered: { feed: Promise<FirstFeed>; arrived: FirstFeed | null; arrivedAt: number } | null = null;

/** The first page of the feed that comes with a sign-in, for the feed about to appear. */
export function offerFirstFeed(feed: Promise<FirstFeed> | null): void {
  const slot = feed && { feed, arrived: null as FirstFeed | null, arrivedAt: 0 };
  offered = slot;
  feed?.then(
    (first) => {
      if (!slot) return;
      slot.arrived = first;
      slot.arrivedAt = Date.now();
    },
    () => undefined, // the feed sees the failure when it takes the promise
  );
}

/**
 * That first page, once: at hand when it has arrived (the feed's first render shows it), else the
 * sign-in's promise of it. Null when there is none for this resident: the feed asks the server.
 */
export function takeFirstFeed(
  residentId: string,
): { arrived: FeedItem[] } | { feed: Promise<FirstFeed> } | null {
  const slot = offered;
  offered = null;
  if (!slot) return null;
  if (!slot.arrived) return { feed: slot.feed };
  const { residentId: owner, items } = slot.arrived;
  const isRecent = Date.now() - slot.arrivedAt < firstScreenMs;
  return owner === residentId && items && isRecent ? { arrived: items } : null;
}
