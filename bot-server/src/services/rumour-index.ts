import { sql } from "drizzle-orm";
import { buildClaimIndex, type ClaimIndex, matchMessage } from "../rumours/index.js";
import { type Db, queryRows } from "../store/database.js";

/** What the labeller records of a match: the claim, its score and the matcher's reason. */
export interface RumourMatch {
  claimId: string;
  score: number;
  reason: string;
}

interface CachedIndex {
  /** Changes whenever a claim or an approved clarification does. */
  fingerprint: string;
  index: ClaimIndex;
}

const cache = new Map<string, CachedIndex>();

/**
 * The ward's active claims as the matcher reads them, each with the words of its approved
 * clarification (they tell the matcher which words are the claim's own). Rebuilt only when a claim
 * or its clarification changed.
 */
async function claimIndex(db: Db, wardId: string): Promise<ClaimIndex | null> {
  const rows = await queryRows<{
    id: string;
    claim: string;
    topic: string;
    clarification: string | null;
    at: string;
  }>(
    db,
    sql`select c.id, c.claim, c.topic, v.body as clarification,
               c.updated_at::text || '/' || coalesce(p.approved_version::text, '-') as at
        from rumour_claims c
        left join posts p on p.id = c.clarification_post_id
        left join post_versions v on v.post_id = p.id and v.version = p.approved_version
        where c.ward_id = ${wardId} and c.status = 'active' order by c.id`,
  );
  if (rows.length === 0) return null;
  const fingerprint = rows.map((r) => `${r.id}@${r.at}`).join(",");
  const cached = cache.get(wardId);
  if (cached?.fingerprint === fingerprint) return cached.index;
  const index = buildClaimIndex(
    rows.map((r) => ({ id: r.id, claim: r.claim, topic: r.topic, clarification: r.clarification ?? "" })),
  );
  cache.set(wardId, { fingerprint, index });
  return index;
}

/** Which known false claim each text repeats, if any: one entry per text, in order. */
export async function matchRumours(
  db: Db,
  wardId: string,
  texts: readonly string[],
): Promise<(RumourMatch | null)[]> {
  const index = await claimIndex(db, wardId);
  if (!index) return texts.map(() => null);
  return texts.map((text) => {
    const result = matchMessage(index, text);
    if (!result.claimId) return null;
    return {
      claimId: result.claimId,
      score: Math.round((result.best?.score ?? 0) * 1000) / 1000,
      reason: result.reason,
    };
  });
}
