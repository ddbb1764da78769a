import { readStoredNow, writeStoredNow } from "../services/zalo/storage";

/**
 * Large-text mode ("Chữ lớn"): a class on <html> that raises the CSS variable --loa-text-scale every
 * resident style multiplies by. The server keeps the choice (PUT /api/me/preferences); the browser
 * also keeps a copy so that the next launch paints large text before sign-in answers.
 */
const storageKey = "loa-phuong.large-text";
const className = "large-text";

export function applyLargeText(isLarge: boolean): void {
  document.documentElement.classList.toggle(className, isLarge);
  writeStoredNow(storageKey, isLarge ? "1" : null);
}

export function applySavedTextSize(): void {
  if (readStoredNow(storageKey) === "1") document.documentElement.classList.add(className);
}

/** Leaving the resident app (for the staff screens) returns to the normal size. */
export function clearTextSize(): void {
  document.documentElement.classList.remove(className);
}
