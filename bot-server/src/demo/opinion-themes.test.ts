import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ThemeMatcher } from "../opinion/themes.js";
import type { Store } from "../store/database.js";
import { opinionThemes } from "../store/schema/index.js";
import { openTestStore } from "../testing/test-stores.js";
import { demoCampaign, demoWard } from "./hong-bang.js";
import { seedDemoWard } from "./seed.js";

describe("the demo ward's opinion themes", () => {
  let store: Store;
  beforeAll(async () => {
    store = await openTestStore("pglite");
    await seedDemoWard(store.db, { passwordCost: 4 });
  });
  afterAll(async () => store?.close());

  const themes = () => store.db.select().from(opinionThemes).where(eq(opinionThemes.wardId, demoWard.id));

  it("makes each campaign theme and the ward's everyday ones an opinion theme with keywords, once", async () => {
    await seedDemoWard(store.db, { passwordCost: 4 });
    const rows = await themes();
    const names = rows.map((t) => t.name);
    for (const name of [...demoCampaign.themes, "An ninh trật tự", "Môi trường, vệ sinh", "Y tế"])
      expect(names.filter((n) => n === name)).toHaveLength(1);
    for (const row of rows) expect(row.keywords.length).toBeGreaterThanOrEqual(5);
  });

  it("finds residents' everyday words in them, typed with or without diacritics", async () => {
    const rows = await themes();
    const matcher = new ThemeMatcher(rows);
    const named = (text: string) => matcher.match(text).map((id) => rows.find((t) => t.id === id)!.name);
    expect(named("Học phí lớp 6 năm nay bao nhiêu ạ?")).toEqual(["Nâng cao chất lượng giáo dục toàn diện"]);
    expect(named("so lien lac dien tu khong vao duoc")).toEqual(["Chuyển đổi số trong quản lý, giảng dạy"]);
    expect(named("Rác bốc mùi đầu ngõ, lại có người nghiện tụ tập")).toEqual([
      "An ninh trật tự",
      "Môi trường, vệ sinh",
      "Hạ tầng, giao thông",
    ]);
  });
});
