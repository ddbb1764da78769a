import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Store } from "../store/database.js";
import { signals, uploads } from "../store/schema/index.js";
import { buildResident, buildWard } from "../testing/factories.js";
import { openTestStore, truncateAll } from "../testing/test-stores.js";
import { purgeUnattachedUploads, storeUpload } from "./uploads.js";

describe("residents' photos", () => {
  let store: Store;
  let dir: string;
  let wardId: string;
  let residentId: string;

  beforeAll(async () => {
    store = await openTestStore("pglite");
    dir = await mkdtemp(path.join(tmpdir(), "loa-uploads-"));
  });
  afterAll(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    await truncateAll(store);
    wardId = (await buildWard(store.db)).id;
    residentId = (await buildResident(store.db, wardId)).id;
  });

  const photo = (withExif: boolean) => {
    const image = sharp({ create: { width: 40, height: 30, channels: 3, background: "#c0392b" } });
    return (
      withExif ? image.withExif({ IFD0: { Artist: "Nguoi chup", Copyright: "GPS 20.86 106.68" } }) : image
    )
      .jpeg()
      .toBuffer();
  };

  it("stores pixels it encoded itself, without the photo's metadata", async () => {
    const sent = await photo(true);
    expect(sent.toString("latin1")).toContain("Nguoi chup");
    const stored = await storeUpload(store.db, dir, residentId, sent);
    const [row] = await store.db.select().from(uploads).where(eq(uploads.id, stored.id));
    const bytes = await readFile(path.join(dir, row!.storageKey));
    expect(bytes.toString("latin1")).not.toContain("Nguoi chup");
    expect((await sharp(bytes).metadata()).exif).toBeUndefined();
    expect(await sharp(bytes).metadata()).toMatchObject({ format: "jpeg", width: 40, height: 30 });
  });

  it("refuses a JPEG header followed by a page, and keeps nothing of it", async () => {
    const forged = Buffer.concat([
      Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
      Buffer.from("<html><script>x</script>"),
    ]);
    await expect(storeUpload(store.db, dir, residentId, forged)).rejects.toMatchObject({
      code: "unsupported_media",
    });
    expect(await store.db.select().from(uploads)).toEqual([]);
  });

  it("deletes photos never attached to a report after a day, with their files, and keeps the rest", async () => {
    const old = await storeUpload(store.db, dir, residentId, await photo(false));
    const fresh = await storeUpload(store.db, dir, residentId, await photo(false));
    const attached = await storeUpload(store.db, dir, residentId, await photo(false));
    const [signal] = await store.db
      .insert(signals)
      .values({
        wardId,
        residentId,
        kind: "report",
        source: "mini_app",
        text: "Đèn hỏng",
        sentAt: new Date(),
      })
      .returning();
    await store.db.update(uploads).set({ signalId: signal!.id }).where(eq(uploads.id, attached.id));
    const dayAgo = new Date(Date.now() - 25 * 3_600_000);
    await store.db.update(uploads).set({ createdAt: dayAgo }).where(eq(uploads.id, old.id));
    await store.db.update(uploads).set({ createdAt: dayAgo }).where(eq(uploads.id, attached.id));

    expect(await purgeUnattachedUploads(store.db, dir)).toBe(1);
    const left = (await store.db.select().from(uploads)).map((u) => u.id).sort();
    expect(left).toEqual([fresh.id, attached.id].sort());
    expect(existsSync(path.join(dir, `${old.id}.jpeg`))).toBe(false);
    expect(existsSync(path.join(dir, `${fresh.id}.jpeg`))).toBe(true);
  });
});
