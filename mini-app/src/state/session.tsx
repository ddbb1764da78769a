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
import { ApiError, fetchMe, prefetchFeed, signInWithZalo } from "../services/api";
import { clearSavedSession, readSavedSession, saveSession } from "../services/saved-session";
import { issueDemoAccessToken, type Persona } from "../services/zalo/demo-identity";
import { isInsideZalo } from "../services/zalo/environment";
import { getZaloAccessToken } from "../services/zalo/sdk";
import { messageOf } from "../utils/error-message";

/** A resident signed in to the ward server. */
export interface Session {
  token: string;
  expiresAt: string;
  resident: ResidentProfile;
  /** The simulated Zalo user behind a demo session; null inside Zalo. */
  persona: Persona | null;
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
  /** Runs an API call with the session token; a 401 means the session ended, so sign in again. */
  withToken<T>(call: (token: string) => Promise<T>): Promise<T>;
  /** The resident followed the OA; the server learns it from Zalo's webhook a moment later. */
  markFollowing(): void;
  /** The server answered with the resident's new profile (onboarding, preferences, joining a group). */
  updateResident(resident: ResidentProfile): void;
  /** Ends the session with a message for the resident (after their data was deleted). */
  signOut(message: string): void;
}

const SessionContext = createContext<SessionContextValue | null>(null);

/** Where a launch starts: Zalo signs in by itself, the demo resumes a saved persona or asks for one. */
async function start(): Promise<SessionState> {
  if (isInsideZalo()) {
    const { token, expiresAt, resident } = await signInWithZalo(await getZaloAccessToken());
    return { status: "signed-in", session: { token, expiresAt, resident, persona: null } };
  }
  if (!runtimeConfig.demo) return { status: "outside-zalo" };
  const saved = readSavedSession();
  if (!saved) return { status: "choosing-persona" };
  try {
    prefetchFeed(saved.token);
    const resident = await fetchMe(saved.token);
    return { status: "signed-in", session: { ...saved, resident } };
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 401)) throw error;
    clearSavedSession();
    return { status: "choosing-persona" };
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: "starting" });
  // Only the latest start may set the state (a retry, or React running effects twice in development).
  const launch = useRef(0);
  const sessionRef = useRef<Session | null>(null);
  sessionRef.current = state.status === "signed-in" ? state.session : null;

  const restart = useCallback(() => {
    const id = ++launch.current;
    setState({ status: "starting" });
    start().then(
      (next) => id === launch.current && setState(next),
      (error: unknown) => id === launch.current && setState({ status: "failed", message: messageOf(error) }),
    );
  }, []);

  useEffect(restart, [restart]);

  const signInAsPersona = useCallback(async (persona: Persona) => {
    const simulatorUrl = runtimeConfig.demo?.simulatorUrl;
    if (!simulatorUrl) throw new Error("Chế độ trình diễn chưa được bật.");
    const { token, expiresAt, resident } = await signInWithZalo(
      await issueDemoAccessToken(simulatorUrl, persona.idByApp),
    );
    saveSession({ token, expiresAt, persona });
    launch.current++;
    setState({ status: "signed-in", session: { token, expiresAt, resident, persona } });
  }, []);

  const switchPersona = useCallback(() => {
    clearSavedSession();
    launch.current++;
    setState({ status: "choosing-persona" });
  }, []);

  const withToken = useCallback(
    async <T,>(call: (token: string) => Promise<T>): Promise<T> => {
      const session = sessionRef.current;
      if (!session) throw new ApiError("Vui lòng đăng nhập.", 401, "unauthenticated");
      try {
        return await call(session.token);
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
    setState((current) =>
      current.status === "signed-in" ? { ...current, session: { ...current.session, resident } } : current,
    );
  }, []);

  const signOut = useCallback((message: string) => {
    clearSavedSession();
    launch.current++;
    setState({ status: "signed-out", message });
  }, []);

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
