import type { Signal } from "@loa-phuong/shared";
import { useCallback, useEffect, useRef, useState } from "react";
import { fetchSignals, type SignalQuery } from "../../../services/staff-api";
import { useStaff } from "../../../state/staff-session";
import { messageOf } from "../../../utils/error-message";

const pageSize = 30;

export type SignalList =
  | { status: "loading" }
  | { status: "failed"; message: string }
  | { status: "ready"; items: Signal[]; hasMore: boolean; isLoadingMore: boolean; moreError: string | null };

/**
 * The inbox list for a query, newest first, a page at a time ("Xem thêm" continues below the last
 * id shown). `query` null means the filters are not usable yet (e.g. a reversed date range).
 */
export function useSignalList(query: SignalQuery | null) {
  const { withStaffToken } = useStaff();
  const [list, setList] = useState<SignalList>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);
  const key = query === null ? null : JSON.stringify(query);
  // The latest query, for "Xem thêm" (which must not start a page of a query no longer shown).
  const current = useRef<{ key: string | null; query: SignalQuery | null }>({ key, query });
  current.current = { key, query };

  // `query` is a new object every render; `key` says when it really changed, and `attempt` is "Thử lại".
  // biome-ignore lint/correctness/useExhaustiveDependencies: key and attempt are the triggers, by design.
  useEffect(() => {
    if (query === null) return;
    const controller = new AbortController();
    setList({ status: "loading" });
    withStaffToken((token) => fetchSignals(token, { ...query, limit: pageSize }, controller.signal)).then(
      ({ items }) =>
        controller.signal.aborted ||
        setList({
          status: "ready",
          items,
          hasMore: items.length === pageSize,
          isLoadingMore: false,
          moreError: null,
        }),
      (error: unknown) =>
        controller.signal.aborted || setList({ status: "failed", message: messageOf(error) }),
    );
    return () => controller.abort();
  }, [key, attempt, withStaffToken]);

  const loadMore = useCallback(async () => {
    const started = current.current;
    if (list.status !== "ready" || list.isLoadingMore || !started.query) return;
    const last = list.items[list.items.length - 1];
    setList({ ...list, isLoadingMore: true, moreError: null });
    try {
      const { items } = await withStaffToken((token) =>
        fetchSignals(token, { ...started.query, limit: pageSize, before: last?.id ?? null }),
      );
      if (current.current.key !== started.key) return;
      setList((now) =>
        now.status === "ready"
          ? {
              status: "ready",
              items: [...now.items, ...items],
              hasMore: items.length === pageSize,
              isLoadingMore: false,
              moreError: null,
            }
          : now,
      );
    } catch (error) {
      if (current.current.key !== started.key) return;
      setList((now) =>
        now.status === "ready" ? { ...now, isLoadingMore: false, moreError: messageOf(error) } : now,
      );
    }
  }, [list, withStaffToken]);

  /** A signal the server answered with after an action (handled, replied), in place. */
  const replace = useCallback((signal: Signal) => {
    setList((now) =>
      now.status === "ready"
        ? { ...now, items: now.items.map((item) => (item.id === signal.id ? signal : item)) }
        : now,
    );
  }, []);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { list, loadMore, replace, reload };
}
