import type { OpinionTheme, OpinionThemeCreate, OpinionThemeUpdate } from "@loa-phuong/shared";
import { sql } from "drizzle-orm";
import { AppError, notFound } from "../errors/app-error.js";
import { type Db, queryRows, sqlArray } from "../store/database.js";
import { opinionThemes } from "../store/schema/index.js";
import { recordAudit } from "./audit.js";
import type { StaffActor } from "./staff.js";

interface ThemeRow {
  id: string;
  name: string;
  keywords: string[];
  status: "active" | "retired";
  created_at: Date | string;
  signals: number;
}

/** The ward's opinion themes, active first, each with how many messages carry it. */
export async function listOpinionThemes(db: Db, wardId: string, themeId?: string): Promise<OpinionTheme[]> {
  const rows = await queryRows<ThemeRow>(
    db,
    sql`select t.id, t.name, t.keywords, t.status, t.created_at,
               (select count(*)::int from signals s where s.ward_id = t.ward_id and t.id = any(s.themes)) as signals
        from opinion_themes t
        where t.ward_id = ${wardId} ${themeId ? sql`and t.id = ${themeId}::uuid` : sql``}
        order by t.status, t.created_at, t.name`,
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    keywords: r.keywords,
    status: r.status,
    createdAt: new Date(r.created_at).toISOString(),
    signals: r.signals,
  }));
}

async function oneTheme(db: Db, wardId: string, id: string): Promise<OpinionTheme> {
  const [theme] = await listOpinionThemes(db, wardId, id);
  if (!theme) throw notFound("chủ đề");
  return theme;
}

/** A theme staff add; its name is the ward's only one of that name (409 otherwise). */
export async function createOpinionTheme(
  db: Db,
  actor: StaffActor,
  theme: OpinionThemeCreate,
): Promise<OpinionTheme> {
  const [row] = await db
    .insert(opinionThemes)
    .values({ wardId: actor.wardId, name: theme.name, keywords: theme.keywords })
    .onConflictDoNothing()
    .returning({ id: opinionThemes.id });
  if (!row) throw new AppError("conflict", `Phường đã có chủ đề “${theme.name}”.`);
  await recordAudit(db, {
    entityType: "opinion_theme",
    entityId: row.id,
    action: "create",
    actor: { type: "staff", id: actor.id },
    details: { name: theme.name, keywords: theme.keywords },
  });
  return oneTheme(db, actor.wardId, row.id);
}

/**
 * New keywords, or a theme retired (no new message gets it; those that have it keep it) or brought
 * back. Messages already labelled keep their themes: the keywords apply from the next message on.
 */
export async function updateOpinionTheme(
  db: Db,
  actor: StaffActor,
  id: string,
  update: OpinionThemeUpdate,
): Promise<OpinionTheme> {
  const before = await oneTheme(db, actor.wardId, id);
  await db.execute(sql`
    update opinion_themes set keywords = ${update.keywords ? sqlArray(update.keywords, "text") : sql`keywords`},
      status = ${update.status ?? sql`status`}
    where id = ${id}::uuid and ward_id = ${actor.wardId}`);
  await recordAudit(db, {
    entityType: "opinion_theme",
    entityId: id,
    action: "update",
    actor: { type: "staff", id: actor.id },
    details: {
      ...(update.keywords && { keywords: { from: before.keywords, to: update.keywords } }),
      ...(update.status && { status: { from: before.status, to: update.status } }),
    },
  });
  return oneTheme(db, actor.wardId, id);
}

/**
 * A campaign's themes become the ward's opinion themes (a name the ward already has is left as it is),
 * with the keywords given for each (none: staff add them in the theme list).
 */
export async function addCampaignThemes(
  db: Db,
  wardId: string,
  names: readonly string[],
  keywordsOf: (name: string) => readonly string[] = () => [],
): Promise<void> {
  if (names.length === 0) return;
  await db
    .insert(opinionThemes)
    .values(names.map((name) => ({ wardId, name, keywords: [...keywordsOf(name)] })))
    .onConflictDoNothing();
}
