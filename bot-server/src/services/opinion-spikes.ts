import { wardClock } from "@loa-phuong/shared";
import { sql } from "drizzle-orm";
import {
  DEFAULT_SPIKE_RULES,
  detectSpikes,
  type SpikeRules,
  type ThemeGroupCount,
} from "../opinion/spikes.js";
import { type Db, queryRows } from "../store/database.js";
import { loadWardGroups } from "./opinion-groups.js";

/** Messages the labeller found no theme for: a burst of them is a matter no theme's keywords know yet. */
export const UNTHEMED_KEY = "unthemed";
export const UNTHEMED_LABEL = "Chưa phân loại";

const DAY_MS = 86_400_000;
const decimal = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 1 });

/** The ward day (yyyy-mm-dd, Asia/Ho_Chi_Minh) of an instant: a spike is said once a day. */
function wardDay(at: Date): string {
  const { year, month, day } = wardClock(at);
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * Compares each theme × residential group's messages over the last 24 hours with its previous 14 days
 * and raises an "opinion_spike" alert for each that stands out, once per theme × group × ward day.
 * Groups under 5 residents count together and are never named. Returns how many alerts it raised.
 */
export async function raiseOpinionSpikes(
  db: Db,
  wardId: string,
  now = new Date(),
  rules: SpikeRules = DEFAULT_SPIKE_RULES,
): Promise<number> {
  const recentFrom = new Date(now.getTime() - DAY_MS);
  const historyFrom = new Date(recentFrom.getTime() - rules.historyDays * DAY_MS);
  // Labelled words only: a message not labelled yet would count as unthemed now and themed later.
  const rows = await queryRows<{
    theme_id: string | null;
    group_id: string | null;
    recent: number;
    history: number;
  }>(
    db,
    sql`select t.theme_id, s.residential_group_id as group_id,
               count(*) filter (where s.sent_at > ${recentFrom})::int as recent,
               count(*) filter (where s.sent_at <= ${recentFrom})::int as history
        from signals s
        cross join lateral unnest(
          case when coalesce(cardinality(s.themes), 0) = 0 then array[null::uuid] else s.themes end
        ) as t(theme_id)
        where s.ward_id = ${wardId} and s.text is not null and s.labelled_at is not null
          and s.sent_at > ${historyFrom} and s.sent_at <= ${now}
        group by t.theme_id, s.residential_group_id`,
  );
  const themes = await queryRows<{ id: string; name: string }>(
    db,
    sql`select id, name from opinion_themes where ward_id = ${wardId} and status = 'active'`,
  );
  const themeNames = new Map(themes.map((t) => [t.id, t.name]));
  themeNames.set(UNTHEMED_KEY, UNTHEMED_LABEL);
  const groups = await loadWardGroups(db, wardId);

  // The privacy fold before counting: small groups add up into one row.
  const folded = new Map<string, ThemeGroupCount>();
  for (const row of rows) {
    const themeKey = row.theme_id ?? UNTHEMED_KEY;
    if (!themeNames.has(themeKey)) continue; // a retired theme
    const groupKey = groups.rowOf(row.group_id).key;
    const key = `${themeKey}|${groupKey}`;
    const sum = folded.get(key) ?? { themeKey, groupKey, recent: 0, history: 0 };
    sum.recent += row.recent;
    sum.history += row.history;
    folded.set(key, sum);
  }
  const labelOf = new Map<string, { groupId: string | null; label: string }>();
  for (const row of rows) {
    const group = groups.rowOf(row.group_id);
    labelOf.set(group.key, group);
  }

  const day = wardDay(now);
  let raised = 0;
  for (const spike of detectSpikes([...folded.values()], rules)) {
    const theme = themeNames.get(spike.themeKey) ?? UNTHEMED_LABEL;
    const group = labelOf.get(spike.groupKey) ?? { groupId: null, label: "" };
    const message =
      `Chủ đề “${theme}” ở ${group.label}: ${spike.recent} tin trong 24 giờ qua, ` +
      `trong khi 14 ngày trước trung bình ${decimal.format(spike.dailyMean)} tin/ngày ` +
      `(${spike.history} tin).`;
    const details = {
      themeId: spike.themeKey === UNTHEMED_KEY ? null : spike.themeKey,
      themeName: theme,
      groupId: group.groupId,
      groupLabel: group.label,
      recent: spike.recent,
      history: spike.history,
      dailyMean: spike.dailyMean,
      threshold: spike.threshold,
      day,
    };
    const dedupKey = `opinion_spike:${spike.themeKey}:${spike.groupKey}:${day}`;
    const inserted = await queryRows<{ id: string }>(
      db,
      sql`insert into staff_alerts (ward_id, kind, message, dedup_key, details)
          select ${wardId}, 'opinion_spike', ${message}, ${dedupKey}, ${JSON.stringify(details)}::jsonb
          where not exists (select 1 from staff_alerts where ward_id = ${wardId} and dedup_key = ${dedupKey})
          returning id`,
    );
    raised += inserted.length;
  }
  return raised;
}
