import { isInsideZalo } from "./environment";
import { zaloNativeStorage } from "./sdk";

/**
 * Key-value storage that outlives the session: Zalo's nativeStorage inside Zalo, localStorage in a
 * browser. Storage is a cache here, so when it is missing or full a write is dropped and a read is
 * empty: the app then simply needs the network.
 */
interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

async function store(): Promise<KeyValueStore | null> {
  try {
    if (isInsideZalo()) return await zaloNativeStorage();
    return window.localStorage;
  } catch {
    return null; // storage disabled (private mode) or unsupported by this Zalo version
  }
}

export async function readStored<T>(key: string): Promise<T | null> {
  const kv = await store();
  try {
    const raw = kv?.getItem(key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null; // written by an older build or cut short: treat as absent
  }
}

export async function writeStored(key: string, value: unknown): Promise<void> {
  const kv = await store();
  try {
    kv?.setItem(key, JSON.stringify(value));
  } catch {
    // Full: Zalo evicts the oldest itself; a browser refuses. Either way the cache just misses.
  }
}

export async function removeStored(key: string): Promise<void> {
  const kv = await store();
  try {
    kv?.removeItem(key);
  } catch {
    // Nothing to remove.
  }
}

/** Synchronous, browser only: lets the first paint use a saved preference before sign-in. */
export function readStoredNow(key: string): string | null {
  if (isInsideZalo()) return null;
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

export function writeStoredNow(key: string, value: string | null): void {
  if (isInsideZalo()) return;
  try {
    if (value === null) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, value);
  } catch {
    // Only the first paint of the next launch uses it.
  }
}
