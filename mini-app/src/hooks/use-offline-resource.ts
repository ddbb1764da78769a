import { useEffect, useState } from "react";
import { ApiError } from "../services/api";
import type { Cached } from "../services/offline-cache";
import { type Resource, useResource } from "./use-resource";

/** Data, and whether it came from the phone's cache rather than from the server just now. */
export interface MaybeOffline<T> {
  data: T;
  /** When the phone saved what is shown; null when the server just sent it. */
  savedAt: string | null;
  /** The saved copy is shown while the server's answer is on its way (not because the server failed). */
  isRefreshing: boolean;
}

/** The network failed or the server is down: a saved copy is better than an error. A 4xx is not. */
function isUnreachable(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 0 || error.status >= 500);
}

/**
 * useResource with an offline fallback: each successful load is saved; when the server cannot be
 * reached, the saved copy is shown (`savedAt` set) instead of the error. With `showSavedFirst`, the
 * saved copy is also shown at once while the server is asked (stale-while-revalidate): a later open
 * has something to read before the network answers. `initial`: the server's data already at hand
 * (saved, and shown without asking again).
 */
export function useOfflineResource<T>(
  key: string,
  load: (signal: AbortSignal) => Promise<T>,
  cache: { read(): Promise<Cached<T> | null>; write(data: T): Promise<void> },
  options: { showSavedFirst?: boolean; initial?: T } = {},
): Resource<MaybeOffline<T>> & { reload(): void } {
  const showSavedFirst = options.showSavedFirst ?? false;
  const [initial] = useState(options.initial);
  const [initialKey] = useState(key);
  // biome-ignore lint/correctness/useExhaustiveDependencies: saved once, as a load's answer is.
  useEffect(() => {
    if (initial !== undefined) void cache.write(initial);
  }, []);
  // What a reload shows while the server is asked: the latest data this screen had.
  const [shownWhileLoading, setShownWhileLoading] = useState<{ key: string; copy: Cached<T> } | null>(() =>
    showSavedFirst && initial !== undefined
      ? { key, copy: { data: initial, savedAt: new Date().toISOString() } }
      : null,
  );

  // `cache` is a new object every render; `key` names what it reads.
  // biome-ignore lint/correctness/useExhaustiveDependencies: key is the trigger, by design.
  useEffect(() => {
    // The server's data at hand needs no older copy.
    if (!showSavedFirst || (initial !== undefined && key === initialKey)) return;
    let isCurrent = true;
    cache.read().then((copy) => {
      if (isCurrent && copy) setShownWhileLoading((shown) => (shown?.key === key ? shown : { key, copy }));
    });
    return () => {
      isCurrent = false;
    };
  }, [key, showSavedFirst]);

  const resource = useResource<MaybeOffline<T>>(
    key,
    async (signal) => {
      try {
        const data = await load(signal);
        // Another key's answer arriving late must not overwrite this one's copy.
        if (!signal.aborted) {
          // The cache is a convenience: a full storage must not fail the screen (storage.ts drops the write).
          void cache.write(data);
          if (showSavedFirst)
            setShownWhileLoading({ key, copy: { data, savedAt: new Date().toISOString() } });
        }
        return { data, savedAt: null, isRefreshing: false };
      } catch (error) {
        if (!isUnreachable(error)) throw error;
        const saved = await cache.read();
        if (!saved) throw error;
        return { data: saved.data, savedAt: saved.savedAt, isRefreshing: false };
      }
    },
    initial === undefined ? {} : { initial: { data: initial, savedAt: null, isRefreshing: false } },
  );

  if (resource.status === "loading" && shownWhileLoading?.key === key) {
    const { data, savedAt } = shownWhileLoading.copy;
    return { status: "ready", data: { data, savedAt, isRefreshing: true }, reload: resource.reload };
  }
  return resource;
}
