import { useCallback, useState } from "react";
import { messageOf } from "../utils/error-message";

/**
 * A button's action: busy while it runs, and the reason shown when it fails (the error's message, or
 * `failMessage`). `run` clears the last error first.
 *
 * `keepBusyOnSuccess`: for work whose success leaves the screen or replaces the button (a navigation, a
 * sign-in, a form that gives way to its result), the action stays busy once it has succeeded, so the
 * button cannot be pressed again while the screen changes; only a failure makes it ready again.
 */
export function useAction(
  failMessage: string,
  { keepBusyOnSuccess = false }: { keepBusyOnSuccess?: boolean } = {},
): { isBusy: boolean; error: string | null; run(work: () => Promise<void>): Promise<void> } {
  const [isBusy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(
    async (work: () => Promise<void>) => {
      setBusy(true);
      setError(null);
      try {
        await work();
      } catch (reason) {
        setError(messageOf(reason, failMessage));
        setBusy(false);
        return;
      }
      if (!keepBusyOnSuccess) setBusy(false);
    },
    [failMessage, keepBusyOnSuccess],
  );
  return { isBusy, error, run };
}
