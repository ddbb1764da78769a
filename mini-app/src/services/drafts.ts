import { readStored, removeStored, writeStored } from "./zalo/storage";

/**
 * What a resident typed and has not sent yet, kept on this device through the storage wrapper (Zalo's
 * nativeStorage, or localStorage in a browser): one record per resident, one entry per form, so that
 * "Xóa dữ liệu của tôi" forgets them all at once.
 */
export interface KeptDraft<T> {
  value: T;
  /** When it was last kept (ISO). */
  at: string;
}

type Drafts = Record<string, KeptDraft<unknown>>;

const draftsKey = (residentId: string) => `loa-phuong.drafts.${residentId}`;

// Each change reads the record and writes it back: one at a time, so two forms never undo each other.
let queue: Promise<unknown> = Promise.resolve();
function oneAtATime<T>(work: () => Promise<T>): Promise<T> {
  const next = queue.then(work, work);
  queue = next.catch(() => undefined);
  return next;
}

export async function readDraft<T>(residentId: string, form: string): Promise<KeptDraft<T> | null> {
  const drafts = await oneAtATime(() => readStored<Drafts>(draftsKey(residentId)));
  const kept = drafts?.[form];
  return kept && typeof kept.at === "string" ? (kept as KeptDraft<T>) : null;
}

export function keepDraft(residentId: string, form: string, value: unknown): Promise<void> {
  return oneAtATime(async () => {
    const drafts = (await readStored<Drafts>(draftsKey(residentId))) ?? {};
    drafts[form] = { value, at: new Date().toISOString() };
    await writeStored(draftsKey(residentId), drafts);
  });
}

export function forgetDraft(residentId: string, form: string): Promise<void> {
  return oneAtATime(async () => {
    const drafts = await readStored<Drafts>(draftsKey(residentId));
    if (!drafts || !(form in drafts)) return;
    delete drafts[form];
    if (Object.keys(drafts).length === 0) await removeStored(draftsKey(residentId));
    else await writeStored(draftsKey(residentId), drafts);
  });
}

/** After "Xóa dữ liệu của tôi": nothing they were writing stays on the phone either. */
export function forgetAllDrafts(residentId: string): Promise<void> {
  return oneAtATime(() => removeStored(draftsKey(residentId)));
}
