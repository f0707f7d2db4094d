/**
 * What the outlet view needs of one story report, and nothing else: the outlet digest. A report repeats its
 * articles' sentences in every alignment, ledger entry and derivation pair (100,000 real-derived articles: 5.5 GB of
 * report JSON); the digest keeps per article its outlet, title, date and machine-rewrite traces, and per story
 * the source chosen for each derived article (with the derivation's evidence), its quotes (who prints each, and
 * whether any other article attests it) and the articles on a side of a conflict (~1% of the report). It is a pure
 * function of the report (with each article's opening words, for templated openings), computed once when the report is stored (the store keeps it beside the report), so the
 * outlet view reads digests, not reports.
 *
 * Per story:
 * - sources: each article that the derivation says derives from another (direction a-from-b or b-from-a) is a
 *   rewrite; its source is the earliest-published of the articles it derives from with ≥ ROOT_SHARE of its best
 *   confidence (the original, not a closer copy of it; ties: the more confident, then story order); a source of
 *   the same outlet is not counted.
 * - quotes: per quote claim, the articles of its `quotedIn`, and whether it is unattested: single-source with no
 *   article supporting it or attesting it in translation — the possible-fabrication flag.
 * - conflictArticles: the articles on a side of any conflict.
 */
import type { Claim, Conflict, DerivationPair } from '../types.js';
import { rewriteTraces } from './traces.js';
import type { RewriteTrace } from './types.js';

/** A derivation at least this share of an article's most confident one may name its source (the earliest such). */
export const ROOT_SHARE = 0.5;
/**
 * The digest's version: a stored digest of another version is not read (the report is read and digested again, and
 * `corroborate ingest` replaces it). Bump it whenever what a digest holds changes: its format, or the rules baked
 * into it — rewriteTraces' patterns, openingOf, outletName, the choice of sources (ROOT_SHARE); the pinned digest in
 * test/outlets.test.ts fails until it is bumped.
 */
export const DIGEST_VERSION = 3;
const UNKNOWN = 'unknown outlet';
/** Words of an article's opening kept for templated openings. */
export const OPENING_WORDS = 6;
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}'’-]*/gu;
/** English month and weekday names and their short forms: a dateline's date is not part of its template. */
const CALENDAR = /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)$/;

/** The key of one word of an opening: "MOSCOW, Dec 5 (TASS)" and "Moscow, November 30 (TASS)" give the same keys. */
function openingKey(word: string): string {
  const lower = word.toLowerCase();
  return CALENDAR.test(lower) ? '<date>' : lower.replace(/\p{N}+/gu, '#');
}

/** The article's opening (see `Opening`), or null when the text has no word. */
export function openingOf(text: string): Opening | null {
  const words: string[] = [];
  const ends: number[] = [];
  let start = -1;
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m && words.length < OPENING_WORDS; m = WORD.exec(text)) {
    if (start < 0) start = m.index;
    words.push(openingKey(m[0]));
    // A closing bracket or quote right after the word belongs to it: "(TASS)".
    let end = m.index + m[0].length;
    while (end < text.length && ')]»”’"\''.includes(text[end]!)) end++;
    ends.push(end);
  }
  if (start < 0) return null;
  return { start, words, ends, text: text.slice(start, ends[ends.length - 1]) };
}

/**
 * The first OPENING_WORDS words of an article: where they start, each word's key (lower case, digits as #, month
 * and weekday names as one token) and end offset, and the text up to the last of them. Prefixes of it are compared
 * across an outlet's articles (templated openings).
 */
export interface Opening {
  start: number;
  words: string[];
  ends: number[];
  text: string;
}

