/**
 * Read-only helpers the renderers share: article labels, sentence alignment labels, counts, phrases.
 * They compute views of a Report; they never change it.
 */
import type {
  Alignment,
  AlignmentLabel,
  Claim,
  ClaimKind,
  ClaimStatus,
  Conflict,
  ConflictSide,
  DerivationPair,
  Report,
  ReportArticle,
  RevisionGrade,
  RevisionLevel,
  Sentence,
  StoryReport,
} from '../types.js';
import { sentenceIndexAt } from '../text/spans.js';

export const KIND_ORDER: readonly ClaimKind[] = ['quote', 'number', 'date', 'entity', 'attribution', 'statement'];
export const STATUS_ORDER: readonly ClaimStatus[] = ['conflicting', 'single-source', 'corroborated'];
const LABEL_RANK: Record<AlignmentLabel, number> = { same: 3, paraphrase: 2, partial: 1, unmatched: 0 };

export type ArticleIndex = ReadonlyMap<string, ReportArticle>;

export function indexArticles(report: Report): ArticleIndex {
  const map = new Map<string, ReportArticle>();
  for (const a of report.articles) if (!map.has(a.id)) map.set(a.id, a);
  return map;
}

/** Outlet identity of an article: its source (case-folded), else its id. */
export function outletKey(articleId: string, index: ArticleIndex): string {
  const source = index.get(articleId)?.source?.trim();
  return source ? `s:${source.toLowerCase()}` : `i:${articleId}`;
}

/** Number of distinct outlets among the given article ids. */
export function countOutlets(articleIds: readonly string[], index: ArticleIndex): number {
  return new Set(articleIds.map((id) => outletKey(id, index))).size;
}

/**
 * A short, readable name per article of the story: the outlet name when it is unique in the story,
 * "Outlet (id)" when two articles share an outlet, the id when the source is unknown.
 */
