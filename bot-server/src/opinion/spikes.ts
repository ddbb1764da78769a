// Spike detection: is a theme talked about in a residential group far more in the last 24 hours than in
// its previous 14 days? Pure: the counts come in, the spikes go out. The store side (counting, the
// privacy fold, the alert) is in services/opinion-spikes.ts.

/** The privacy floor: an aggregate never names a residential group with fewer confirmed residents. */
export const GROUP_PRIVACY_MIN_RESIDENTS = 5;

export interface ThemeGroupCount {
  /** A theme id, or the unthemed bucket. */
  themeKey: string;
  /** A residential group id, or one of the folded buckets. */
  groupKey: string;
  /** Messages in the last 24 hours. */
  recent: number;
  /** Messages in the 14 days before those 24 hours. */
  history: number;
}

export interface SpikeRules {
  /** Days of history the recent day is compared with. */
  historyDays: number;
  /** Fewest messages in a day that can be a spike: two or three messages are never one. */
  minCount: number;
  /** How unlikely the day's count must be under the usual rate (Poisson upper tail). */
  alpha: number;
  /** The usual rate assumed when a group has been (nearly) silent: a first message is not a spike. */
  floorRate: number;
}

export const DEFAULT_SPIKE_RULES: SpikeRules = { historyDays: 14, minCount: 5, alpha: 0.001, floorRate: 0.5 };

export interface Spike extends ThemeGroupCount {
  /** The usual messages a day over the history (before the floor). */
  dailyMean: number;
  /** The count from which the day is a spike. */
  threshold: number;
}

/** P(X ≥ k) for X ~ Poisson(λ). */
export function poissonTail(k: number, lambda: number): number {
  if (k <= 0) return 1;
  // 1 − P(X ≤ k − 1), summing the terms in order; fine for the small counts of a day in a group.
  let term = Math.exp(-lambda);
  let cdf = term;
  for (let i = 1; i < k; i++) {
    term *= lambda / i;
    cdf += term;
  }
  return Math.max(0, 1 - cdf);
}

/** The smallest day's count that is a spike for a usual daily rate. */
export function spikeThreshold(dailyMean: number, rules: SpikeRules = DEFAULT_SPIKE_RULES): number {
  const lambda = Math.max(dailyMean, rules.floorRate);
  let k = rules.minCount;
  while (poissonTail(k, lambda) >= rules.alpha) k++;
  return k;
}

/**
 * The theme × group pairs whose last 24 hours stand out: at least `minCount` messages and a count the
 * usual daily rate makes less likely than `alpha`. Biggest jump first (by how far past its threshold).
 */
export function detectSpikes(
  counts: readonly ThemeGroupCount[],
  rules: SpikeRules = DEFAULT_SPIKE_RULES,
): Spike[] {
  const spikes: Spike[] = [];
  for (const row of counts) {
    const dailyMean = row.history / rules.historyDays;
    const threshold = spikeThreshold(dailyMean, rules);
    if (row.recent >= threshold) spikes.push({ ...row, dailyMean, threshold });
  }
  return spikes.sort(
    (a, b) =>
      b.recent / b.threshold - a.recent / a.threshold ||
      a.themeKey.localeCompare(b.themeKey) ||
      a.groupKey.localeCompare(b.groupKey),
  );
}

/** Where a group's words are counted in an aggregate: under its own name, or folded with the small ones. */
export type GroupBucket = { kind: "group"; groupId: string } | { kind: "small" } | { kind: "none" };

export const SMALL_GROUPS_KEY = "small";
export const NO_GROUP_KEY = "none";
/** How staff read the folded rows. */
export const SMALL_GROUPS_LABEL = "Các tổ dưới 5 người";
export const NO_GROUP_LABEL = "Chưa rõ tổ";

/**
 * The privacy fold: a group with fewer than 5 confirmed residents is never named in an aggregate or an
 * alert; its messages count in one row with the other small groups. Messages with no group have their own.
 */
export function groupBucket(groupId: string | null, residents: ReadonlyMap<string, number>): GroupBucket {
  if (!groupId) return { kind: "none" };
  return (residents.get(groupId) ?? 0) >= GROUP_PRIVACY_MIN_RESIDENTS
    ? { kind: "group", groupId }
    : { kind: "small" };
}

export function groupKeyOf(bucket: GroupBucket): string {
  return bucket.kind === "group" ? bucket.groupId : bucket.kind === "small" ? SMALL_GROUPS_KEY : NO_GROUP_KEY;
}
