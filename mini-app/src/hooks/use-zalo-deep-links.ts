import { useEffect } from "react";
import { useNavigate } from "zmp-ui";
import { isInsideZalo } from "../services/zalo/environment";
import { onZaloOpenApp } from "../services/zalo/sdk";

/** Follows links that arrive while the app is already open (a cold start just reads the URL). */
export function useZaloDeepLinks(): void {
  const navigate = useNavigate();
  useEffect(() => {
    if (!isInsideZalo()) return;
    let unsubscribe: (() => void) | undefined;
    let isUnmounted = false;
    onZaloOpenApp((path) => navigate(path)).then(
      (off) => {
        if (isUnmounted) off();
        else unsubscribe = off;
      },
      // Without the SDK there are no such events; signing in reports the same failure to the resident.
      () => undefined,
    );
    return () => {
      isUnmounted = true;
      unsubscribe?.();
    };
  }, [navigate]);
}
