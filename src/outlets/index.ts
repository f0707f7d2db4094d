/**
 * The outlet and network view: pure over story reports (what `compare` found) read as outlet digests (./digest.ts),
 * one record per outlet, edges of derivation between outlets, and groups of outlets that republish the same sources.
 *
 * Per story (its digest: articles with outlet, date and traces; each rewrite's source; quotes; conflict sides):
 * - rewrites: each derived article with its source (chosen in ./digest.ts: the earliest-published of the articles
 *   it derives from with ≥ ROOT_SHARE of its best confidence). Edge source outlet → rewrite outlet; lag =
 *   rewrite's publication − source's (minutes, both dates known).
 * - quotes: each article of a quote claim's `quotedIn` counts a quote for its outlet; a quote that one article
 *   prints and no other article quotes, states or attests in translation (single-source, no support) is unattested
 *   — the possible-fabrication flag.
 * - conflicts: an outlet with an article on a side of a conflict has a conflict in that story.
 * - first: the earliest-published article of the story (undated last; ties: story order).
 * - traces: machine-rewrite leftovers in the article text (./traces.ts).
 * - templates: openings (4 to 6 first words; case, punctuation, digits and month or weekday names aside) that articles
 *   of at least TEMPLATE_STORIES of an outlet's stories, and TEMPLATE_SHARE of its articles, share — a dateline, a
 *   house template or a generator's fixed lede; each with up to five example spans.
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
import { instant, type OutletDigest } from './digest.js';
import type { NetworkSummary, OutletEdge, OutletGroup, OutletNetwork, OutletRecord, OutletView, RewriteTrace, TemplatedOpening } from './types.js';

export type { EdgePair, NetworkSummary, OutletEdge, OutletEdgeSummary, OutletGroup, OutletNetwork, OutletRecord, OutletView, RewriteTrace, TemplatedOpening } from './types.js';
export { rewriteTraces } from './traces.js';
export { instant, outletDigest, outletName, parseDigest, ROOT_SHARE, DIGEST_VERSION, type OutletArticle, type OutletDigest, type OutletInput, type OutletStory } from './digest.js';

/** Two rewrites of one source within this many minutes of each other are co-published. */
export const WINDOW_MINUTES = 180;
/** Rewrites of one source read for the co-publication graph (the earliest, one per outlet): bounds its pairs. */
export const MAX_COPUBLISHERS = 300;
/** Article pairs kept per edge. */
export const EDGE_PAIRS = 20;
/**
 * An opening is templated when articles of at least TEMPLATE_STORIES of an outlet's stories, and TEMPLATE_SHARE of
 * its articles, start with the same TEMPLATE_MIN_WORDS to OPENING_WORDS words (keys of ./digest.ts `openingOf`); of a
 * templated opening and a longer one that nearly as many articles share (TEMPLATE_NESTED of them), the longer.
 */
export const TEMPLATE_STORIES = 3;
export const TEMPLATE_SHARE = 0.2;
export const TEMPLATE_MIN_WORDS = 4;
const TEMPLATE_NESTED = 0.8;
/** Templated openings listed per outlet, and examples per opening. */
const TEMPLATES = 5;
const TEMPLATE_EXAMPLES = 5;

interface OutletTally {
  articles: Set<string>;
  stories: Set<string>;
  rewrites: Set<string>;
  sources: Map<string, number>;
  lags: number[];
  reuse: number[];
  quotes: number;
  unattested: number;
  inventing: Set<string>;
  conflictStories: Set<string>;
  first: number;
  traces: RewriteTrace[];
  /** Per opening prefix (its word keys joined by a space): how many of its articles and stories start so. */
  openings: Map<string, { words: number; opening: string; articles: number; stories: Set<string>; examples: TemplatedOpening['examples'] }>;
}

interface EdgeTally {
  articles: number;
  lags: number[];
  pairs: OutletEdge['pairs'];
}

interface Dated {
  outlet: string;
  published: string | null;
}

