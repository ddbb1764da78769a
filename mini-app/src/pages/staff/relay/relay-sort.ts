import type { RelayBoardRow } from "@loa-phuong/shared";

export type RelaySortKey = "group" | "head" | "status" | "confirmedAt" | "opens" | "seen";
export interface RelaySort {
  key: RelaySortKey;
  isAscending: boolean;
}

/** Furthest along first when sorted ascending: confirmed, shared, open, then groups without a head. */
const statusRank: Record<RelayBoardRow["status"], number> = { confirmed: 0, shared: 1, open: 2, no_head: 3 };

function byName(a: string, b: string): number {
  return a.localeCompare(b, "vi", { numeric: true });
}

/** Share of the group's recipients who saw the OA message. */
export function seenRatio(row: RelayBoardRow): number {
  return row.oa.recipients === 0 ? 0 : row.oa.seen / row.oa.recipients;
}

function compare(key: RelaySortKey, a: RelayBoardRow, b: RelayBoardRow): number {
  switch (key) {
    case "group":
      return byName(a.residentialGroup.name, b.residentialGroup.name);
    case "head":
      // Groups without a head sort after every name.
      if (!a.head || !b.head) return (a.head ? 0 : 1) - (b.head ? 0 : 1);
      return byName(a.head.name, b.head.name);
    case "status":
      return statusRank[a.status] - statusRank[b.status];
    case "confirmedAt":
      // Not confirmed yet counts as "latest".
      return (
        (a.confirmedAt ? Date.parse(a.confirmedAt) : Infinity) -
          (b.confirmedAt ? Date.parse(b.confirmedAt) : Infinity) || 0
      );
    case "opens":
      return a.opens.uniqueResidents - b.opens.uniqueResidents || a.opens.total - b.opens.total;
    case "seen":
      return seenRatio(a) - seenRatio(b);
  }
}

/** Sorted copy; ties keep the residential group order so the table never shuffles. */
export function sortRelayRows(rows: RelayBoardRow[], sort: RelaySort): RelayBoardRow[] {
  return [...rows].sort((a, b) => {
    const order = compare(sort.key, a, b);
    if (Number.isNaN(order) || order === 0) return byName(a.residentialGroup.name, b.residentialGroup.name);
    return sort.isAscending ? order : -order;
  });
}

/** Clicking the sorted column flips it; a new column starts ascending for names, descending for numbers. */
export function nextSort(current: RelaySort, key: RelaySortKey): RelaySort {
  if (current.key === key) return { key, isAscending: !current.isAscending };
  return { key, isAscending: key === "group" || key === "head" || key === "status" || key === "confirmedAt" };
}
