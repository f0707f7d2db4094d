/**
 * The outlet and network view: pure over story reports (what `compare` found), one record per outlet, edges of
 * derivation between outlets, and groups of outlets that republish the same sources.
 *
 * Per story (its report: articles with outlet and date, claims, conflicts, derivation):
 * - rewrites: each article that the derivation says derives from another (direction a-from-b or b-from-a) is a
 *   rewrite; its source is the earliest-published of the articles it derives from with ≥ ROOT_SHARE of its best
 *   confidence (the original, not a closer copy of it); a source of the same outlet is not counted.
 *   Edge source outlet → rewrite outlet; lag = rewrite's publication − source's (minutes, both dates known).
 * - quotes: each article of a quote claim's `quotedIn` counts a quote for its outlet; a quote that one article
 *   prints and no other article quotes, states or attests in translation (single-source, no support) is unattested
 *   — the possible-fabrication flag.
 * - conflicts: an outlet with an article on a side of a conflict has a conflict in that story.
 * - first: the earliest-published article of the story (undated last; ties: story order).
 * - traces: machine-rewrite leftovers in the article text (./traces.ts).
 * Groups (coordinated republishing): outlets are nodes; two outlets gain an edge of weight 1 for every source
 * article both rewrite within WINDOW_MINUTES of each other (each outlet once per source, its earliest rewrite; the
 * first MAX_COPUBLISHERS outlets of a source); communities by Louvain (graphology-communities-louvain, resolution 1,
 * seeded: the same input gives the same groups); a group is a community of two or more outlets, with the number of
 * sources two of its outlets rewrote within the window of each other.
 * An article counts once however many reports name it. Dates: a date-time without an offset is UTC; lags need a
 * time of day on both sides and are never negative.
 * Deterministic: outlets, edges and groups in stable orders.
 */
import { UndirectedGraph } from 'graphology';
import louvainModule from 'graphology-communities-louvain';
import type { Claim, Conflict, DerivationPair } from '../types.js';
import { rewriteTraces } from './traces.js';
import type { OutletEdge, OutletGroup, OutletNetwork, OutletRecord, RewriteTrace } from './types.js';

export type { OutletEdge, OutletGroup, OutletNetwork, OutletRecord, RewriteTrace } from './types.js';
export { rewriteTraces } from './traces.js';

/** What the view reads of an article (a report's article has more). */
export interface OutletArticle {
  id: string;
  source: string | null;
  published: string | null;
  text: string;
}

/** What the view reads of a story report. */
export interface OutletStory {
  id: string;
  articles: readonly string[];
  claims: readonly Claim[];
  conflicts: readonly Conflict[];
  derivation: readonly DerivationPair[];
}

/** One report's worth of input: its articles and stories (a stored `Report` is one). */
export interface OutletInput {
  articles: readonly OutletArticle[];
  stories: readonly OutletStory[];
}

/** Two rewrites of one source within this many minutes of each other are co-published. */
export const WINDOW_MINUTES = 180;
/** A derivation at least this share of an article's most confident one may name its source (the earliest such). */
export const ROOT_SHARE = 0.5;
/** Rewrites of one source read for the co-publication graph (the earliest, one per outlet): bounds its pairs. */
export const MAX_COPUBLISHERS = 300;
/** Article pairs kept per edge. */
export const EDGE_PAIRS = 20;
const UNKNOWN = 'unknown outlet';

interface OutletTally {
  articles: Set<string>;
  stories: Set<string>;
  rewrites: Set<string>;
  sources: Map<string, number>;
  lags: number[];
  quotes: number;
  unattested: number;
  inventing: Set<string>;
  conflictStories: Set<string>;
  first: number;
  traces: RewriteTrace[];
}

interface EdgeTally {
  articles: number;
  lags: number[];
  pairs: OutletEdge['pairs'];
}

