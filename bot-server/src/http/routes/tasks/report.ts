import { sql } from "drizzle-orm";
import { notFound } from "../../../errors/app-error.js";
import {
  buildReportDocx,
  type ReportPeriod,
  reportContentFor,
  reportFiguresCsv,
} from "../../../reports/index.js";
import { type Db, queryRows } from "../../../store/database.js";

const DAY = 86_400_000;

/**
 * The period a report covers: the last 7 or 30 days up to now, or the whole campaign (from its first
 * day to its last, or to now while it runs).
 */
export async function reportPeriod(
  db: Db,
  wardId: string,
  campaignId: string,
  kind: ReportPeriod["kind"],
  now = new Date(),
): Promise<ReportPeriod> {
  if (kind !== "final")
    return { kind, from: new Date(now.getTime() - (kind === "weekly" ? 7 : 30) * DAY), to: now };
  const [campaign] = await queryRows<{ starts_on: string; ends_on: string }>(
    db,
    sql`select starts_on::text, ends_on::text from campaigns where id = ${campaignId}::uuid and ward_id = ${wardId}`,
  );
  if (!campaign) throw notFound("kế hoạch, chiến dịch");
  const end = new Date(`${campaign.ends_on}T23:59:59.999+07:00`);
  return { kind, from: new Date(`${campaign.starts_on}T00:00:00+07:00`), to: end < now ? end : now };
}

/** The report as the officer downloads it: the .docx to edit and sign, or its figures as CSV. */
export async function campaignReport(
  db: Db,
  staff: { id: string; wardId: string },
  campaignId: string,
  query: { kind: ReportPeriod["kind"]; format: "docx" | "csv" },
): Promise<{ body: Buffer | string; type: string; filename: string }> {
  const period = await reportPeriod(db, staff.wardId, campaignId, query.kind);
  const content = await reportContentFor(db, staff.wardId, campaignId, period, { signerStaffId: staff.id });
  const name = `bao-cao-${query.kind === "weekly" ? "tuan" : query.kind === "monthly" ? "thang" : "tong-ket"}`;
  if (query.format === "csv")
    return { body: reportFiguresCsv(content), type: "text/csv; charset=utf-8", filename: `${name}.csv` };
  return {
    body: await buildReportDocx(content),
    type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    filename: `${name}.docx`,
  };
}
