import { useCallback, useEffect, useRef, useState } from "react";

export type Resource<T> =
  | { status: "loading" }
  | { status: "ready"; data: T }
  | { status: "failed"; message: string };

/**
 * Loads data for a screen and reloads it on demand ("Thử lại"). `key` must name everything `load`
 * depends on: a new key aborts the old request and starts again. `initial`: the first key's data,
 * already at hand (it came with another answer), shown without loading it again.
 */
export function useResource<T>(
  key: string,
  load: (signal: AbortSignal) => Promise<T>,
  options: { initial?: T } = {},
): Resource<T> & { reload(): void } {
  const [state, setState] = useState<Resource<T>>(() =>
    options.initial === undefined ? { status: "loading" } : { status: "ready", data: options.initial },
  );
  const [attempt, setAttempt] = useState(0);
  const hasInitial = useRef(options.initial !== undefined);

  // `load` is a new function every render; `key` says when it really changed, and `attempt` is "Thử lại".
  // biome-ignore lint/correctness/useExhaustiveDependencies: key and attempt are the triggers, by design.
  useEffect(() => {
    if (hasInitial.current) {
      hasInitial.current = false;
      return;
    }
    const controller = new AbortController();
    setState({ status: "loading" });
    load(controller.signal).then(
      (data) => controller.signal.aborted || setState({ status: "ready", data }),
      (error: unknown) =>
        controller.signal.aborted ||
        setState({
          status: "failed",
          message: error instanceof Error ? error.message : "Đã có lỗi xảy ra, vui lòng thử lại.",
        }),
    );
    return () => controller.abort();
  }, [key, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, reload };
}