export function articleLabels(story: StoryReport, index: ArticleIndex): Map<string, string> {
  const counts = new Map<string, number>();
  for (const id of story.articles) {
    const k = outletKey(id, index);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const labels = new Map<string, string>();
  for (const id of story.articles) {
    const source = index.get(id)?.source?.trim();
    if (!source) labels.set(id, id);
    else labels.set(id, (counts.get(outletKey(id, index)) ?? 0) > 1 ? `${source} (${id})` : source);
  }
  return labels;
}

/** The label for any article id: from `labels`, else the id itself. */
export function labelOf(labels: ReadonlyMap<string, string>, id: string): string {
  return labels.get(id) ?? id;
}

export interface Partner {
  article: string;
  sentence: number;
  label: Exclude<AlignmentLabel, 'unmatched'>;
  score: number;
  slotConflicts: string[];
}

/** For one article of a story: its sentences' best alignment label and their partners in other articles. */
export interface SentenceAlignmentView {
  labels: AlignmentLabel[];
  partners: Partner[][];
}

export function sentenceAlignment(story: StoryReport, articleId: string, sentenceCount: number): SentenceAlignmentView {
  const labels: AlignmentLabel[] = Array.from({ length: sentenceCount }, () => 'unmatched');
  const partners: Partner[][] = Array.from({ length: sentenceCount }, () => []);
  for (const al of story.alignments) {
    for (const link of al.links) {
      const pairs: [number, { article: string; sentence: number }][] = [];
      if (link.a.article === articleId) pairs.push([link.a.sentence, link.b]);
      if (link.b.article === articleId) pairs.push([link.b.sentence, link.a]);
      for (const [own, other] of pairs) {
        if (!Number.isInteger(own) || own < 0 || own >= sentenceCount) continue;
        if (LABEL_RANK[link.label] > LABEL_RANK[labels[own]!]) labels[own] = link.label;
        partners[own]!.push({
          article: other.article,
          sentence: other.sentence,
          label: link.label,
          score: link.score,
          slotConflicts: link.slotConflicts,
        });
      }
    }
  }
  return { labels, partners };
}

export interface AlignmentCounts {
  same: number;
  paraphrase: number;
  partial: number;
  unmatchedA: number;
  unmatchedB: number;
}

export function alignmentCounts(al: Alignment): AlignmentCounts {
  const c: AlignmentCounts = { same: 0, paraphrase: 0, partial: 0, unmatchedA: al.unmatchedA.length, unmatchedB: al.unmatchedB.length };
  for (const link of al.links) c[link.label]++;
  return c;
}

/** A quote that only one article quotes and no other supports: the possible-fabrication flag. */
export function isPossibleFabrication(claim: Claim): boolean {
  if (claim.kind !== 'quote' || claim.status !== 'single-source') return false;
  return (claim.supportedIn ?? []).length === 0 && (claim.translatedIn ?? []).length === 0;
}

/** Claims ordered by status (conflicting, single-source, corroborated), then kind, then input order. */
export function orderedClaims(claims: readonly Claim[]): Claim[] {
  return claims
    .map((c, i) => ({ c, i }))
    .sort(
      (x, y) =>
        rank(STATUS_ORDER, x.c.status) - rank(STATUS_ORDER, y.c.status) ||
        rank(KIND_ORDER, x.c.kind) - rank(KIND_ORDER, y.c.kind) ||
        x.i - y.i,
    )
    .map((x) => x.c);
}

function rank<T>(order: readonly T[], v: T): number {
  const i = order.indexOf(v);
  return i < 0 ? order.length : i;
}

/** One sentence describing a derivation pair, with the article labels filled in. */
export function derivationPhrase(pair: DerivationPair, labelA: string, labelB: string): string {
  const likely = pair.confidence >= 0.5 ? 'likely' : 'possibly';
  switch (pair.direction) {
    case 'a-from-b':
      return `${labelA} ${likely} derived from ${labelB}`;
    case 'b-from-a':
      return `${labelB} ${likely} derived from ${labelA}`;
    case 'common-source':
      return `${labelA} and ${labelB} ${likely} share a common source`;
    case 'independent':
      return `${labelA} and ${labelB} appear independent`;
    default:
      return `${labelA} / ${labelB}: direction undetermined`;
  }
}

const REVISION_WORDS: Record<RevisionLevel, string> = {
  cut: 'near copy',
  light: 'light revision',
  heavy: 'heavy revision',
  non: 'own wording',
};

/** Each article graded as a rewrite of the other: "B from A 23% (heavy revision), A from B 19% (heavy revision)". */
export function revisionPhrase(pair: DerivationPair, labelA: string, labelB: string): string {
  const one = (who: string, from: string, g: RevisionGrade): string => `${who} from ${from} ${Math.round(g.score * 100)}% (${REVISION_WORDS[g.level]})`;
  return `words in shared runs: ${one(labelA, labelB, pair.revision.aFromB)}, ${one(labelB, labelA, pair.revision.bFromA)}`;
}

/** A 0..1 share as a whole percent ("42%"); "?" when it is not a number. */
export function pct(n: number): string {
  return Number.isFinite(n) ? `${Math.round(n * 100)}%` : '?';
}

/** "1 story", "3 stories". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** A lag in minutes as "39 min" (under an hour and a half) or "4.2 h"; "—" when unknown. */
export function lagText(minutes: number | null): string {
  if (minutes === null) return '—';
  if (minutes < 90) return `${Math.round(minutes)} min`;
  return `${(minutes / 60).toFixed(1)} h`;
}

/** Formats a 0..1 number with two decimals. */
export function fixed2(n: number): string {
  return Number.isFinite(n) ? n.toFixed(2) : String(n);
}

/** Formats a signed weight: +0.40 / −0.25. */
export function signed(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  return n >= 0 ? `+${n.toFixed(2)}` : `−${Math.abs(n).toFixed(2)}`;
}

/** A span of evidence with a little of the surrounding sentence, for display. */
export interface EvidenceContext {
  /** Offsets actually used (clamped into the text). */
  start: number;
  end: number;
  before: string;
  match: string;
  after: string;
  /** True when text was left out before `before` / after `after` (or inside `match`). */
  clippedLeft: boolean;
  clippedRight: boolean;
}

/**
 * The evidence `text.slice(start, end)` with context from its sentence(s), about `max` characters in all.
 * Offsets are clamped into the text; the context is cut at word boundaries where possible.
 */
export function evidenceContext(
  text: string,
  sentences: readonly Sentence[],
  start: number,
  end: number,
  max = 100,
): EvidenceContext {
  const s = clampOffset(start, text.length);
  const e = Math.max(s, clampOffset(end, text.length));
  if (e - s >= max) {
    return { start: s, end: e, before: '', match: text.slice(s, s + max - 1), after: '', clippedLeft: false, clippedRight: true };
  }
  let ctxStart = s;
  let ctxEnd = e;
  if (sentences.length > 0) {
    const first = sentences[sentenceIndexAt(sentences, s)];
    const last = sentences[sentenceIndexAt(sentences, Math.max(s, e - 1))];
    if (first && first.start <= s) ctxStart = Math.max(0, first.start);
    if (last && last.end >= e) ctxEnd = Math.min(text.length, last.end);
  }
  const budget = max - (e - s);
  let beforeStart = Math.max(ctxStart, s - Math.ceil(budget / 2));
  let afterEnd = Math.min(ctxEnd, e + Math.floor(budget / 2));
  // Give unused budget on one side to the other.
  const spare = budget - (s - beforeStart) - (afterEnd - e);
  if (spare > 0) {
    if (beforeStart > ctxStart) beforeStart = Math.max(ctxStart, beforeStart - spare);
    else if (afterEnd < ctxEnd) afterEnd = Math.min(ctxEnd, afterEnd + spare);
  }
  // Snap to word boundaries when cutting inside the context.
  if (beforeStart > ctxStart) {
    const sp = text.slice(beforeStart, s).search(/\s/);
    if (sp >= 0) beforeStart += sp + 1;
  }
  if (afterEnd < ctxEnd) {
    const tail = text.slice(e, afterEnd);
    const sp = tail.search(/\s\S*$/);
    if (sp >= 0) afterEnd = e + sp;
  }
  return {
    start: s,
    end: e,
    before: text.slice(beforeStart, s),
    match: text.slice(s, e),
    after: text.slice(e, afterEnd),
    clippedLeft: beforeStart > ctxStart,
    clippedRight: afterEnd < ctxEnd,
  };
}

function clampOffset(n: number, len: number): number {
  if (!Number.isFinite(n)) return 0;
  return Math.min(len, Math.max(0, Math.trunc(n)));
}

/** Index of the sentence of `article` that contains `offset`, or -1. */
export function sentenceAt(article: ReportArticle, offset: number): number {
  if (article.sentences.length === 0) return -1;
  return article.sentences[sentenceIndexAt(article.sentences, offset)]?.index ?? -1;
}

/** Wraps quote text in curly quotes unless it already starts with a quotation mark. */
export function quoted(text: string): string {
  return /^["“«„‘'‹]/.test(text) ? text : `“${text}”`;
}

/** Milliseconds of an ISO date/date-time, or null when absent or unparsable. */
function publishedTime(a: ReportArticle | undefined): number | null {
  if (!a?.published) return null;
  const t = Date.parse(a.published);
  return Number.isFinite(t) ? t : null;
}

/** The story's article ids by publication time, earliest first; unknown dates last; ties keep story order. */
export function chronological(story: StoryReport, index: ArticleIndex): string[] {
  return story.articles
    .map((id, i) => ({ id, i, t: publishedTime(index.get(id)) }))
    .sort((x, y) => {
      if (x.t === null || y.t === null) return (x.t === null ? 1 : 0) - (y.t === null ? 1 : 0) || x.i - y.i;
      return x.t - y.t || x.i - y.i;
    })
    .map((x) => x.id);
}

/** The sides of a conflict grouped by the value they assert (first-appearance order), for 2+ sided conflicts. */
export interface SideGroup {
  value: string;
  sides: ConflictSide[];
}

export function groupSides(conflict: Conflict): SideGroup[] {
  const norm = (v: string): string => ` ${v.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()}`;
  const groups: { key: string; group: SideGroup }[] = [];
  for (const side of conflict.sides) {
    const key = norm(side.value);
    // Actors: "council blamed X" and "town council blamed X" assert the same relation (one is a word-suffix of the other).
    const same = (k: string): boolean => k === key || (conflict.type === 'actor' && (k.endsWith(key) || key.endsWith(k)));
    const g = groups.find((x) => same(x.key));
    if (g) g.group.sides.push(side);
    else groups.push({ key, group: { value: side.value, sides: [side] } });
  }
  return groups.map((g) => g.group);
}

/** Weights of the findings a statement carries, for ranking single-source statements. */
const FINDING_WEIGHT: Partial<Record<ClaimKind, number>> = { quote: 4, number: 3, date: 2, entity: 1, attribution: 1 };

/**
 * Single-source statement claims of one article, most informative first: by the weighted findings
 * (quotes, numbers, dates, named entities) whose mentions lie inside the statement, then by position.
 */
export function rankedStatements(statements: readonly Claim[], all: readonly Claim[], articleId: string): Claim[] {
  const findings = all.flatMap((c) => {
    const w = FINDING_WEIGHT[c.kind];
    return w === undefined ? [] : c.mentions.filter((m) => m.article === articleId).map((m) => ({ m, w }));
  });
  const pos = (c: Claim): number => c.mentions.find((m) => m.article === articleId)?.start ?? Number.MAX_SAFE_INTEGER;
  const score = (c: Claim): number => {
    const own = c.mentions.filter((m) => m.article === articleId);
    return findings.reduce((s, f) => s + (own.some((o) => f.m.start >= o.start && f.m.end <= o.end) ? f.w : 0), 0);
  };
  return statements
    .map((c) => ({ c, s: score(c), p: pos(c) }))
    .sort((x, y) => y.s - x.s || x.p - y.p)
    .map((x) => x.c);
}

export interface StorySummary {
  outlets: number;
  conflicts: number;
  fabricated: number;
  corroborated: number;
  singleSource: number;
  /** Derivation pairs with a direction (not undetermined/independent), most confident first. */
  directed: DerivationPair[];
}

export function storySummary(story: StoryReport, index: ArticleIndex): StorySummary {
  return {
    outlets: countOutlets(story.articles, index),
    conflicts: story.conflicts.length,
    fabricated: story.claims.filter(isPossibleFabrication).length,
    corroborated: story.claims.filter((c) => c.status === 'corroborated').length,
    singleSource: story.claims.filter((c) => c.status === 'single-source').length,
    directed: story.derivation
      .map((d, i) => ({ d, i }))
      .filter((x) => x.d.direction !== 'undetermined' && x.d.direction !== 'independent')
      .sort((x, y) => y.d.confidence - x.d.confidence || x.i - y.i)
      .map((x) => x.d),
  };
}

/** "3 outlets · 5 conflicts · 1 possible fabricated quote · 21 corroborated · 13 single-source claims" */
export function summaryCounts(s: StorySummary): string {
  const n = (k: number, one: string, many = `${one}s`): string => `${k} ${k === 1 ? one : many}`;
  return [
    n(s.outlets, 'outlet'),
    n(s.conflicts, 'conflict'),
    n(s.fabricated, 'possible fabricated quote', 'possible fabricated quotes'),
    `${s.corroborated} corroborated`,
    n(s.singleSource, 'single-source claim'),
  ].join(' · ');
}
