// Near-duplicate clustering: two hundred messages about the same flooded street, written with and without
// diacritics, in chat style or in full sentences, read as one cluster with its count, groups and time span.
// MinHash signatures over character shingles of the folded text, LSH banding to find candidate pairs,
// the estimated Jaccard similarity to confirm them, and union-find to join what links. No randomness:
// the same messages give the same clusters on every machine.
import { analyzeVietnamese, isMaskToken } from "@loa-phuong/shared";
import { hashString, mix } from "./hash.js";

export interface ClusterMessage<Id = number> {
  id: Id;
  text: string;
  /** The resident's residential group, when known. */
  groupId: string | null;
  sentAt: Date;
}

export interface MessageCluster<Id = number> {
  /** Member ids, oldest first. */
  members: Id[];
  count: number;
  /** Distinct residential groups of the members (null left out), in order of first appearance. */
  groupIds: string[];
  firstAt: Date;
  lastAt: Date;
  /** The member that says best what the cluster says (the one closest to all the others). */
  representative: Id;
  representativeText: string;
}

export interface ClusterOptions {
  /** Shingle length in characters of the folded, cleaned text. */
  shingle?: number;
  /** LSH bands × rows per band = MinHash signature length. */
  bands?: number;
  rows?: number;
  /** Estimated Jaccard similarity from which two messages are near-duplicates. */
  threshold?: number;
  /** Estimated similarity the first messages of two clusters need for the clusters to join. */
  leaderThreshold?: number;
  /** Smallest cluster returned (singletons say nothing about what many people say). */
  minSize?: number;
}

const DEFAULTS: Required<ClusterOptions> = {
  shingle: 4,
  bands: 40,
  rows: 3,
  threshold: 0.3,
  leaderThreshold: 0.3,
  minSize: 2,
};

/** Text shorter than this once cleaned ("ok", "cảm ơn ạ") is too short to be compared. */
const MIN_CONTENT_CHARS = 10;
/** In one LSH bucket, each message is checked against at most this many other clusters. */
const MAX_CHECKS_PER_BUCKET_ITEM = 24;

/**
 * Words that say how something is said, not what: dropped before shingling, so "mn ơi đường Lê Lợi ngập
 * rồi ạ" and "Đường Lê Lợi ngập" share most of their shingles. Folded, as the text is: so only words
 * that are fillers whatever their marks ("cho" may be "chợ", "do" may be "đổ": they stay).
 */
const FILLER = new Set(
  (
    "a ah ak oi uh um nhe nha nhen nhi ha roi qua lam luon vay thi la ma va voi cua khong duoc nay " +
    "moi nguoi ad admin xin cam on vui long cac nhung mot rat da se cung van con nua"
  ).split(" "),
);

/** The comparable form of a message: folded words without fillers, masks or emoticons. */
export function clusterText(text: string): string {
  const { foldedTokens } = analyzeVietnamese(text);
  const words: string[] = [];
  for (const token of foldedTokens) {
    if (isMaskToken(token) || FILLER.has(token)) continue;
    // Punctuation carries nothing between near-duplicates; letters and digits do.
    const word = token.replace(/[^\p{L}\p{N}]+/gu, "");
    if (word) words.push(word);
  }
  return words.join(" ");
}

/** The distinct hashed character shingles of a cleaned text (its words padded by one space). */
function shingles(text: string, size: number): Uint32Array {
  const padded = ` ${text} `;
  const set = new Set<number>();
  for (let i = 0; i + size <= padded.length; i++)
    set.add(mix(hashString(padded.slice(i, i + size), 0x5eed)) >>> 0);
  return Uint32Array.from(set);
}

/** Per-position seeds for the MinHash functions: fixed, so signatures are the same everywhere. */
function seedsFor(count: number): Uint32Array {
  const seeds = new Uint32Array(count);
  for (let i = 0; i < count; i++) seeds[i] = mix(Math.imul(i + 1, 0x9e3779b1)) >>> 0;
  return seeds;
}

function signature(shingleHashes: Uint32Array, seeds: Uint32Array): Uint32Array {
  const sig = new Uint32Array(seeds.length).fill(0xffffffff);
  for (const h of shingleHashes) {
    for (let i = 0; i < seeds.length; i++) {
      const v = mix(h ^ (seeds[i] as number)) >>> 0;
      if (v < (sig[i] as number)) sig[i] = v;
    }
  }
  return sig;
}

function similarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}

class UnionFind {
  private readonly parent: Int32Array;
  constructor(size: number) {
    this.parent = Int32Array.from({ length: size }, (_, i) => i);
  }
  find(i: number): number {
    let root = i;
    while (this.parent[root] !== root) root = this.parent[root] as number;
    // Path compression: the next find is one step.
    while (this.parent[i] !== root) {
      const next = this.parent[i] as number;
      this.parent[i] = root;
      i = next;
    }
    return root;
  }
  /** Joins two sets; the smaller index stays the root, so the result does not depend on the order. */
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return;
    if (ra < rb) this.parent[rb] = ra;
    else this.parent[ra] = rb;
  }
}

