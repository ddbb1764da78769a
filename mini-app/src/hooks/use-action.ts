import { useCallback, useState } from "react";
import { messageOf } from "../utils/error-message";

/**
 * A button's action: busy while it runs, and the reason shown when it fails (the error's message, or
 * `failMessage`). `run` clears the last error first.
 */
export function useAction(failMessage: string): { isBusy: boolean; error: string | null; run(work: () => Promise<void>): Promise<void> } {
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
      } finally {
        setBusy(false);
      }
    },
    [failMessage],
  );
  return { isBusy, error, run };
}
