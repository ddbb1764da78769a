import { fromWardClock } from "@loa-phuong/shared";
import { eq } from "drizzle-orm";
import { demoPosts, demoStaff, demoWard } from "../demo/hong-bang.js";
import { demoStaffIds, seedDemoWard } from "../demo/seed.js";
import { approvePost, createPost, submitPost } from "../services/posts.js";
import type { StaffActor } from "../services/staff.js";
import { openStore, type StoreOptions } from "../store/database.js";
import { campaigns } from "../store/schema/index.js";
import type { ReportContent, ReportPeriod } from "./report-content.js";
import { buildReportDocx } from "./report-docx.js";
import { reportContentFor } from "./report-from-store.js";

/** The whole campaign, [its first day, the day after its last), in ward time. */
export function campaignPeriod(startsOn: string, endsOn: string): ReportPeriod {
  const day = (iso: string, plus = 0) => {
    const [year, month, dayOfMonth] = iso.split("-").map(Number) as [number, number, number];
    return fromWardClock({ year, month, day: dayOfMonth + plus });
  };
  return { kind: "final", from: day(startsOn), to: day(endsOn, 1) };
}

/**
 * The end-of-campaign report of the demo ward (`npm run -s report:sample`). With `dataDir`, from a demo
 * store that ran (`.data/pglite`, the server stopped: PGlite is single-process); without it, from a new
 * embedded store seeded with the demo ward and its posts written and approved (nothing sent: sending
 * needs Redis and the Zalo simulator, so its figures are zero rather than made up).
 */
export async function writeSampleReport(
  options: { dataDir?: string; date?: Date } = {},
): Promise<{ docx: Buffer; content: ReportContent }> {
  const storeOptions: StoreOptions = {
    kind: "pglite",
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
  };
  const store = await openStore(storeOptions);
  try {
    const seeded = await seedDemoWard(store.db, { passwordCost: 1024 });
    const [campaign] = await store.db
      .select()
      .from(campaigns)
      .where(eq(campaigns.wardId, demoWard.id))
      .limit(1);
    if (!campaign) throw new Error("the demo ward has no campaign");
    if (seeded) await writeDemoPosts(store.db, campaign.id);
    const content = await reportContentFor(
      store.db,
      demoWard.id,
      campaign.id,
      campaignPeriod(campaign.startsOn, campaign.endsOn),
      options.date ? { date: options.date } : {},
    );
    return { docx: await buildReportDocx(content), content };
  } finally {
    await store.close();
  }
}

async function writeDemoPosts(db: Parameters<typeof seedDemoWard>[0], campaignId: string): Promise<void> {
  const ids = await demoStaffIds(db);
  const actor = (username: string): StaffActor => ({
    id: ids.get(username)!,
    wardId: demoWard.id,
    roles: demoStaff.find((s) => s.username === username)!.roles,
  });
  const editor = actor("bientap");
  const approver = actor("lanhdao");
  for (const post of demoPosts) {
    const created = await createPost(db, editor, {
      kind: post.kind,
      title: post.title,
      summary: post.summary,
      body: post.body,
      isUrgent: post.isUrgent ?? false,
      campaignId,
      ...(post.poll ? { poll: post.poll } : {}),
    });
    await submitPost(db, editor, created.id);
    await approvePost(db, approver, created.id, created.version);
  }
}