/** Minutes from a's publication to b's (both with a time of day), or null; a negative lag is not a lag. */
const minutes = (a: Dated, b: Dated): number | null => {
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

/** Outlets, derivation edges between them, and co-publishing groups, from the outlet digests of story reports (./digest.ts). */
export function outletNetwork(digests: Iterable<OutletDigest>, options: { windowMinutes?: number; seed?: number } = {}): OutletNetwork {
  const window = options.windowMinutes ?? WINDOW_MINUTES;
  const tallies = new Map<string, OutletTally>();
  // Edges by source outlet, then rewrite outlet (nested maps: no separator a name could contain).
  const edges = new Map<string, Map<string, EdgeTally>>();
  // An article counts once, whatever number of reports name it (a story's report and a stale one).
  const counted = new Set<string>();
  const derivedSeen = new Set<string>();
  const tally = (outlet: string): OutletTally => {
    let t = tallies.get(outlet);
    if (!t) tallies.set(outlet, (t = { articles: new Set(), stories: new Set(), rewrites: new Set(), sources: new Map(), lags: [], reuse: [], quotes: 0, unattested: 0, inventing: new Set(), conflictStories: new Set(), first: 0, traces: [], openings: new Map() }));
    return t;
  };
  // Source article → its rewrites (outlet, minutes after the source), for the co-publication graph.
  const rewritesOfSource = new Map<string, { outlet: string; at: number | null }[]>();
  const firstSeen = new Set<string>();
  let stories = 0;
  for (const digest of digests) {
    const byId = new Map(digest.articles.map((a) => [a.id, a]));
    for (const story of digest.stories) {
      stories++;
      const members = story.articles.map((id) => byId.get(id)).filter((a) => a !== undefined);
      for (const a of members) {
        const t = tally(a.outlet);
        if (!counted.has(a.id)) {
          counted.add(a.id);
          t.articles.add(a.id);
          t.traces.push(...a.traces);
          const opening = a.opening;
          for (let n = TEMPLATE_MIN_WORDS; opening && n <= opening.words.length; n++) {
            const key = opening.words.slice(0, n).join(' ');
            const text = opening.text.slice(0, opening.ends[n - 1]! - opening.start);
            let o = t.openings.get(key);
            if (!o) t.openings.set(key, (o = { words: n, opening: text, articles: 0, stories: new Set(), examples: [] }));
            o.articles++;
            o.stories.add(story.id);
            if (o.examples.length < TEMPLATE_EXAMPLES) o.examples.push({ article: a.id, start: opening.start, end: opening.start + text.length, text });
          }
        }
        t.stories.add(story.id);
      }
      const dated = members.map((a, i) => ({ a, i, t: instant(a.published) }));
      dated.sort((x, y) => (Number.isFinite(x.t) ? x.t : Infinity) - (Number.isFinite(y.t) ? y.t : Infinity) || x.i - y.i);
      if (dated[0] && !firstSeen.has(dated[0].a.id)) {
        firstSeen.add(dated[0].a.id);
        tally(dated[0].a.outlet).first++;
      }
      for (const { derived, source, confidence, reuse, evidence } of story.sources) {
        const d = byId.get(derived);
        const s = byId.get(source);
        if (!d || !s || derivedSeen.has(derived)) continue;
        derivedSeen.add(derived);
        const t = tally(d.outlet);
        t.rewrites.add(derived);
        t.sources.set(s.outlet, (t.sources.get(s.outlet) ?? 0) + 1);
        t.reuse.push(reuse);
        const lag = minutes(s, d);
        if (lag !== null) t.lags.push(lag);
        let row = edges.get(s.outlet);
        if (!row) edges.set(s.outlet, (row = new Map()));
        let e = row.get(d.outlet);
        if (!e) row.set(d.outlet, (e = { articles: 0, lags: [], pairs: [] }));
        e.articles++;
        if (lag !== null) e.lags.push(lag);
        if (e.pairs.length < EDGE_PAIRS) e.pairs.push({ source, rewrite: derived, sourceTitle: s.title, rewriteTitle: d.title, story: story.id, confidence, evidence });
        const list = rewritesOfSource.get(source) ?? [];
        list.push({ outlet: d.outlet, at: lag });
        rewritesOfSource.set(source, list);
      }
      for (const q of story.quotes) {
        for (const id of q.quotedIn) {
          const a = byId.get(id);
          if (!a) continue;
          const t = tally(a.outlet);
          t.quotes++;
          if (q.unattested) {
            t.unattested++;
            t.inventing.add(id);
          }
        }
      }
      for (const id of story.conflictArticles) {
        const a = byId.get(id);
        if (a) tally(a.outlet).conflictStories.add(story.id);
      }
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
      medianReuse: t.reuse.length === 0 ? null : Math.round(median(t.reuse.map((r) => r * 1000))!) / 1000,
      quotes: t.quotes,
      unattestedQuotes: t.unattested,
      unattestedShare: share(t.unattested, t.quotes),
      inventingShare: share(t.inventing.size, t.articles.size),
      conflictShare: share(t.conflictStories.size, t.stories.size),
      firstShare: share(t.first, t.articles.size),
      traces: t.traces,
      templates: templatesOf(t),
    }))
    .sort((x, y) => y.articles - x.articles || (x.outlet < y.outlet ? -1 : 1));
  const edgeList: OutletEdge[] = [...edges]
    .flatMap(([from, row]) => [...row].map(([to, e]) => ({ from, to, articles: e.articles, medianLagMinutes: median(e.lags), pairs: e.pairs })))
    .sort((x, y) => y.articles - x.articles || (x.from < y.from ? -1 : x.from > y.from ? 1 : x.to < y.to ? -1 : 1));
  return { outlets, edges: edgeList, groups: coPublishingGroups(rewritesOfSource, window, options.seed ?? 1), stories };
}

/** An outlet's templated openings (see TEMPLATE_STORIES): the most common first, at most TEMPLATES. */
function templatesOf(t: OutletTally): TemplatedOpening[] {
  const qualifying = [...t.openings].filter(([, o]) => o.stories.size >= TEMPLATE_STORIES && o.articles >= TEMPLATE_SHARE * t.articles.size);
  const kept = qualifying.filter(([key, o]) => !qualifying.some(([longer, l]) => l.words > o.words && longer.startsWith(`${key} `) && l.articles >= TEMPLATE_NESTED * o.articles));
  return kept
    .map(([, o]) => o)
    .sort((x, y) => y.articles - x.articles || (x.opening < y.opening ? -1 : x.opening > y.opening ? 1 : 0))
    .slice(0, TEMPLATES)
    .map((o) => ({ opening: o.opening, articles: o.articles, stories: o.stories.size, share: share(o.articles, t.articles.size), examples: o.examples }));
}

/** The network with each edge's article pairs left out (what a drawing and the tables need). */
export function networkSummary<T extends OutletNetwork>(network: T): Omit<T, 'edges'> & NetworkSummary {
  return { ...network, edges: network.edges.map(({ from, to, articles, medianLagMinutes }) => ({ from, to, articles, medianLagMinutes })) };
}

/** One outlet of a network with its edges and groups, or null when the network has no such outlet. */
export function outletView(network: OutletNetwork, outlet: string): OutletView | null {
  const record = network.outlets.find((o) => o.outlet === outlet);
  if (!record) return null;
  return {
    outlet: record,
    incoming: network.edges.filter((e) => e.to === outlet),
    outgoing: network.edges.filter((e) => e.from === outlet),
    groups: network.groups.filter((g) => g.outlets.includes(outlet)),
  };
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
