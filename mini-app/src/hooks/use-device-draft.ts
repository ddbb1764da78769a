import { type SetStateAction, useCallback, useEffect, useRef, useState } from "react";
import { forgetDraft, keepDraft, readDraft } from "../services/drafts";
import { useSession } from "../state/session";

/** A resident form's values, kept on the device as they are typed, and what became of them. */
export interface DeviceDraft<T> {
  value: T;
  setValue(next: SetStateAction<T>): void;
  /** When the draft put back on opening was written; null once the resident changes it. */
  restoredAt: string | null;
  /** What is on screen is kept on this device (nothing is kept for an empty form). */
  isKept: boolean;
  /** The device has answered: a kept draft, if any, is on screen. */
  isReady: boolean;
  /** After sending: the form empties and the device forgets it. */
  forget(): void;
}

/**
 * Like the staff composer's kept draft (`pages/staff/post/use-kept-draft.ts`), for a resident's form:
 * a reload, a call that closes Zalo or an ended session loses nothing. `form` names the form (and the
 * post, for a question); `empty` is the untouched form, which is never kept.
 */
export function useDeviceDraft<T>(form: string, empty: T): DeviceDraft<T> {
  const { session } = useSession();
  const residentId = session.resident.id;
  const emptyRef = useRef(empty);
  const emptyJson = JSON.stringify(emptyRef.current);
  const [value, setValueState] = useState<T>(empty);
  const [restoredAt, setRestoredAt] = useState<string | null>(null);
  const [isKept, setKept] = useState(false);
  const [isChecked, setChecked] = useState(false);
  // Typing before the device answers wins over the older draft.
  const isTouched = useRef(false);

  useEffect(() => {
    let isCurrent = true;
    // Another form (another post's question box): what was on screen belongs to the one before.
    isTouched.current = false;
    setValueState(emptyRef.current);
    setRestoredAt(null);
    setChecked(false);
    void readDraft<T>(residentId, form).then((kept) => {
      if (!isCurrent) return;
      if (kept && !isTouched.current && JSON.stringify(kept.value) !== emptyJson) {
        setValueState(kept.value);
        setRestoredAt(kept.at);
      }
      setChecked(true);
    });
    return () => {
      isCurrent = false;
    };
  }, [residentId, form, emptyJson]);

  useEffect(() => {
    // Not before the check: the untouched form must not overwrite what is waiting to be put back.
    if (!isChecked) return;
    if (JSON.stringify(value) === emptyJson) {
      setKept(false);
      void forgetDraft(residentId, form);
      return;
    }
    let isCurrent = true;
    void keepDraft(residentId, form, value).then(() => {
      if (isCurrent) setKept(true);
    });
    return () => {
      isCurrent = false;
    };
  }, [isChecked, value, residentId, form, emptyJson]);

  const setValue = useCallback((next: SetStateAction<T>) => {
    isTouched.current = true;
    setRestoredAt(null);
    setValueState(next);
  }, []);

  const forget = useCallback(() => {
    isTouched.current = true;
    setRestoredAt(null);
    setKept(false);
    setValueState(emptyRef.current);
    void forgetDraft(residentId, form);
  }, [residentId, form]);

  return { value, setValue, restoredAt, isKept, isReady: isChecked, forget };
}