/** An outlet's name: white space collapsed, control characters out (they would forge names in keys and output). */
const outletOf = (a: OutletArticle | undefined): string => a?.source?.replace(/[\u0000-\u001f\u007f-\u009f\s]+/g, ' ').trim() || UNKNOWN;

/**
 * ms of an ISO date-time; a date-time without an offset is UTC (never the machine's zone). `timed`: only values that
 * give a time of day (a lag between a date and a date-time would be measured from midnight).
 */
export function instant(published: string | null, timed = false): number {
  if (!published) return NaN;
  const withTime = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(published);
  if (timed && !withTime) return NaN;
  const zoned = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(published) || !withTime ? published : `${published}Z`;
  return Date.parse(zoned);
}

/** Minutes from a's publication to b's (both with a time of day), or null; a negative lag is not a lag. */
const minutes = (a: OutletArticle, b: OutletArticle): number | null => {
  const x = instant(a.published, true);
  const y = instant(b.published, true);
  const m = (y - x) / 60_000;
  return Number.isFinite(m) && m >= 0 ? m : null;
};

function median(xs: readonly number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return Math.round((s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2) * 10) / 10;
}

const share = (n: number, d: number): number => (d === 0 ? 0 : Math.round((n / d) * 1000) / 1000);

/**
 * The source of each derived article of a story: of the articles it derives from with at least ROOT_SHARE of its
 * best derivation confidence, the earliest published (ties: the more confident, then story order) — a site that
 * copies a wire copies the wire, even where another copy of it reads closer.
 */
function sourcesOf(story: OutletStory, byId: ReadonlyMap<string, OutletArticle>): Map<string, { source: string; pair: DerivationPair }> {
  const candidates = new Map<string, { source: string; pair: DerivationPair }[]>();
  for (const p of story.derivation) {
    if (p.direction !== 'a-from-b' && p.direction !== 'b-from-a') continue;
    const [derived, source] = p.direction === 'a-from-b' ? [p.a, p.b] : [p.b, p.a];
    // An outlet's own earlier article is not a source it rewrites from another outlet.
    if (outletOf(byId.get(derived)) === outletOf(byId.get(source))) continue;
    const list = candidates.get(derived) ?? [];
    list.push({ source, pair: p });
    candidates.set(derived, list);
  }
  const order = new Map(story.articles.map((id, i) => [id, i]));
  const time = (id: string): number => {
    const t = instant(byId.get(id)?.published ?? null);
    return Number.isFinite(t) ? t : Infinity;
  };
  const out = new Map<string, { source: string; pair: DerivationPair }>();
  for (const [derived, list] of candidates) {
    const best = Math.max(...list.map((c) => c.pair.confidence));
    const chosen = list
      .filter((c) => c.pair.confidence >= ROOT_SHARE * best)
      .sort((x, y) => time(x.source) - time(y.source) || y.pair.confidence - x.pair.confidence || order.get(x.source)! - order.get(y.source)!)[0]!;
    out.set(derived, chosen);
  }
  return out;
}

function unattested(c: Claim): boolean {
  return c.status === 'single-source' && (c.supportedIn ?? []).length === 0 && (c.translatedIn ?? []).length === 0;
}