/** What the view reads of an article (a report's article has more). */
export interface OutletArticle {
  id: string;
  title?: string | null;
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

export interface DigestArticle {
  id: string;
  title: string | null;
  /** The outlet's name, normalised (`outletName`). */
  outlet: string;
  published: string | null;
  traces: RewriteTrace[];
  /** Null when the text has no word. */
  opening: Opening | null;
}

export interface DigestSource {
  derived: string;
  source: string;
  confidence: number;
  /** Share of the derived article's sentences aligned with its source (compare's text reuse). */
  reuse: number;
  evidence: { kind: string; weight: number; detail: string }[];
}

export interface DigestStory {
  id: string;
  articles: string[];
  sources: DigestSource[];
  quotes: { quotedIn: string[]; unattested: boolean }[];
  conflictArticles: string[];
}

export interface OutletDigest {
  version: typeof DIGEST_VERSION;
  articles: DigestArticle[];
  stories: DigestStory[];
}

/** An outlet's name: white space collapsed, control characters out (they would forge names in keys and output). */
export function outletName(source: string | null | undefined): string {
  return source?.replace(/[\u0000-\u001f\u007f-\u009f\s]+/g, ' ').trim() || UNKNOWN;
}

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

function unattested(c: Claim): boolean {
  return c.status === 'single-source' && (c.supportedIn ?? []).length === 0 && (c.translatedIn ?? []).length === 0;
}

/** The source of each derived article of a story (see the module comment), in story order of the derived article. */
function sourcesOf(story: OutletStory, byId: ReadonlyMap<string, DigestArticle>): DigestSource[] {
  const candidates = new Map<string, { source: string; pair: DerivationPair }[]>();
  for (const p of story.derivation) {
    if (p.direction !== 'a-from-b' && p.direction !== 'b-from-a') continue;
    const [derived, source] = p.direction === 'a-from-b' ? [p.a, p.b] : [p.b, p.a];
    const d = byId.get(derived);
    const s = byId.get(source);
    // An outlet's own earlier article is not a source it rewrites from another outlet.
    if (!d || !s || d.outlet === s.outlet) continue;
    const list = candidates.get(derived) ?? [];
    list.push({ source, pair: p });
    candidates.set(derived, list);
  }
  const order = new Map(story.articles.map((id, i) => [id, i]));
  const time = (id: string): number => {
    const t = instant(byId.get(id)?.published ?? null);
    return Number.isFinite(t) ? t : Infinity;
  };
  const out: DigestSource[] = [];
  for (const derived of [...candidates.keys()].sort((x, y) => (order.get(x) ?? 0) - (order.get(y) ?? 0))) {
    const list = candidates.get(derived)!;
    const best = Math.max(...list.map((c) => c.pair.confidence));
    const chosen = list
      .filter((c) => c.pair.confidence >= ROOT_SHARE * best)
      .sort((x, y) => time(x.source) - time(y.source) || y.pair.confidence - x.pair.confidence || (order.get(x.source) ?? 0) - (order.get(y.source) ?? 0))[0]!;
    const reuse = chosen.pair.a === derived ? chosen.pair.reuse.aInB : chosen.pair.reuse.bInA;
    out.push({ derived, source: chosen.source, confidence: chosen.pair.confidence, reuse, evidence: chosen.pair.evidence.map((e) => ({ kind: e.kind, weight: e.weight, detail: e.detail })) });
  }
  return out;
}

/** The outlet digest of one report. */
export function outletDigest(input: OutletInput): OutletDigest {
  const articles: DigestArticle[] = input.articles.map((a) => ({ id: a.id, title: a.title ?? null, outlet: outletName(a.source), published: a.published, traces: rewriteTraces(a.id, a.text), opening: openingOf(a.text) }));
  const byId = new Map(articles.map((a) => [a.id, a]));
  const stories = input.stories.map(
    (story): DigestStory => ({
      id: story.id,
      articles: story.articles.filter((id) => byId.has(id)),
      sources: sourcesOf(story, byId),
      quotes: story.claims.filter((c) => c.kind === 'quote').map((c) => ({ quotedIn: (c.quotedIn ?? []).filter((id) => byId.has(id)), unattested: unattested(c) })),
      conflictArticles: [...new Set(story.conflicts.flatMap((c) => c.sides.map((s) => s.article)).filter((id) => byId.has(id)))].sort(),
    }),
  );
  return { version: DIGEST_VERSION, articles, stories };
}

/** A stored digest read back: the digest when it is one of this version, else null (digest the report again). */
export function parseDigest(json: string): OutletDigest | null {
  try {
    const value = JSON.parse(json) as Partial<OutletDigest> | null;
    return value && value.version === DIGEST_VERSION && Array.isArray(value.articles) && Array.isArray(value.stories) ? (value as OutletDigest) : null;
  } catch {
    return null;
  }
}
