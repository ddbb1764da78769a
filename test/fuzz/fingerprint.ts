import { queryRows, type Store, tables } from "@loa-phuong/bot-server/store";
import { getTableName, is, sql } from "drizzle-orm";
import { PgTable } from "drizzle-orm/pg-core";

/** Every table of the schema (as `truncateAll` lists them): a table added to it is watched too. */
const tableNames = (Object.values(tables) as unknown[])
  .filter((value): value is PgTable => is(value, PgTable))
  .map((table) => getTableName(table));
/**
 * Per table, its row count and the newest row version (PostgreSQL and PGlite stamp `xmin`, the writing
 * transaction, on every row inserted or updated): an insert, update or delete anywhere moves one of them.
 */
const fingerprintQuery = sql.raw(
  tableNames
    .map(
      (name) =>
        `select '${name}' as t, count(*)::text as n, ` +
        `coalesce(max(xmin::text::bigint), 0)::text as x from "${name}"`,
    )
    .join(" union all "),
);

export type Fingerprint = Map<string, string>;

/** The store's fingerprint: cheap enough to take after every request. */
export async function fingerprint(db: Store["db"]): Promise<Fingerprint> {
  const rows = await queryRows<{ t: string; n: string; x: string }>(db, fingerprintQuery);
  return new Map(rows.map((r) => [r.t, `${r.n} rows, xmin ${r.x}`]));
}

/** Tables whose count or newest row version differ, as `table: before → after`. */
export function changedTables(before: Fingerprint, after: Fingerprint, ignore = new Set<string>()): string[] {
  const changed: string[] = [];
  for (const [table, was] of before) {
    if (ignore.has(table)) continue;
    const now = after.get(table);
    if (now !== was) changed.push(`${table}: ${was} → ${now}`);
  }
  return changed;
}