/** Outlets, derivation edges between them, and co-publishing groups, from stored story reports. */
export function outletNetwork(reports: Iterable<OutletInput>, options: { windowMinutes?: number; seed?: number } = {}): OutletNetwork {
  const window = options.windowMinutes ?? WINDOW_MINUTES;
  const tallies = new Map<string, OutletTally>();
  // Edges by source outlet, then rewrite outlet (nested maps: no separator a name could contain).
  const edges = new Map<string, Map<string, EdgeTally>>();
  // An article counts once, whatever number of reports name it (a story's report and a stale one).
  const counted = new Set<string>();
  const derivedSeen = new Set<string>();
  const tally = (outlet: string): OutletTally => {
    let t = tallies.get(outlet);
    if (!t) tallies.set(outlet, (t = { articles: new Set(), stories: new Set(), rewrites: new Set(), sources: new Map(), lags: [], quotes: 0, unattested: 0, inventing: new Set(), conflictStories: new Set(), first: 0, traces: [] }));
    return t;
  };
  // Source article → its rewrites (outlet, minutes after the source), for the co-publication graph.
  const rewritesOfSource = new Map<string, { outlet: string; at: number | null }[]>();
  const firstSeen = new Set<string>();
  let stories = 0;
  for (const report of reports) {
    const byId = new Map(report.articles.map((a) => [a.id, a]));
    for (const story of report.stories) {
      stories++;
      const members = story.articles.map((id) => byId.get(id)).filter((a): a is OutletArticle => a !== undefined);
      for (const a of members) {
        const t = tally(outletOf(a));
        if (!counted.has(a.id)) {
          counted.add(a.id);
          t.articles.add(a.id);
          t.traces.push(...rewriteTraces(a.id, a.text));
        }
        t.stories.add(story.id);
      }
      const dated = members.map((a, i) => ({ a, i, t: instant(a.published) }));
      dated.sort((x, y) => (Number.isFinite(x.t) ? x.t : Infinity) - (Number.isFinite(y.t) ? y.t : Infinity) || x.i - y.i);
      if (dated[0] && !firstSeen.has(dated[0].a.id)) {
        firstSeen.add(dated[0].a.id);
        tally(outletOf(dated[0].a)).first++;
      }
      for (const [derived, { source, pair }] of sourcesOf(story, byId)) {
        const d = byId.get(derived);
        const s = byId.get(source);
        if (!d || !s || derivedSeen.has(derived)) continue;
        derivedSeen.add(derived);
        const from = outletOf(s);
        const to = outletOf(d);
        const t = tally(to);
        t.rewrites.add(derived);
        t.sources.set(from, (t.sources.get(from) ?? 0) + 1);
        const lag = minutes(s, d);
        if (lag !== null) t.lags.push(lag);
        let row = edges.get(from);
        if (!row) edges.set(from, (row = new Map()));
        let e = row.get(to);
        if (!e) row.set(to, (e = { articles: 0, lags: [], pairs: [] }));
        e.articles++;
        if (lag !== null) e.lags.push(lag);
        if (e.pairs.length < EDGE_PAIRS) e.pairs.push({ source, rewrite: derived, story: story.id, confidence: pair.confidence, evidence: pair.evidence.map((x) => x.kind) });
        const list = rewritesOfSource.get(source) ?? [];
        list.push({ outlet: to, at: lag });
        rewritesOfSource.set(source, list);
      }
      for (const c of story.claims) {
        if (c.kind !== 'quote') continue;
        for (const id of c.quotedIn ?? []) {
          if (!byId.has(id)) continue;
          const t = tally(outletOf(byId.get(id)));
          t.quotes++;
          if (unattested(c)) {
            t.unattested++;
            t.inventing.add(id);
          }
        }
      }
      for (const c of story.conflicts) for (const side of c.sides) if (byId.has(side.article)) tally(outletOf(byId.get(side.article))).conflictStories.add(story.id);
    }
  }
  const outlets: OutletRecord[] = [...tallies]
    .map(([outlet, t]) => ({
      outlet,
      articles: t.articles.size,
      stories: t.stories.size,
      rewrites: t.rewrites.size,
      rewriteShare: share(t.rewrites.size, t.articles.size),
      topSources: [...t.sources].map(([o, n]) => ({ outlet: o, articles: n })).sort((x, y) => y.articles - x.articles || (x.outlet < y.outlet ? -1 : 1)).slice(0, 5),
      medianLagMinutes: median(t.lags),
      quotes: t.quotes,
      unattestedQuotes: t.unattested,
      unattestedShare: share(t.unattested, t.quotes),
      inventingShare: share(t.inventing.size, t.articles.size),
      conflictShare: share(t.conflictStories.size, t.stories.size),
      firstShare: share(t.first, t.articles.size),
      traces: t.traces,
    }))
    .sort((x, y) => y.articles - x.articles || (x.outlet < y.outlet ? -1 : 1));
  const edgeList: OutletEdge[] = [...edges]
    .flatMap(([from, row]) => [...row].map(([to, e]) => ({ from, to, articles: e.articles, medianLagMinutes: median(e.lags), pairs: e.pairs })))
    .sort((x, y) => y.articles - x.articles || (x.from < y.from ? -1 : x.from > y.from ? 1 : x.to < y.to ? -1 : 1));
  return { outlets, edges: edgeList, groups: coPublishingGroups(rewritesOfSource, window, options.seed ?? 1), stories };
}

