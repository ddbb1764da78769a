import type { DeliveryChannel, PostKind, Sentiment, SignalKind } from "@loa-phuong/shared";
import { sql } from "drizzle-orm";
import { type Db, queryRows } from "../store/database.js";
import type { ReportPeriod } from "./report-content.js";

/** The campaign's outreach in a period, each figure read from the store (nothing estimated). */
export interface ReportFigures {
  campaign: { id: string; title: string; startsOn: string; endsOn: string; themes: string[] };
  ward: { id: string; name: string; city: string };
  /** The directives the campaign implements, as the plan cites them. */
  directives: { number?: string; date?: string; issuer?: string }[];
  /** The campaign's directives' issuers, in the plan's order: whom the plan answers to. */
  directiveIssuers: string[];
  /** Residents registered (not deleted) at the end of the period, and how many follow the OA. */
  residents: { registered: number; followers: number };
  /** Posts whose broadcast started in the period, by kind, and how many broadcasts. */
  postsByKind: { kind: PostKind; posts: number; broadcasts: number }[];
  /** The campaign's posts not sent yet, by where they stand (draft, waiting for approval…). */
  postsPending: { status: string; posts: number }[];
  /** Delivery rows of those broadcasts, by channel: planned, pushed (sent or further), seen, failed, cost. */
  reachByChannel: {
    channel: DeliveryChannel;
    deliveries: number;
    pushed: number;
    seen: number;
    failed: number;
    costVnd: number;
  }[];
  /** Distinct residents: reached by a push, seen at least one, and never pushed anything. */
  residentsReached: { pushed: number; seen: number; neverPushed: number };
  /** Why residents got nothing pushed (relay/feed rows), by the planner's reason. */
  noPushReasons: { reason: string; deliveries: number }[];
  /** Relay by residential group: tasks, done (shared or confirmed), opens of the shared links. */
  relayByGroup: { groupCode: string; groupName: string; tasks: number; done: number; opens: number }[];
  /** What residents sent back about the campaign (on its posts, or about its themes), by kind. */
  feedbackByKind: { kind: SignalKind; signals: number }[];
  feedbackBySentiment: { sentiment: Sentiment | "unlabelled"; signals: number }[];
  /** Of that feedback, how much staff have not handled yet. */
  feedbackOpen: number;
  /** Known false claims repeated in the ward in the period, and whether a clarification is published. */
  rumours: { claim: string; repeats: number; hasClarification: boolean }[];
  /** Opinion reports by heads and collaborators (báo cáo dư luận) in the period, ward-wide. */
  opinionReports: { reports: number; reporters: number };
}

const n = (v: unknown) => Number(v ?? 0);

