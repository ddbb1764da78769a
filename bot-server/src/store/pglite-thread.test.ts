import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildWard } from "../testing/factories.js";
import { openStore, queryRows, type Store } from "./database.js";
import { PgliteThreadClient } from "./pglite-thread.js";
import { wards } from "./schema/index.js";

describe("the embedded store on its own thread", () => {
  let store: Store;
  beforeAll(async () => {
    store = await openStore({ kind: "pglite" });
  });
  afterAll(async () => store.close());

  it("returns rows with drizzle's types: dates as Date, JSON as objects, counts as numbers", async () => {
    const ward = await buildWard(store.db, { name: "Phường Thử Luồng" });
    const [row] = await store.db.select().from(wards).where(eq(wards.id, ward.id));
    expect(row?.name).toBe("Phường Thử Luồng");
    expect(row?.createdAt).toBeInstanceOf(Date);
    expect(Math.abs(row!.createdAt.getTime() - Date.now())).toBeLessThan(60_000);
    const [raw] = await queryRows<{ doc: { a: number[] }; n: number; at: string }>(
      store.db,
      sql`select ${JSON.stringify({ a: [1, 2] })}::jsonb as doc, 41 + 1 as n,
          '2026-11-26 07:30:00+07'::timestamptz as at`,
    );
    expect(raw?.doc).toEqual({ a: [1, 2] });
    expect(raw?.n).toBe(42);
  });

  it("commits a transaction that resolves and rolls back one that throws, savepoints included", async () => {
    const kept = `ward-kept-${Date.now()}`;
    const dropped = `ward-dropped-${Date.now()}`;
    const inner = `ward-inner-${Date.now()}`;
    await store.db.transaction(async (tx) => {
      await tx.insert(wards).values({ id: kept, name: "Giữ lại", city: "Hải Phòng" });
      await tx
        .transaction(async (sp) => {
          await sp.insert(wards).values({ id: inner, name: "Bỏ ở savepoint", city: "Hải Phòng" });
          throw new Error("bỏ savepoint");
        })
        .catch(() => undefined);
    });
    await expect(
      store.db.transaction(async (tx) => {
        await tx.insert(wards).values({ id: dropped, name: "Bỏ", city: "Hải Phòng" });
        throw new Error("huỷ giao dịch");
      }),
    ).rejects.toThrow("huỷ giao dịch");
    const ids = (await store.db.select({ id: wards.id }).from(wards)).map((w) => w.id);
    expect(ids).toContain(kept);
    expect(ids).not.toContain(dropped);
    expect(ids).not.toContain(inner);
  });

  it("hands back PostgreSQL's error fields, so a unique violation is recognisable", async () => {
    const ward = await buildWard(store.db);
    const error = await store.db
      .insert(wards)
      .values({ id: ward.id, name: "Trùng", city: "Hải Phòng" })
      .then(
        () => undefined,
        (e: unknown) => e as { cause?: { code?: string; constraint?: string } } & Error,
      );
    expect(error).toBeInstanceOf(Error);
    expect(error?.cause?.code).toBe("23505");
    expect(error?.cause?.constraint).toBe("wards_pkey");
  });

  it("makes a query outside an open transaction wait for it, as PGlite's single connection does", async () => {
    const id = `ward-wait-${Date.now()}`;
    let releaseTx!: () => void;
    const txCanEnd = new Promise<void>((r) => (releaseTx = r));
    const order: string[] = [];
    const tx = store.db.transaction(async (t) => {
      await t.insert(wards).values({ id, name: "Đang mở", city: "Hải Phòng" });
      await txCanEnd;
      order.push("commit");
    });
    // Issued while the transaction is open: it must see the committed row, not run in between.
    const outside = store.db
      .select({ id: wards.id })
      .from(wards)
      .where(eq(wards.id, id))
      .then((rows) => {
        order.push("outside");
        return rows;
      });
    releaseTx();
    await tx;
    expect(await outside).toEqual([{ id }]);
    expect(order).toEqual(["commit", "outside"]);
  });

  it("rejects every request with a clear error once the store is closed", async () => {
    const client = new PgliteThreadClient();
    await client.waitReady;
    expect((await client.query<{ one: number }>("select 1 as one")).rows).toEqual([{ one: 1 }]);
    await client.close();
    await expect(client.query("select 1")).rejects.toThrow("Kho dữ liệu nhúng đã đóng");
  });
});