/**
 * Louvain as it is at run time: the package is CommonJS (`module.exports = louvain`), which Node gives as the default
 * import, while its type declarations describe an ES default export; this is the one shape we call.
 */
const louvain = louvainModule as unknown as (graph: UndirectedGraph, options: { getEdgeWeight: string; rng: () => number }) => Record<string, number>;

/** Communities of the co-publication graph (see the module comment). */
function coPublishingGroups(rewritesOfSource: ReadonlyMap<string, { outlet: string; at: number | null }[]>, window: number, seed: number): OutletGroup[] {
  // Per source: each outlet once (its earliest rewrite with a known lag), in time order, at most MAX_COPUBLISHERS;
  // the outlet pairs within the window (a sweep: each rewrite against the later ones up to the window's end).
  const weights = new Map<string, Map<string, number>>();
  const pairsOfSource: [string, string][][] = [];
  for (const list of rewritesOfSource.values()) {
    const earliest = new Map<string, number>();
    for (const x of list) if (x.at !== null && !(earliest.get(x.outlet)! <= x.at)) earliest.set(x.outlet, x.at);
    const timed = [...earliest].sort((x, y) => x[1] - y[1] || (x[0] < y[0] ? -1 : 1)).slice(0, MAX_COPUBLISHERS);
    const pairs: [string, string][] = [];
    for (let i = 0; i < timed.length; i++) {
      for (let j = i + 1; j < timed.length && timed[j]![1] - timed[i]![1] <= window; j++) {
        const [a, b] = timed[i]![0] < timed[j]![0] ? [timed[i]![0], timed[j]![0]] : [timed[j]![0], timed[i]![0]];
        pairs.push([a, b]);
        let row = weights.get(a);
        if (!row) weights.set(a, (row = new Map()));
        row.set(b, (row.get(b) ?? 0) + 1);
      }
    }
    if (pairs.length > 0) pairsOfSource.push(pairs);
  }
  const graph = new UndirectedGraph();
  for (const a of [...weights.keys()].sort()) {
    const row = weights.get(a)!;
    for (const b of [...row.keys()].sort()) {
      if (!graph.hasNode(a)) graph.addNode(a);
      if (!graph.hasNode(b)) graph.addNode(b);
      graph.addEdge(a, b, { weight: row.get(b)! });
    }
  }
  if (graph.order === 0) return [];
  const communities = louvain(graph, { getEdgeWeight: 'weight', rng: seededRandom(seed) });
  const members = new Map<number, string[]>();
  for (const node of graph.nodes()) {
    const c = communities[node]!;
    const list = members.get(c) ?? [];
    list.push(node);
    members.set(c, list);
  }
  return [...members.values()]
    .filter((m) => m.length >= 2)
    .map((m) => {
      const outlets = [...m].sort();
      const inside = new Set(outlets);
      // Sources two of them rewrote within the window of each other.
      const sharedSources = pairsOfSource.filter((pairs) => pairs.some(([a, b]) => inside.has(a) && inside.has(b))).length;
      return { outlets, sharedSources };
    })
    .sort((x, y) => y.outlets.length - x.outlets.length || (x.outlets[0]! < y.outlets[0]! ? -1 : 1));
}

/** A PRNG in [0, 1) (mulberry32): Louvain's random choices, the same for the same seed. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0 || 1;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
