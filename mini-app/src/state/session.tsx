import type { ResidentProfile } from "@loa-phuong/shared";
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import { runtimeConfig } from "../config";
import { ApiError, signInWithZalo } from "../services/api";
import { offerFirstFeed, peekLaunch, takeLaunch } from "../services/first-screen";
import { rememberResident } from "../services/offline-cache";
import { clearSavedSession, saveSession } from "../services/saved-session";
import { issueDemoAccessToken, type Persona } from "../services/zalo/demo-identity";
import { messageOf } from "../utils/error-message";

/** A resident signed in to the ward server, or shown from this phone's copy while signing in. */
export interface Session {
  resident: ResidentProfile;
  /** The simulated Zalo user behind a demo session; null inside Zalo. */
  persona: Persona | null;
  /** False while the resident is shown from this phone's last session and the sign-in is on its way. */
  isConfirmed: boolean;
}

export type SessionState =
  | { status: "starting" }
  | { status: "choosing-persona" }
  | { status: "outside-zalo" }
  | { status: "failed"; message: string }
  /** The resident deleted their data ("Xóa dữ liệu của tôi"): signed out, with what happened. */
  | { status: "signed-out"; message: string }
  | { status: "signed-in"; session: Session };

interface SessionContextValue {
  state: SessionState;
  /** Demo only: signs in as a simulated resident; rejects with a message the picker shows. */
  signInAsPersona(persona: Persona): Promise<void>;
  /** Demo only ("Đổi người dùng"): forgets the session and shows the picker. */
  switchPersona(): void;
  retry(): void;
  /**
   * Runs an API call with the session token, once the sign-in has answered; a 401 means the session
   * ended, so sign in again.
   */
  withToken<T>(call: (token: string) => Promise<T>): Promise<T>;
  /** The resident followed the OA; the server learns it from Zalo's webhook a moment later. */
  markFollowing(): void;
  /** The server answered with the resident's new profile (onboarding, preferences, joining a group). */
  updateResident(resident: ResidentProfile): void;
  /** Ends the session with a message for the resident (after their data was deleted). */
  signOut(message: string): void;
}

const SessionContext = createContext<SessionContextValue | null>(null);

/** The network failed or the server is down: the phone's copy may stay on screen. */
function isUnreachable(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 0 || error.status >= 500);
}

/**
 * The first render's state: on a slow link the entry's sign-in has often answered while the app's
 * code was still arriving, and then the first render is already the resident's screen.
 */