/** Reads the figures of one campaign in one period; undefined when the campaign is not the ward's. */
export async function readReportFigures(
  db: Db,
  wardId: string,
  campaignId: string,
  period: ReportPeriod,
): Promise<ReportFigures | undefined> {
  const [head] = await queryRows<{
    id: string;
    title: string;
    starts_on: string;
    ends_on: string;
    themes: string[];
    directives: { number?: string; date?: string; issuer?: string }[];
    ward_name: string;
    city: string;
  }>(
    db,
    sql`select c.id, c.title, c.starts_on::text as starts_on, c.ends_on::text as ends_on, c.themes,
          c.directives, w.name as ward_name, w.city
        from campaigns c join wards w on w.id = c.ward_id
        where c.id = ${campaignId} and c.ward_id = ${wardId}`,
  );
  if (!head) return undefined;
  const from = period.from.toISOString();
  const to = period.to.toISOString();
  // The campaign's broadcasts that started in the period.
  const started = sql`select b.id, b.post_id from broadcasts b join posts p on p.id = b.post_id
    where p.campaign_id = ${campaignId} and p.ward_id = ${wardId}
      and b.started_at >= ${from} and b.started_at < ${to}`;
  // Feedback about the campaign: on its posts, or labelled with one of its themes.
  const feedback = sql`select s.* from signals s
    where s.ward_id = ${wardId} and s.sent_at >= ${from} and s.sent_at < ${to}
      and (s.post_id in (select id from posts where campaign_id = ${campaignId})
        or s.themes && coalesce((select array_agg(t.id) from opinion_themes t
             where t.ward_id = ${wardId} and t.name = any(select jsonb_array_elements_text(
               (select themes from campaigns where id = ${campaignId})))), '{}'::uuid[]))`;

  const [residentsRow] = await queryRows<{ registered: unknown; followers: unknown }>(
    db,
    sql`select count(*) as registered, count(*) filter (where is_follower) as followers from residents
        where ward_id = ${wardId} and deleted_at is null and created_at < ${to}`,
  );
  const postsByKind = await queryRows<{ kind: PostKind; posts: unknown; broadcasts: unknown }>(
    db,
    sql`select p.kind, count(distinct p.id) as posts, count(*) as broadcasts
        from (${started}) b join posts p on p.id = b.post_id group by p.kind order by p.kind`,
  );
  const postsPending = await queryRows<{ status: string; posts: unknown }>(
    db,
    sql`select status, count(*) as posts from posts
        where campaign_id = ${campaignId} and ward_id = ${wardId}
          and status in ('draft', 'submitted', 'approved', 'scheduled', 'rejected')
          and not exists (select 1 from broadcasts b where b.post_id = posts.id and b.started_at is not null)
        group by status order by status`,
  );
  const reach = await queryRows<{
    channel: DeliveryChannel;
    deliveries: unknown;
    pushed: unknown;
    seen: unknown;
    failed: unknown;
    cost: unknown;
  }>(
    db,
    sql`select d.channel, count(*) as deliveries,
          count(*) filter (where d.status in ('sent', 'delivered', 'seen')) as pushed,
          count(*) filter (where d.status = 'seen') as seen,
          count(*) filter (where d.status = 'failed') as failed,
          coalesce(sum(d.cost_vnd), 0) as cost
        from deliveries d where d.broadcast_id in (select id from (${started}) s)
        group by d.channel`,
  );
  const [residentsReached] = await queryRows<{ pushed: unknown; seen: unknown; never: unknown }>(
    db,
    sql`select count(*) filter (where pushed) as pushed, count(*) filter (where seen) as seen,
          count(*) filter (where not pushed) as never
        from (select d.resident_id, bool_or(d.status in ('sent', 'delivered', 'seen')) as pushed,
                bool_or(d.status = 'seen') as seen
              from deliveries d where d.broadcast_id in (select id from (${started}) s)
              group by d.resident_id) r`,
  );
  const noPushReasons = await queryRows<{ reason: string; deliveries: unknown }>(
    db,
    sql`select coalesce(d.error_code, 'unknown') as reason, count(*) as deliveries
        from deliveries d where d.broadcast_id in (select id from (${started}) s)
          and d.channel in ('relay', 'feed')
        group by 1 order by 2 desc, 1`,
  );
  const relayByGroup = await queryRows<{
    code: string;
    name: string;
    tasks: unknown;
    done: unknown;
    opens: unknown;
  }>(
    db,
    sql`select g.code, g.name, count(*) as tasks,
          count(*) filter (where t.status in ('shared', 'confirmed')) as done,
          coalesce(sum((select count(*) from relay_opens o where o.relay_task_id = t.id)), 0) as opens
        from relay_tasks t join residential_groups g on g.id = t.residential_group_id
        where t.broadcast_id in (select id from (${started}) s)
        group by g.code, g.name order by g.code`,
  );
  const feedbackByKind = await queryRows<{ kind: SignalKind; signals: unknown }>(
    db,
    sql`select f.kind, count(*) as signals from (${feedback}) f group by f.kind order by 2 desc, 1`,
  );
  const feedbackBySentiment = await queryRows<{ sentiment: Sentiment | null; signals: unknown }>(
    db,
    sql`select f.sentiment, count(*) as signals from (${feedback}) f
        where f.text is not null group by f.sentiment`,
  );
  const [feedbackOpen] = await queryRows<{ open: unknown }>(
    db,
    sql`select count(*) filter (where f.status = 'open') as open from (${feedback}) f`,
  );
  const rumours = await queryRows<{ claim: string; repeats: unknown; has_clarification: boolean }>(
    db,
    sql`select c.claim, count(*) as repeats,
          bool_or(cp.status in ('sent', 'sending')) is true as has_clarification
        from signals s join rumour_claims c on c.id = s.rumour_claim_id
        left join posts cp on cp.id = c.clarification_post_id
        where s.ward_id = ${wardId} and s.sent_at >= ${from} and s.sent_at < ${to}
        group by c.id, c.claim order by 2 desc, 1`,
  );
  const [opinionReports] = await queryRows<{ reports: unknown; reporters: unknown }>(
    db,
    sql`select count(*) as reports, count(distinct resident_id) as reporters from signals
        where ward_id = ${wardId} and kind = 'opinion_report' and sent_at >= ${from} and sent_at < ${to}`,
  );

  const sentimentOrder = ["positive", "neutral", "negative", "unlabelled"];
  return {
    campaign: {
      id: head.id,
      title: head.title,
      startsOn: head.starts_on,
      endsOn: head.ends_on,
      themes: head.themes,
    },
    ward: { id: wardId, name: head.ward_name, city: head.city },
    directives: head.directives,
    directiveIssuers: [...new Set(head.directives.map((d) => d.issuer).filter((i): i is string => !!i))],
    residents: { registered: n(residentsRow?.registered), followers: n(residentsRow?.followers) },
    postsByKind: postsByKind.map((r) => ({ kind: r.kind, posts: n(r.posts), broadcasts: n(r.broadcasts) })),
    postsPending: postsPending.map((r) => ({ status: r.status, posts: n(r.posts) })),
    reachByChannel: reach.map((r) => ({
      channel: r.channel,
      deliveries: n(r.deliveries),
      pushed: n(r.pushed),
      seen: n(r.seen),
      failed: n(r.failed),
      costVnd: n(r.cost),
    })),
    residentsReached: {
      pushed: n(residentsReached?.pushed),
      seen: n(residentsReached?.seen),
      neverPushed: n(residentsReached?.never),
    },
    noPushReasons: noPushReasons.map((r) => ({ reason: r.reason, deliveries: n(r.deliveries) })),
    relayByGroup: relayByGroup.map((r) => ({
      groupCode: r.code,
      groupName: r.name,
      tasks: n(r.tasks),
      done: n(r.done),
      opens: n(r.opens),
    })),
    feedbackByKind: feedbackByKind.map((r) => ({ kind: r.kind, signals: n(r.signals) })),
    feedbackBySentiment: feedbackBySentiment
      .map((r) => ({ sentiment: r.sentiment ?? ("unlabelled" as const), signals: n(r.signals) }))
      .sort((a, b) => sentimentOrder.indexOf(a.sentiment) - sentimentOrder.indexOf(b.sentiment)),
    feedbackOpen: n(feedbackOpen?.open),
    rumours: rumours.map((r) => ({
      claim: r.claim,
      repeats: n(r.repeats),
      hasClarification: r.has_clarification,
    })),
    opinionReports: { reports: n(opinionReports?.reports), reporters: n(opinionReports?.reporters) },
  };
}
