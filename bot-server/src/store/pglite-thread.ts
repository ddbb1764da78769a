import { Worker } from "node:worker_threads";
import type { QueryOptions, Results, Transaction } from "@electric-sql/pglite";

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

interface WorkerError {
  message: string;
  name: string;
  stack?: string;
  fields: Record<string, unknown>;
}

type Request =
  | {
      op: "query";
      sql: string;
      params: unknown[];
      rowMode?: "array" | "object";
      textOids?: number[];
      tx?: number;
    }
  | { op: "exec"; sql: string; tx?: number }
  | { op: "begin" }
  | { op: "end"; tx: number; commit: boolean }
  | { op: "close" };

/**
 * Embedded PGlite on a thread of its own (pglite-thread.worker.js), with the part of PGlite's
 * interface that drizzle's PGlite driver uses: query, exec and transaction. Parsing, planning and
 * executing SQL then run beside the thread that answers HTTP, as a PostgreSQL server would; the
 * semantics are PGlite's own (one connection, transactions serialised, a query outside an open
 * transaction waits for it).
 */
export class PgliteThreadClient {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private failure: Error | undefined;
  readonly waitReady: Promise<void>;

  constructor(options: { dataDir?: string } = {}) {
    this.worker = new Worker(new URL("./pglite-thread.worker.js", import.meta.url), { workerData: options });
    this.waitReady = new Promise((resolve, reject) => {
      const onReady = (msg: { ready?: boolean; error?: WorkerError }) => {
        if (msg.ready === undefined) return;
        this.worker.off("message", onReady);
        if (msg.ready) resolve();
        else reject(rebuildError(msg.error!));
      };
      this.worker.on("message", onReady);
      this.worker.once("error", reject);
    });
    this.worker.on("message", (msg: { id?: number; ok?: boolean; result?: unknown; error?: WorkerError }) => {
      if (msg.id === undefined) return;
      const waiting = this.pending.get(msg.id);
      if (!waiting) return;
      this.pending.delete(msg.id);
      if (msg.ok) waiting.resolve(msg.result);
      else waiting.reject(rebuildError(msg.error!));
    });
    this.worker.on("error", (error) => this.fail(error));
    this.worker.on("exit", (code) => this.fail(new Error(`Luồng kho dữ liệu nhúng đã dừng (mã ${code})`)));
  }

  query<T>(sql: string, params: unknown[] = [], options?: QueryOptions): Promise<Results<T>> {
    return this.request({ op: "query", sql, params, ...queryOptions(options) }) as Promise<Results<T>>;
  }

  exec(sql: string): Promise<Results[]> {
    return this.request({ op: "exec", sql }) as Promise<Results[]>;
  }

  /** Runs fn inside one transaction on the store's thread: committed when fn resolves, rolled back when it throws. */
  async transaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T> {
    const txId = (await this.request({ op: "begin" })) as number;
    let closed = false;
    const tx = {
      query: <R>(sql: string, params: unknown[] = [], options?: QueryOptions) =>
        this.request({ op: "query", sql, params, tx: txId, ...queryOptions(options) }) as Promise<Results<R>>,
      exec: (sql: string) => this.request({ op: "exec", sql, tx: txId }) as Promise<Results[]>,
      sql: () => Promise.reject(new Error("tx.sql is not available on the store thread; use tx.query")),
      listen: () => Promise.reject(new Error("LISTEN is not available on the store thread")),
      rollback: () => Promise.reject(new Error("tx.rollback: throw inside the transaction to roll it back")),
      get closed() {
        return closed;
      },
    } as unknown as Transaction;
    let result: T;
    try {
      result = await fn(tx);
    } catch (error) {
      closed = true;
      await this.request({ op: "end", tx: txId, commit: false }).catch(() => undefined);
      throw error;
    }
    closed = true;
    await this.request({ op: "end", tx: txId, commit: true });
    return result;
  }

  async close(): Promise<void> {
    if (this.failure) return;
    await this.request({ op: "close" });
    this.fail(new Error("Kho dữ liệu nhúng đã đóng"));
    await this.worker.terminate();
  }

  private request(req: Request): Promise<unknown> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, ...req });
    });
  }

  private fail(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }
}

/**
 * Parsers are functions and cannot cross threads. drizzle passes identity parsers only, for the
 * date, time and interval types it parses itself: those types come back as PostgreSQL's text.
 */
function queryOptions(options: QueryOptions | undefined): {
  rowMode?: "array" | "object";
  textOids?: number[];
} {
  if (!options) return {};
  const textOids = options.parsers ? Object.keys(options.parsers).map(Number) : undefined;
  return {
    ...(options.rowMode ? { rowMode: options.rowMode } : {}),
    ...(textOids?.length ? { textOids } : {}),
  };
}

/** The worker's error as an Error here, with PostgreSQL's fields (code, detail, constraint…). */
function rebuildError(error: WorkerError): Error {
  const rebuilt = Object.assign(new Error(error.message), error.fields);
  rebuilt.name = error.name;
  if (error.stack)
    rebuilt.stack =
      `${error.name}: ${error.message}\n    at the embedded store's thread\n` +
      `${rebuilt.stack?.split("\n").slice(1).join("\n") ?? ""}`;
  return rebuilt;
}
