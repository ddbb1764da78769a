import type { Persona } from "./zalo/demo-identity";

/**
 * A demo session kept in sessionStorage, so a reload keeps the chosen persona while closing the tab
 * forgets it. Inside Zalo nothing is kept: every launch signs in again with a fresh Zalo token.
 */
export interface SavedSession {
  token: string;
  expiresAt: string;
  persona: Persona;
}

const storageKey = "loa-phuong.session";

export function readSavedSession(): SavedSession | null {
  let raw: string | null;
  try {
    raw = window.sessionStorage.getItem(storageKey);
  } catch {
    return null; // storage disabled (private mode, embedded webview): the demo just asks again
  }
  if (raw === null) return null;
  try {
    const saved = JSON.parse(raw) as Partial<SavedSession>;
    const isComplete =
      typeof saved.token === "string" && typeof saved.expiresAt === "string" && saved.persona;
    if (!isComplete || Date.parse(saved.expiresAt as string) <= Date.now()) return null;
    return saved as SavedSession;
  } catch {
    return null; // written by an older build: ask again
  }
}

export function saveSession(session: SavedSession): void {
  try {
    window.sessionStorage.setItem(storageKey, JSON.stringify(session));
  } catch {
    // Without storage the session lives until the next reload; nothing else depends on it.
  }
}

export function clearSavedSession(): void {
  try {
    window.sessionStorage.removeItem(storageKey);
  } catch {
    // Nothing was saved either.
  }
}
