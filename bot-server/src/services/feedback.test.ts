import { reportRequestSchema } from "@loa-phuong/shared";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Store } from "../store/database.js";
import { type residents, signals } from "../store/schema/index.js";
import { buildResident, buildWard } from "../testing/factories.js";
import { openTestStore, truncateAll } from "../testing/test-stores.js";
import { fileReport } from "./feedback.js";

describe("a resident's report (phản ánh)", () => {
  let store: Store;
  let resident: typeof residents.$inferSelect;

  beforeAll(async () => {
    store = await openTestStore("pglite");
  });
  afterAll(async () => {
    await store.close();
  });
  beforeEach(async () => {
    await truncateAll(store);
    const ward = await buildWard(store.db);
    resident = await buildResident(store.db, ward.id);
  });

  const file = async (body: unknown) => {
    const id = await fileReport(store.db, resident, reportRequestSchema.parse(body));
    const [row] = await store.db.select().from(signals).where(eq(signals.id, id));
    return row!;
  };

  it("keeps a place given in words with the text, where staff read it", async () => {
    const row = await file({ text: "Đèn đường ngõ 12 bị hỏng", place: "Đầu ngõ 12" });
    expect(row.text).toBe("Đèn đường ngõ 12 bị hỏng\n\nVị trí: Đầu ngõ 12");
    expect(row.payload).toEqual({ uploadIds: [] });
  });

  it("keeps the phone's position with its words as the label, and the text as written", async () => {
    const location = { latitude: 20.86, longitude: 106.68, label: "Đầu ngõ 12" };
    const row = await file({ text: "Cây đổ chắn đường", location, place: "Đầu ngõ 12" });
    expect(row.text).toBe("Cây đổ chắn đường");
    expect(row.payload).toEqual({ uploadIds: [], location });
  });

  it("keeps the longest text the form allows, whole", async () => {
    const text = "Rác chưa thu gom. ".repeat(111).slice(0, 2000).trim();
    expect((await file({ text })).text).toBe(text);
  });
});
