import { ApiError } from "../services/api";
import type { Cached } from "../services/offline-cache";
import { type Resource, useResource } from "./use-resource";

/** Data, and whether it came from the phone's cache because the server could not be reached. */
export interface MaybeOffline<T> {
  data: T;
  savedAt: string | null;
}

/** The network failed or the server is down: a saved copy is better than an error. A 4xx is not. */
function isUnreachable(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 0 || error.status >= 500);
}

/**
 * useResource with an offline fallback: each successful load is saved; when the server cannot be
 * reached, the saved copy is shown (`savedAt` set) instead of the error.
 */
export function useOfflineResource<T>(
  key: string,
  load: (signal: AbortSignal) => Promise<T>,
  cache: { read(): Promise<Cached<T> | null>; write(data: T): Promise<void> },
): Resource<MaybeOffline<T>> & { reload(): void } {
  return useResource(key, async (signal) => {
    try {
      const data = await load(signal);
      // The cache is a convenience: a full storage must not fail the screen (storage.ts drops the write).
      void cache.write(data);
      return { data, savedAt: null };
    } catch (error) {
      if (!isUnreachable(error)) throw error;
      const saved = await cache.read();
      if (!saved) throw error;
      return { data: saved.data, savedAt: saved.savedAt };
    }
  });
}
