// The embedded store's own thread: it owns the PGlite instance and answers the requests of
// `PgliteThreadClient` (pglite-thread.ts), so queries run beside the HTTP thread, not on it — as a
// PostgreSQL server runs beside the API. Plain JavaScript so that Node loads it as it is, from the
// sources (tsx, vitest) and from the build alike.
import { parentPort, workerData } from "node:worker_threads";
import { PGlite } from "@electric-sql/pglite";

if (!parentPort) throw new Error("pglite-thread.worker.js runs only as a worker thread");
const port = parentPort;

/** @type {{ dataDir?: string }} */
const options = workerData ?? {};
const pg = new PGlite(options.dataDir ? { dataDir: options.dataDir } : {});

/** Open transactions by id: the PGlite transaction handle and how to end it. */
/**
 * @typedef {{
 *   tx: import("@electric-sql/pglite").Transaction,
 *   end: (commit: boolean) => void,
 *   settled?: { resolve: (committed: boolean) => void, reject: (error: unknown) => void },
 * }} OpenTransaction
 */
/** @type {Map<number, OpenTransaction>} */
const transactions = new Map();
let nextTxId = 1;

/** Types the caller wants as PostgreSQL's text (drizzle parses dates and intervals itself). */
const keepAsText = (/** @type {number[] | undefined} */ oids) =>
  oids?.length
    ? Object.fromEntries(oids.map((oid) => [oid, (/** @type {string} */ value) => value]))
    : undefined;

/** @param {any} msg */
async function handle(msg) {
  const target = msg.tx === undefined ? pg : transactions.get(msg.tx)?.tx;
  if (!target) throw Object.assign(new Error(`Giao dịch ${msg.tx} không còn mở`), { code: "LP_TX_CLOSED" });
  switch (msg.op) {
    case "query": {
      const parsers = keepAsText(msg.textOids);
      const result = await target.query(msg.sql, msg.params, {
        ...(msg.rowMode ? { rowMode: msg.rowMode } : {}),
        ...(parsers ? { parsers } : {}),
      });
      return { rows: result.rows, fields: result.fields, affectedRows: result.affectedRows };
    }
    case "exec": {
      const results = await target.exec(msg.sql);
      return results.map((r) => ({ rows: r.rows, fields: r.fields, affectedRows: r.affectedRows }));
    }
    case "begin":
      return begin();
    case "end": {
      const open = transactions.get(msg.tx);
      if (!open) throw new Error(`Giao dịch ${msg.tx} không còn mở`);
      return new Promise((resolve, reject) => {
        open.settled = { resolve, reject };
        open.end(msg.commit);
      });
    }
    case "close":
      await pg.close();
      return null;
    default:
      throw new Error(`Unknown store request ${msg.op}`);
  }
}

/** Opens a transaction and answers with its id once PGlite has begun it; it ends on "end". */
function begin() {
  return new Promise((resolveBegin, rejectBegin) => {
    const txId = nextTxId++;
    /** @type {any} */
    const entry = {};
    const done = pg
      .transaction(
        (tx) =>
          new Promise((resolveBody, rejectBody) => {
            entry.tx = tx;
            entry.end = (/** @type {boolean} */ commit) =>
              commit ? resolveBody(undefined) : rejectBody(ROLLBACK);
            transactions.set(txId, entry);
            resolveBegin(txId);
          }),
      )
      .then(
        () => entry.settled?.resolve(true),
        (error) => {
          if (error === ROLLBACK) entry.settled?.resolve(false);
          else if (entry.settled) entry.settled.reject(error);
          else rejectBegin(error);
        },
      )
      .finally(() => transactions.delete(txId));
    void done;
  });
}

const ROLLBACK = Symbol("rollback");

/** A database error crosses the thread as its fields (code, detail, constraint…), rebuilt there. */
function describeError(/** @type {any} */ error) {
  /** @type {Record<string, unknown>} */
  const fields = {};
  for (const key of Object.keys(error ?? {})) {
    const value = error[key];
    if (value === undefined || typeof value === "function" || key === "queryOptions") continue;
    try {
      structuredClone(value);
      fields[key] = value;
    } catch {
      // not cloneable (e.g. a Blob): left out
    }
  }
  return {
    message: String(error?.message ?? error),
    name: error?.name ?? "Error",
    stack: error?.stack,
    fields,
  };
}

port.on("message", (/** @type {any} */ msg) => {
  handle(msg).then(
    (result) => port.postMessage({ id: msg.id, ok: true, result }),
    (error) => port.postMessage({ id: msg.id, ok: false, error: describeError(error) }),
  );
});

pg.waitReady.then(
  () => port.postMessage({ ready: true }),
  (error) => port.postMessage({ ready: false, error: describeError(error) }),
);
