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
 * article both rewrite within WINDOW_MINUTES of each other; communities by Louvain (graphology-communities-louvain,
 * resolution 1, seeded: the same input gives the same groups); a group is a community of two or more outlets.
 * Deterministic: outlets, edges and groups in stable orders.
 */
import { UndirectedGraph } from 'graphology';
import louvainModule from 'graphology-communities-louvain';
import type { Claim, DerivationPair, Report, ReportArticle, StoryReport } from '../types.js';
import { rewriteTraces } from './traces.js';
import type { OutletEdge, OutletGroup, OutletNetwork, OutletRecord, RewriteTrace } from './types.js';

export type { OutletEdge, OutletGroup, OutletNetwork, OutletRecord, RewriteTrace } from './types.js';
export { rewriteTraces } from './traces.js';

/** Two rewrites of one source within this many minutes of each other are co-published. */
export const WINDOW_MINUTES = 180;
/** A derivation at least this share of an article's most confident one may name its source (the earliest such). */
export const ROOT_SHARE = 0.5;
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

const outletOf = (a: ReportArticle | undefined): string => a?.source?.trim() || UNKNOWN;
const minutes = (a: ReportArticle, b: ReportArticle): number | null => {
  const x = a.published ? Date.parse(a.published) : NaN;
  const y = b.published ? Date.parse(b.published) : NaN;
  return Number.isFinite(x) && Number.isFinite(y) ? (y - x) / 60_000 : null;
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
function sourcesOf(story: StoryReport, byId: ReadonlyMap<string, ReportArticle>): Map<string, { source: string; pair: DerivationPair }> {
  const candidates = new Map<string, { source: string; pair: DerivationPair }[]>();
  for (const p of story.derivation) {
    if (p.direction !== 'a-from-b' && p.direction !== 'b-from-a') continue;
    const [derived, source] = p.direction === 'a-from-b' ? [p.a, p.b] : [p.b, p.a];
    const list = candidates.get(derived) ?? [];
    list.push({ source, pair: p });
    candidates.set(derived, list);
  }
  const order = new Map(story.articles.map((id, i) => [id, i]));
  const time = (id: string): number => {
    const t = Date.parse(byId.get(id)?.published ?? '');
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
export function outletNetwork(reports: Iterable<Report>, options: { windowMinutes?: number; seed?: number } = {}): OutletNetwork {
  const window = options.windowMinutes ?? WINDOW_MINUTES;
  const tallies = new Map<string, OutletTally>();
  const edges = new Map<string, EdgeTally>();
  const tally = (outlet: string): OutletTally => {
    let t = tallies.get(outlet);
    if (!t) tallies.set(outlet, (t = { articles: new Set(), stories: new Set(), rewrites: new Set(), sources: new Map(), lags: [], quotes: 0, unattested: 0, inventing: new Set(), conflictStories: new Set(), first: 0, traces: [] }));
    return t;
  };
  // Source article → its rewrites (outlet, minutes after the source), for the co-publication graph.
  const rewritesOfSource = new Map<string, { outlet: string; at: number | null }[]>();
  let stories = 0;
  for (const report of reports) {
    const byId = new Map(report.articles.map((a) => [a.id, a]));
    for (const story of report.stories) {
      stories++;
      const members = story.articles.map((id) => byId.get(id)).filter((a): a is ReportArticle => a !== undefined);
      for (const a of members) {
        const t = tally(outletOf(a));
        if (!t.articles.has(a.id)) {
          t.articles.add(a.id);
          t.traces.push(...rewriteTraces(a.id, a.text));
        }
        t.stories.add(story.id);
      }
      const dated = members.map((a, i) => ({ a, i, t: a.published ? Date.parse(a.published) : NaN }));
      dated.sort((x, y) => (Number.isFinite(x.t) ? x.t : Infinity) - (Number.isFinite(y.t) ? y.t : Infinity) || x.i - y.i);
      if (dated[0]) tally(outletOf(dated[0].a)).first++;
      for (const [derived, { source, pair }] of sourcesOf(story, byId)) {
        const d = byId.get(derived);
        const s = byId.get(source);
        if (!d || !s) continue;
        const from = outletOf(s);
        const to = outletOf(d);
        if (from === to) continue;
        const t = tally(to);
        t.rewrites.add(derived);
        t.sources.set(from, (t.sources.get(from) ?? 0) + 1);
        const lag = minutes(s, d);
        if (lag !== null) t.lags.push(lag);
        const key = `${from}\u0000${to}`;
        let e = edges.get(key);
        if (!e) edges.set(key, (e = { articles: 0, lags: [], pairs: [] }));
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
          const t = tally(outletOf(byId.get(id)));
          t.quotes++;
          if (unattested(c)) {
            t.unattested++;
            t.inventing.add(id);
          }
        }
      }
      for (const c of story.conflicts) for (const side of c.sides) tally(outletOf(byId.get(side.article))).conflictStories.add(story.id);
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
    .map(([key, e]) => {
      const [from, to] = key.split('\u0000') as [string, string];
      return { from, to, articles: e.articles, medianLagMinutes: median(e.lags), pairs: e.pairs };
    })
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
  const graph = new UndirectedGraph();
  const shared = new Map<string, number>();
  for (const list of rewritesOfSource.values()) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const x = list[i]!;
        const y = list[j]!;
        if (x.outlet === y.outlet || x.at === null || y.at === null || Math.abs(x.at - y.at) > window) continue;
        const [a, b] = x.outlet < y.outlet ? [x.outlet, y.outlet] : [y.outlet, x.outlet];
        const key = `${a}\u0000${b}`;
        shared.set(key, (shared.get(key) ?? 0) + 1);
      }
    }
  }
  for (const key of [...shared.keys()].sort()) {
    const [a, b] = key.split('\u0000') as [string, string];
    if (!graph.hasNode(a)) graph.addNode(a);
    if (!graph.hasNode(b)) graph.addNode(b);
    graph.addEdge(a, b, { weight: shared.get(key)! });
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
      let sources = 0;
      for (const list of rewritesOfSource.values()) if (new Set(list.filter((x) => inside.has(x.outlet)).map((x) => x.outlet)).size >= 2) sources++;
      return { outlets, sharedSources: sources };
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
