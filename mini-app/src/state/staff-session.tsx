import type { StaffProfile, StaffRole, StaffSessionResponse } from "@loa-phuong/shared";
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
import { ApiError } from "../services/api";
import { fetchStaffMe, signInStaff, signInStaffWithZalo, signOutStaff } from "../services/staff-api";
import { getZaloAccessToken } from "../services/zalo/sdk";

/**
 * A ward staff member's session, separate from the resident's. In a browser on the ward server's
 * origin the httpOnly cookie set at login carries it (a reload stays signed in); the token returned
 * at login is also kept in memory and sent as a bearer, which is what works inside Zalo, where the
 * Mini App calls the server cross-origin.
 */
export type StaffSessionState =
  | { status: "checking" }
  | { status: "signed-out"; notice: string | null }
  | { status: "failed"; message: string }
  | { status: "signed-in"; staff: StaffProfile; token: string | null };

interface StaffSessionValue {
  state: StaffSessionState;
  signIn(username: string, password: string): Promise<void>;
  /** Inside Zalo: the Zalo account linked to a staff account. */
  signInWithZalo(): Promise<void>;
  signOut(): Promise<void>;
  retry(): void;
  /** Runs an API call with the session; a 401 means it ended, so the screens ask to sign in again. */
  withStaffToken<T>(call: (token: string | null) => Promise<T>): Promise<T>;
}

const StaffSessionContext = createContext<StaffSessionValue | null>(null);

const expiredNotice = "Phiên đăng nhập đã hết hạn, vui lòng đăng nhập lại.";

export function StaffSessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<StaffSessionState>({ status: "checking" });
  const tokenRef = useRef<string | null>(null);
  // Only the latest check may set the state (a retry, or React running effects twice in development).
  const attempt = useRef(0);

  const check = useCallback(() => {
    const id = ++attempt.current;
    setState({ status: "checking" });
    fetchStaffMe(tokenRef.current).then(
      (staff) => id === attempt.current && setState({ status: "signed-in", staff, token: tokenRef.current }),
      (error: unknown) => {
        if (id !== attempt.current) return;
        if (error instanceof ApiError && (error.status === 401 || error.status === 403))
          setState({ status: "signed-out", notice: null });
        else
          setState({
            status: "failed",
            message: error instanceof Error ? error.message : "Đã có lỗi xảy ra, vui lòng thử lại.",
          });
      },
    );
  }, []);

  useEffect(check, [check]);

  const accept = useCallback((session: StaffSessionResponse) => {
    tokenRef.current = session.token;
    attempt.current++;
    setState({ status: "signed-in", staff: session.staff, token: session.token });
  }, []);

  const signIn = useCallback(
    async (username: string, password: string) => accept(await signInStaff(username, password)),
    [accept],
  );

  const signInWithZalo = useCallback(
    async () => accept(await signInStaffWithZalo(await getZaloAccessToken())),
    [accept],
  );

  const signOut = useCallback(async () => {
    try {
      await signOutStaff(tokenRef.current);
    } catch (error) {
      // A session the server already forgot is signed out all the same.
      if (!(error instanceof ApiError && error.status === 401)) throw error;
    }
    tokenRef.current = null;
    attempt.current++;
    setState({ status: "signed-out", notice: "Bạn đã đăng xuất." });
  }, []);

  const withStaffToken = useCallback(async <T,>(call: (token: string | null) => Promise<T>): Promise<T> => {
    const token = tokenRef.current;
    try {
      return await call(token);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401 && tokenRef.current === token) {
        tokenRef.current = null;
        attempt.current++;
        setState({ status: "signed-out", notice: expiredNotice });
      }
      throw error;
    }
  }, []);

  const value = useMemo(
    () => ({ state, signIn, signInWithZalo, signOut, retry: check, withStaffToken }),
    [state, signIn, signInWithZalo, signOut, check, withStaffToken],
  );
  return <StaffSessionContext.Provider value={value}>{children}</StaffSessionContext.Provider>;
}

export function useStaffSessionContext(): StaffSessionValue {
  const context = useContext(StaffSessionContext);
  if (!context) throw new Error("useStaffSessionContext must be used inside <StaffSessionProvider>");
  return context;
}

/** For staff pages behind the staff gate: the staff member is always there. */
export function useStaff(): StaffSessionValue & { staff: StaffProfile; hasRole(role: StaffRole): boolean } {
  const context = useStaffSessionContext();
  if (context.state.status !== "signed-in")
    throw new Error("useStaff is only for pages behind the staff gate");
  const { staff } = context.state;
  return { ...context, staff, hasRole: (role) => staff.roles.includes(role) };
}