/**
 * Clusters near-duplicate messages. Clusters come biggest first (then earliest, then by first member);
 * members oldest first. Messages too short to compare stay out of every cluster.
 */
export function clusterMessages<Id>(
  messages: readonly ClusterMessage<Id>[],
  options: ClusterOptions = {},
): MessageCluster<Id>[] {
  const o = { ...DEFAULTS, ...options };
  // Oldest first, ties by position: the order every later step relies on for determinism.
  const items = messages
    .map((m, position) => ({ m, position, text: clusterText(m.text) }))
    .filter((x) => x.text.length >= MIN_CONTENT_CHARS)
    .sort((a, b) => a.m.sentAt.getTime() - b.m.sentAt.getTime() || a.position - b.position);
  const seeds = seedsFor(o.bands * o.rows);
  const shingleSets = items.map((x) => shingles(x.text, o.shingle));
  const signatures = shingleSets.map((s) => signature(s, seeds));
  const sets = new UnionFind(items.length);

  for (let band = 0; band < o.bands; band++) {
    const buckets = new Map<string, number[]>();
    for (let i = 0; i < items.length; i++) {
      const sig = signatures[i] as Uint32Array;
      let key = "";
      for (let r = 0; r < o.rows; r++) key += `${sig[band * o.rows + r]},`;
      const bucket = buckets.get(key);
      if (!bucket) {
        buckets.set(key, [i]);
        continue;
      }
      // Against earlier members of the bucket that are not already in this message's cluster.
      let checks = 0;
      for (let k = bucket.length - 1; k >= 0 && checks < MAX_CHECKS_PER_BUCKET_ITEM; k--) {
        const j = bucket[k] as number;
        if (sets.find(i) === sets.find(j)) continue;
        checks++;
        if (similarity(sig, signatures[j] as Uint32Array) < o.threshold) continue;
        // Single links chain: "Lê Lợi ngập" → "Trần Phú ngập" → "Trần Phú mất điện". Two clusters join only
        // if their first messages are alike too, so a cluster never drifts far from what it began as.
        const [ri, rj] = [sets.find(i), sets.find(j)];
        if (similarity(signatures[ri] as Uint32Array, signatures[rj] as Uint32Array) >= o.leaderThreshold)
          sets.union(i, j);
      }
      bucket.push(i);
    }
  }

  const byRoot = new Map<number, number[]>();
  for (let i = 0; i < items.length; i++) {
    const root = sets.find(i);
    const list = byRoot.get(root);
    if (list) list.push(i);
    else byRoot.set(root, [i]);
  }
  const clusters: (MessageCluster<Id> & { order: number })[] = [];
  for (const indices of byRoot.values()) {
    if (indices.length < o.minSize) continue;
    const members = indices.map((i) => items[i] as (typeof items)[number]);
    const groupIds: string[] = [];
    for (const { m } of members) if (m.groupId && !groupIds.includes(m.groupId)) groupIds.push(m.groupId);
    const best = members[representativeIndex(indices.map((i) => shingleSets[i] as Uint32Array))];
    const first = members[0] as (typeof members)[number];
    clusters.push({
      members: members.map((x) => x.m.id),
      count: members.length,
      groupIds,
      firstAt: first.m.sentAt,
      lastAt: (members[members.length - 1] as (typeof members)[number]).m.sentAt,
      representative: (best ?? first).m.id,
      representativeText: (best ?? first).m.text,
      order: indices[0] as number,
    });
  }
  clusters.sort((a, b) => b.count - a.count || a.order - b.order);
  return clusters.map(({ order: _order, ...cluster }) => cluster);
}

/** At most this many members are weighed to pick the representative of a big cluster. */
const REPRESENTATIVE_SAMPLE = 200;

/**
 * The member whose shingles are, on average, the most common in the cluster: what most members say,
 * rather than the longest or the first message. Ties go to the earlier member.
 */
function representativeIndex(sets: Uint32Array[]): number {
  const sample = sets.slice(0, REPRESENTATIVE_SAMPLE);
  const frequency = new Map<number, number>();
  for (const set of sample) for (const h of set) frequency.set(h, (frequency.get(h) ?? 0) + 1);
  let best = 0;
  let bestScore = -1;
  sample.forEach((set, index) => {
    let sum = 0;
    for (const h of set) sum += frequency.get(h) ?? 0;
    const score = set.length === 0 ? 0 : sum / set.length;
    if (score > bestScore) {
      best = index;
      bestScore = score;
    }
  });
  return best;
}
