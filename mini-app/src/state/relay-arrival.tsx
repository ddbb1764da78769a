import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { useLocation } from "react-router-dom";
import { ApiError } from "../services/api";
import { type RelayOpenResponse, recordRelayOpen } from "../services/resident-api";
import { useSession } from "./session";

/**
 * A resident who arrives through a group head's link (/post/<id>?relay=r-…): the opening is counted
 * for that head's group once signed in, and a resident without a group is offered to join it. The
 * URL is never rewritten, so the post opens as linked.
 */
type JoinOffer = NonNullable<RelayOpenResponse["joinOffer"]>;

interface RelayArrivalValue {
  joinOffer: JoinOffer | null;
  dismissJoinOffer(): void;
}

const RelayArrivalContext = createContext<RelayArrivalValue>({
  joinOffer: null,
  dismissJoinOffer: () => undefined,
});

/** Refs already counted in this launch, per resident: going back to the same link counts once. */
const countedRefs = new Set<string>();

export function RelayArrivalProvider({ children }: { children: ReactNode }) {
  const { search } = useLocation();
  const { session, withToken } = useSession();
  const [joinOffer, setJoinOffer] = useState<JoinOffer | null>(null);
  const ref = new URLSearchParams(search).get("relay");
  const residentId = session.resident.id;

  useEffect(() => {
    if (!ref) return;
    const key = `${residentId}:${ref}`;
    if (countedRefs.has(key)) return;
    countedRefs.add(key);
    withToken((token) => recordRelayOpen(token, ref)).then(
      (result) => setJoinOffer(result.joinOffer),
      (error: unknown) => {
        // A stale or mistyped link (404/400) is not the resident's problem: the post still opens.
        // A network failure may be retried by opening the link again.
        if (!(error instanceof ApiError) || error.status === 0) countedRefs.delete(key);
      },
    );
  }, [ref, residentId, withToken]);

  const dismissJoinOffer = useCallback(() => setJoinOffer(null), []);
  const value = useMemo(() => ({ joinOffer, dismissJoinOffer }), [joinOffer, dismissJoinOffer]);
  return <RelayArrivalContext.Provider value={value}>{children}</RelayArrivalContext.Provider>;
}

export function useRelayArrival(): RelayArrivalValue {
  return useContext(RelayArrivalContext);
}