function firstState(): SessionState {
  const entry = peekLaunch();
  if (entry?.launch.kind === "choosing-persona" || entry?.launch.kind === "outside-zalo")
    return { status: entry.launch.kind };
  if (!entry?.signedIn) return { status: "starting" };
  const { resident, persona } = entry.signedIn;
  return { status: "signed-in", session: { resident, persona, isConfirmed: true } };
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>(firstState);
  // Only the latest start may set the state (a retry, or React running effects twice in development).
  const launch = useRef(0);
  const sessionRef = useRef<Session | null>(null);
  sessionRef.current = state.status === "signed-in" ? state.session : null;
  /** The session token of this launch; still on its way while the phone's copy is on screen. */
  const tokenRef = useRef<Promise<string> | null>(null);

  const restart = useCallback(() => {
    const id = ++launch.current;
    const isCurrent = () => id === launch.current;
    // The first start takes what the entry module began before React rendered (boot.ts), its first
    // page of the feed offered already. A later one offers its own to a feed about to appear; a
    // screen already up (signing in again) has its feed.
    const entry = peekLaunch()?.launch;
    const next = takeLaunch();
    if (next !== entry) offerFirstFeed(next.kind === "signing-in" && !sessionRef.current ? next.feed : null);
    if (next.kind !== "signing-in") {
      tokenRef.current = null;
      const status = next.kind;
      setState((current) => (current.status === status ? current : { status }));
      return;
    }
    const token = next.signIn.then((signedIn) => signedIn.token);
    token.catch(() => undefined); // seen by withToken's callers
    tokenRef.current = token;
    // Signing in again (a session that ended) keeps the resident's screen up.
    setState((current) => (current.status === "signed-in" ? current : { status: "starting" }));
    // A later open: the phone's last resident at once, their saved feed with them, then the answer.
    next.lastResident.then((resident) => {
      if (!resident || !isCurrent()) return;
      setState((current) =>
        current.status === "starting"
          ? { status: "signed-in", session: { resident, persona: next.persona, isConfirmed: false } }
          : current,
      );
    });
    next.signIn.then(
      ({ resident, persona }) => {
        if (!isCurrent()) return;
        setState((current) =>
          // Already shown by the first render (firstState): nothing to render again.
          current.status === "signed-in" && current.session.resident === resident
            ? current
            : { status: "signed-in", session: { resident, persona, isConfirmed: true } },
        );
      },
      async (error: unknown) => {
        await next.lastResident.catch(() => null); // its copy is on screen first, if there is one
        if (!isCurrent()) return;
        if (next.persona && error instanceof ApiError && error.status === 401) {
          // The demo's saved session has ended: choose again.
          clearSavedSession();
          tokenRef.current = null;
          setState({ status: "choosing-persona" });
          return;
        }
        // Offline, the phone's copy stays; the next call with the token signs in again.
        setState((current) =>
          current.status === "signed-in" && isUnreachable(error)
            ? current
            : { status: "failed", message: messageOf(error) },
        );
      },
    );
  }, []);

  useEffect(restart, [restart]);

  // The next open shows this resident at once.
  const confirmed = state.status === "signed-in" && state.session.isConfirmed ? state.session : null;
  useEffect(() => {
    if (confirmed) void rememberResident(confirmed.resident, confirmed.persona?.idByApp ?? null);
  }, [confirmed]);

  const signInAsPersona = useCallback(async (persona: Persona) => {
    const simulatorUrl = runtimeConfig.demo?.simulatorUrl;
    if (!simulatorUrl) throw new Error("Chế độ trình diễn chưa được bật.");
    // As inside Zalo: the token exchange answers with the first page of the feed too.
    const { token, expiresAt, resident, feed } = await signInWithZalo(
      await issueDemoAccessToken(simulatorUrl, persona.idByApp),
      { withFeed: true },
    );
    saveSession({ token, expiresAt, persona });
    launch.current++;
    tokenRef.current = Promise.resolve(token);
    offerFirstFeed(Promise.resolve({ residentId: resident.id, items: feed?.items ?? null }));
    setState({ status: "signed-in", session: { resident, persona, isConfirmed: true } });
  }, []);

  const endSession = useCallback((next: SessionState) => {
    clearSavedSession();
    launch.current++;
    tokenRef.current = null;
    offerFirstFeed(null);
    setState(next);
  }, []);

  const switchPersona = useCallback(() => endSession({ status: "choosing-persona" }), [endSession]);

  const withToken = useCallback(
    async <T,>(call: (token: string) => Promise<T>): Promise<T> => {
      const session = sessionRef.current;
      const pending = tokenRef.current;
      if (!session || !pending) throw new ApiError("Vui lòng đăng nhập.", 401, "unauthenticated");
      let token: string;
      try {
        token = await pending;
      } catch (error) {
        // This launch's sign-in failed (offline, the phone's copy on screen): sign in again for this call.
        if (tokenRef.current === pending) restart();
        const again = tokenRef.current;
        if (!again || again === pending) throw error;
        token = await again;
      }
      try {
        return await call(token);
      } catch (error) {
        if (error instanceof ApiError && error.status === 401 && sessionRef.current === session) {
          clearSavedSession();
          restart();
        }
        throw error;
      }
    },
    [restart],
  );

  const markFollowing = useCallback(() => {
    setState((current) =>
      current.status === "signed-in"
        ? {
            ...current,
            session: { ...current.session, resident: { ...current.session.resident, isFollower: true } },
          }
        : current,
    );
  }, []);

  const updateResident = useCallback((resident: ResidentProfile) => {
    // A first page fetched before (onboarding, joining a group) may not be what they are sent now.
    offerFirstFeed(null);
    setState((current) =>
      current.status === "signed-in" ? { ...current, session: { ...current.session, resident } } : current,
    );
  }, []);

  const signOut = useCallback(
    (message: string) => endSession({ status: "signed-out", message }),
    [endSession],
  );

  const value = useMemo(
    () => ({
      state,
      signInAsPersona,
      switchPersona,
      retry: restart,
      withToken,
      markFollowing,
      updateResident,
      signOut,
    }),
    [state, signInAsPersona, switchPersona, restart, withToken, markFollowing, updateResident, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSessionContext(): SessionContextValue {
  const context = useContext(SessionContext);
  if (!context) throw new Error("useSessionContext must be used inside <SessionProvider>");
  return context;
}

/** For pages behind the sign-in gate: the session is always there. */
export function useSession(): SessionContextValue & { session: Session } {
  const context = useSessionContext();
  if (context.state.status !== "signed-in")
    throw new Error("useSession is only for pages behind the sign-in gate");
  return { ...context, session: context.state.session };
}
