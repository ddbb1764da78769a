import { analyzeVietnamese } from "@loa-phuong/shared";
import { sql } from "drizzle-orm";
import { MESSAGE_KIND_VERSION } from "../opinion/message-kind.js";
import { StaffLessons } from "../opinion/staff-lessons.js";
import { THEMES_VERSION, ThemeMatcher } from "../opinion/themes.js";
import { type Db, queryRows } from "../store/database.js";

/** How a ward's messages get their kind and themes: its themes, and what its staff's labels taught. */
export interface WardReaders {
  kindLessons: StaffLessons;
  themes: ThemeMatcher;
  /** What label_sources records: the method, and how many staff-labelled texts taught it. */
  versions: { kind: string; themes: string };
}

/** The most recent staff-labelled texts a ward's readers learn from. */
const LESSONS_MAX = 5000;

const cache = new Map<string, { fingerprint: string; readers: WardReaders }>();

const taught = (version: string, lessons: StaffLessons) =>
  lessons.size > 0 ? `${version}+staff-${lessons.size}` : version;

/**
 * The ward's readers, rebuilt only when its themes or its staff's kind and theme labels changed: the
 * active themes with their keywords, and the lessons of every text whose kind or themes staff set.
 */
export async function wardReaders(db: Db, wardId: string): Promise<WardReaders> {
  const [state] = await queryRows<{ corrections: string; themes: string }>(
    db,
    sql`select (select coalesce(max(c.id), 0)::text from signal_label_corrections c
                join signals s on s.id = c.signal_id
                where s.ward_id = ${wardId} and c.task in ('kind', 'themes')) as corrections,
               (select md5(coalesce(string_agg(t.id::text || t.status || array_to_string(t.keywords, '|'), ','
                                               order by t.id), ''))
                from opinion_themes t where t.ward_id = ${wardId}) as themes`,
  );
  const fingerprint = `${state?.corrections}/${state?.themes}`;
  const cached = cache.get(wardId);
  if (cached?.fingerprint === fingerprint) return cached.readers;

  const themes = await queryRows<{ id: string; keywords: string[] }>(
    db,
    sql`select id, keywords from opinion_themes
        where ward_id = ${wardId} and status = 'active' order by created_at, id`,
  );
  const labelled = await queryRows<{
    text: string;
    message_kind: string | null;
    themes: string[] | null;
    kind_by_staff: boolean;
    themes_by_staff: boolean;
  }>(
    db,
    sql`select text, message_kind, themes, label_sources->>'kind' = 'staff' as kind_by_staff,
               label_sources->>'themes' = 'staff' as themes_by_staff
        from signals
        where ward_id = ${wardId} and text is not null
          and (label_sources->>'kind' = 'staff' or label_sources->>'themes' = 'staff')
        order by id desc limit ${LESSONS_MAX}`,
  );
  const read = labelled.map((row) => ({ ...row, analyzed: analyzeVietnamese(row.text) }));
  const kindLessons = new StaffLessons(
    read
      .filter((r) => r.kind_by_staff && r.message_kind)
      .map((r) => ({ text: r.analyzed, labels: [r.message_kind!] })),
  );
  const themeLessons = new StaffLessons(
    read.filter((r) => r.themes_by_staff).map((r) => ({ text: r.analyzed, labels: r.themes ?? [] })),
  );
  const readers: WardReaders = {
    kindLessons,
    themes: new ThemeMatcher(themes, themeLessons),
    versions: {
      kind: taught(MESSAGE_KIND_VERSION, kindLessons),
      themes: taught(THEMES_VERSION, themeLessons),
    },
  };
  cache.set(wardId, { fingerprint, readers });
  return readers;
}
