import { randomBytes } from "node:crypto";
import { getTableName, is, sql } from "drizzle-orm";
import { PgTable } from "drizzle-orm/pg-core";
import pg from "pg";
import { openStore, type Store } from "../store/database.js";
import * as schema from "../store/schema/index.js";

export type StoreKind = "pglite" | "postgres";

/** Store tests run on both; PostgreSQL is at 127.0.0.1:5432 on dev and CI machines. */
export const storeKinds: StoreKind[] = ["pglite", "postgres"];

/** A server database the tests may create scratch databases from. */
export const testPostgresUrl = () =>
  process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test";

/**
 * A fresh, migrated store: in-memory PGlite, or a new scratch database on the PostgreSQL server
 * (dropped on close), so test files never see each other's rows.
 */
export async function openTestStore(kind: StoreKind): Promise<Store> {
  if (kind === "pglite") return openStore({ kind: "pglite" });
  const name = `loa_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: testPostgresUrl() });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(testPostgresUrl());
  url.pathname = `/${name}`;
  const store = await openStore({ kind: "postgres", databaseUrl: url.toString(), poolSize: 5 });
  return {
    ...store,
    close: async () => {
      await store.close();
      const dropper = new pg.Client({ connectionString: testPostgresUrl() });
      await dropper.connect();
      try {
        await dropper.query(`drop database if exists ${name} with (force)`);
      } finally {
        await dropper.end();
      }
    },
  };
}

/** Every table of the schema: a table added to it is emptied too, with no list to keep. */
const tableNames = (Object.values(schema) as unknown[])
  .filter((value): value is PgTable => is(value, PgTable))
  .map((table) => `"${getTableName(table)}"`);

/** Empties every table between tests (faster than a new store). */
export async function truncateAll(store: Store): Promise<void> {
  await store.db.execute(sql.raw(`truncate table ${tableNames.join(", ")} restart identity cascade`));
}
