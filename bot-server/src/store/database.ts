import { mkdirSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import { PgliteThreadClient } from "./pglite-thread.js";
import * as schema from "./schema/index.js";

export type Schema = typeof schema;
/** The store's query interface; the same on embedded PGlite and on PostgreSQL. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction handle, usable wherever a Db is. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

export interface Store {
  db: Db;
  kind: "pglite" | "postgres";
  /** The connection string of a PostgreSQL store (other processes can open the same database). */
  url?: string;
  close(): Promise<void>;
}

export type StoreOptions =
  | { kind: "postgres"; databaseUrl: string; poolSize?: number }
  | { kind: "pglite"; dataDir?: string };

const migrationsFolder = path.resolve(import.meta.dirname, "..", "..", "migrations");

/** Any number of processes may start at once; only one applies migrations at a time. */
const MIGRATION_LOCK_ID = 4_242_144;

/** Opens the store and applies pending migrations. */
export async function openStore(options: StoreOptions): Promise<Store> {
  if (options.kind === "postgres") return openPostgres(options.databaseUrl, options.poolSize ?? 10);
  return openPglite(options.dataDir);
}

/** Picks PostgreSQL when a URL is configured, else embedded PGlite under the data folder. */
export function storeOptionsFromConfig(config: {
  DATABASE_URL?: string | undefined;
  dataDir: string;
}): StoreOptions {
  if (config.DATABASE_URL) return { kind: "postgres", databaseUrl: config.DATABASE_URL };
  return { kind: "pglite", dataDir: path.join(config.dataDir, "pglite") };
}

async function openPostgres(databaseUrl: string, poolSize: number): Promise<Store> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize });
  // An idle client's network error must not crash the process; the pool replaces the client.
  pool.on("error", () => undefined);
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  const client = await pool.connect();
  try {
    await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK_ID]);
    try {
      await migratePg(drizzlePg(client, { schema }), { migrationsFolder });
    } finally {
      await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK_ID]);
    }
  } finally {
    client.release();
  }
  return { db, kind: "postgres", url: databaseUrl, close: () => pool.end() };
}

/** Embedded PGlite, on a thread of its own so that SQL runs beside the thread answering HTTP. */
async function openPglite(dataDir: string | undefined): Promise<Store> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const client = new PgliteThreadClient(dataDir ? { dataDir } : {});
  await client.waitReady;
  const db = drizzlePglite({ client: client as never, schema });
  await migratePglite(db, { migrationsFolder });
  return { db: db as unknown as Db, kind: "pglite", close: () => client.close() };
}

/**
 * One array parameter of a Postgres type (`text`, `bigint`, …): with `unnest`, a statement of constant
 * text whatever the number of rows, on either driver.
 */
export const sqlArray = (values: unknown[], type: string) => sql`${sql.param(values)}::${sql.raw(type)}[]`;

/** Rows of a raw SQL query, on either driver. */
export async function queryRows<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
