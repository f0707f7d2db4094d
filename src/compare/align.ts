/**
 * Sentence alignment for every article pair of a story.
 *
 * For a pair, every sentence of a is scored against every sentence of b (the one O(m²) matrix per
 * pair). Links: mutual best matches scoring ≥ PARTIAL_SCORE, plus one-sided best matches that score
 * ≥ PARTIAL_SCORE with enough shared words and at least NONMUTUAL_RATIO of the better link their
 * partner has, or whose content one side contains (CONTAIN_LINK) — so a rewrite that merged two
 * sentences into one (or split one) links both to their counterpart (many-to-one). Labels: `same`
 * when the surface tokens nearly coincide, `paraphrase` when the combined score is high, else `partial`.
 * Each link is checked for typed slot conflicts (numbers, dates, negation, actors, meaning, a word swapped for its
 * opposite, a hedge dropped, a count of another magnitude, a pair of numbers turned round, a name or nationality put
 * in place of another, media attribution); see thresholds.ts for every constant.
 */
import type { AlignmentLink, SentenceRef, SentenceVectors } from '../types.js';
import { scoreParaphrase } from '../similarity/paraphrase.js';
import { BoundedCache } from '../text/bounded-cache.js';
import { slotConflicts, type SlotConflict } from '../similarity/slots.js';
import { sharedCount, weightedContainment, weightedDice } from '../similarity/weights.js';
import { dot } from '../similarity/vector.js';
import { surfaceDice, type SentenceInfo, type StoryContext } from './context.js';
import { roleConflicts } from './roles.js';
import { antonymFlip } from './antonym-flips.js';
import { nameSwap, nationalitySwap } from './name-swaps.js';
import { reversedPair } from './reversed-pairs.js';
import { hedgeDropped } from './hedges.js';
import { magnitudeChanged } from './magnitudes.js';
import { alignAcross } from './align-across.js';
import {
  CONTAIN_LINK,
  CONTAIN_MIN_SHARED,
  LEXICAL_ONLY_PARAPHRASE,
  LEXICAL_ONLY_PARTIAL,
  LEXICAL_EQUIVALENT,
  LEXICAL_WEIGHT,
  NONMUTUAL_RATIO,
  PARAPHRASE_MIN_LEXICAL,
  PARAPHRASE_SCORE,
  PARTIAL_SCORE,
  SAME_SURFACE,
  SEM_CEIL,
  SEM_FLOOR,
  SEM_MARGIN,
  SEM_MIN_PAIRS,
  SLOT_BONUS,
  SLOT_BONUS_MAX,
} from './thresholds.js';
import type { LinkConflict, LinkDetail, PairAlignment } from './types.js';

export interface PairScore {
  lexical: number;
  semantic: number | null;
  score: number;
}

/** Rescales a USE-lite cosine to 0..1 between `floor` and SEM_CEIL (see thresholds.ts). */
export function semanticScale(cos: number, floor = SEM_FLOOR): number {
  return Math.max(0, Math.min(1, (cos - floor) / (SEM_CEIL - floor)));
}

/**
 * The semantic floor for one article pair: the median cosine over all its sentence pairs plus
 * SEM_MARGIN (never below SEM_FLOOR). Two articles on one topic have a high background similarity
 * under USE-lite (median ≈ 0.5 for two rewrites of one report); only cosines well above that
 * background are evidence that two sentences say the same thing.
 */
export function semanticFloor(cosines: Float64Array): number {
  if (cosines.length < SEM_MIN_PAIRS) return SEM_FLOOR;
  const sorted = Float64Array.from(cosines).sort();
  const median = sorted[Math.floor((sorted.length - 1) / 2)]!;
  return Math.max(SEM_FLOOR, Math.min(SEM_CEIL - 0.1, median + SEM_MARGIN));
}

/** Lexical and semantic evidence combined (see thresholds.ts). */
function combine(lexical: number, cosine: number, floor: number): number {
  const combined = LEXICAL_WEIGHT * lexical + (1 - LEXICAL_WEIGHT) * semanticScale(cosine, floor);
  // Where the encoder does not see a paraphrase the words do, it must not halve the evidence.
  return Math.min(1, Math.max(combined, lexical * LEXICAL_EQUIVALENT));
}

/** The combined similarity of two sentences (without slot bonus). */
export function baseScore(x: SentenceInfo, y: SentenceInfo, floor = SEM_FLOOR): PairScore {
  const lexical = weightedDice(x.content, y.content);
  if (x.vec && y.vec) {
    const semantic = dot(x.vec, y.vec);
    return { lexical, semantic, score: combine(lexical, semantic, floor) };
  }
  return { lexical, semantic: null, score: lexical };
}

/** Bonus for agreeing number/date values (numbers and dates a pair of sentences share). */
function slotBonus(x: SentenceInfo, y: SentenceInfo): number {
  let n = 0;
  for (const v of x.slotValues) if (y.slotValues.includes(v)) n++;
  return Math.min(SLOT_BONUS_MAX, n * SLOT_BONUS);
}

/** A link's reference to one of its sentences. */
export function sentenceRef(s: SentenceInfo): SentenceRef {
  return { article: s.articleId, sentence: s.sentence.index, start: s.sentence.start, end: s.sentence.end, text: s.sentence.text };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

let scoreScratch = new Float64Array(0);
let lexScratch = new Float64Array(0);

/** Scratch row for lexicalMatrix: the weight of each term of the current `a` sentence by term id, else 0. */
let termWeight = new Float64Array(0);

/**
 * lex[i·m + j] = weightedDice(sa[i].content, sb[j].content), one row at a time: the terms of sa[i] are spread
 * into `termWeight` by id, and each sb[j] sums the entries of its own ids. The ids are visited in ascending order
 * as in sharedWeight, so the shared terms are added in the same order with the same weights (a term's weight
 * is its IDF in both sets); the other ids add 0, which leaves a sum unchanged: every value is bit for bit
 * weightedDice's.
 */
function lexicalMatrix(ctx: StoryContext, bi: number, sa: readonly SentenceInfo[], sb: readonly SentenceInfo[], lex: Float64Array): void {
  const m = sb.length;
  if (termWeight.length < ctx.weights.termCount) termWeight = new Float64Array(Math.max(ctx.weights.termCount, termWeight.length * 2));
  const tw = termWeight;
  const cache = rowCache(ctx);
  for (let i = 0; i < sa.length; i++) {
    const x = sa[i]!.content;
    // A row depends on the a sentence's content and on b alone: an article aligned with several others (and the
    // copies of one sentence) meets the same rows again.
    const rowKey = sa[i]!.contentId * ctx.articles.length + bi;
    const known = cache.rows.get(rowKey);
    if (known) {
      lex.set(known, i * m);
      continue;
    }
    const xIds = x.ids;
    const xW = x.w;
    for (let t = 0; t < xIds.length; t++) tw[xIds[t]!] = xW[t]!;
    for (let j = 0; j < m; j++) {
      const y = sb[j]!.content;
      const d = x.total + y.total;
      if (d === 0) {
        lex[i * m + j] = 0;
        continue;
      }
      const yIds = y.ids;
      let shared = 0;
      for (let t = 0; t < yIds.length; t++) shared += tw[yIds[t]!]!;
      lex[i * m + j] = (2 * shared) / d;
    }
    for (let t = 0; t < xIds.length; t++) tw[xIds[t]!] = 0;
    if (cache.size + m > ROW_CACHE_MAX) {
      cache.rows.clear();
      cache.size = 0;
    }
    cache.rows.set(rowKey, lex.slice(i * m, i * m + m));
    cache.size += m;
  }
}

/** Bound of the row cache of a story, in matrix entries (8 bytes each): it is cleared when full. */
const ROW_CACHE_MAX = 1 << 20;
const rowCaches = new WeakMap<StoryContext, { rows: Map<number, Float64Array>; size: number }>();

/** The lexical rows of a story computed so far, by contentId · (number of articles) + b. */
function rowCache(ctx: StoryContext): { rows: Map<number, Float64Array>; size: number } {
  let cache = rowCaches.get(ctx);
  if (!cache) rowCaches.set(ctx, (cache = { rows: new Map(), size: 0 }));
  return cache;
}

/** Aligns articles a and b (indices into ctx.articles, a < b). */
export function alignPair(ctx: StoryContext, ai: number, bi: number): PairAlignment {
  const A = ctx.articles[ai]!;
  const B = ctx.articles[bi]!;
  if (A.language !== B.language) return alignAcross(ctx, ai, bi);
  const sa = A.sentences;
  const sb = B.sentences;
  const n = sa.length;
  const m = sb.length;
  // Scratch matrices, reused by every pair (alignPair reads them only before it returns).
  if (scoreScratch.length < n * m) {
    scoreScratch = new Float64Array(Math.max(n * m, scoreScratch.length * 2));
    lexScratch = new Float64Array(scoreScratch.length);
  }
  const score = scoreScratch;
  const lex = lexScratch;
  lexicalMatrix(ctx, bi, sa, sb, lex);
  // Sentence vectors only where both sides have one (none at all without the encoder).
  const vectors = sa.some((x) => x.vec !== null) && sb.some((y) => y.vec !== null);
  const cos = vectors ? new Float64Array(n * m) : null;
  const hasVec = vectors ? new Uint8Array(n * m) : null;
  const cosines: number[] = [];
  if (cos && hasVec) {
    for (let i = 0; i < n; i++) {
      const x = sa[i]!;
      for (let j = 0; j < m; j++) {
        const y = sb[j]!;
        const k = i * m + j;
        if (x.vec && y.vec) {
          const c = dot(x.vec, y.vec);
          cos[k] = c;
          hasVec[k] = 1;
          cosines.push(c);
        }
      }
    }
  }
  const floor = semanticFloor(Float64Array.from(cosines));
  // Without vectors the score is lexical alone, which runs lower for the same pairs.
  const withVectors = cosines.length > 0;
  const PARA = withVectors ? PARAPHRASE_SCORE : LEXICAL_ONLY_PARAPHRASE;
  const PART = withVectors ? PARTIAL_SCORE : LEXICAL_ONLY_PARTIAL;
  // Scores, with the best partner of each a sentence (first best j) and of each b sentence (first best i) taken in
  // the same pass: rows come in order of i, so a column's first best is kept as a scan down the column keeps it.
  const bestOfA = new Int32Array(n).fill(-1);
  const bestOfB = new Int32Array(m).fill(-1);
  for (let i = 0; i < n; i++) {
    const x = sa[i]!;
    let best = -1;
    for (let j = 0; j < m; j++) {
      const k = i * m + j;
      let s = hasVec && hasVec[k] ? combine(lex[k]!, cos![k]!, floor) : lex[k]!;
      if (s >= PART / 2 && x.slotValues.length > 0) s = Math.min(1, s + slotBonus(x, sb[j]!));
      score[k] = s;
      if (best < 0 || s > score[i * m + best]!) best = j;
      const b = bestOfB[j]!;
      if (b < 0 || s > score[b * m + j]!) bestOfB[j] = i;
    }
    bestOfA[i] = best;
  }
  const part = (k: number): PairScore => ({ lexical: lex[k]!, semantic: hasVec && hasVec[k] ? cos![k]! : null, score: score[k]! });
  const pairs = new Set<number>();
  const consider = (i: number, j: number): void => {
    if (i < 0 || j < 0) return;
    const k = i * m + j;
    const s = score[k]!;
    const mutual = bestOfA[i] === j && bestOfB[j] === i;
    if (mutual && s >= PART) pairs.add(k);
    else if (!mutual) {
      // A second partner must be nearly as good as the first (a merge/split), not a weaker echo.
      const rival = Math.max(bestOfA[i]! >= 0 ? score[i * m + bestOfA[i]!]! : 0, bestOfB[j]! >= 0 ? score[bestOfB[j]! * m + j]! : 0);
      if (s >= PART && lex[k]! >= PARAPHRASE_MIN_LEXICAL && s >= NONMUTUAL_RATIO * rival) pairs.add(k);
      else {
        const x = sa[i]!;
        const y = sb[j]!;
        const cont = Math.max(weightedContainment(x.content, y.content), weightedContainment(y.content, x.content));
        if (cont >= CONTAIN_LINK && sharedCount(x.content, y.content) >= CONTAIN_MIN_SHARED) pairs.add(k);
      }
    }
  };
  for (let i = 0; i < n; i++) consider(i, bestOfA[i]!);
  for (let j = 0; j < m; j++) consider(bestOfB[j]!, j);

  const details: LinkDetail[] = [];
  for (const k of [...pairs].sort((p, q) => p - q)) {
    const i = Math.floor(k / m);
    const j = k % m;
    const x = sa[i]!;
    const y = sb[j]!;
    const p = part(k);
    const label: AlignmentLink['label'] =
      surfaceDice(x, y) >= SAME_SURFACE
        ? 'same'
        : p.lexical >= PARAPHRASE_MIN_LEXICAL && (p.score >= PARA || judgedParaphrase(x, y))
          ? 'paraphrase'
          : 'partial';
    const conflicts = linkConflicts(x, y, label, p.lexical);
    const link: AlignmentLink = {
      a: sentenceRef(x),
      b: sentenceRef(y),
      label,
      score: round(p.score),
      lexical: round(p.lexical),
      semantic: p.semantic === null ? null : round(p.semantic),
      slotConflicts: conflicts.map((c) => `${c.type}:${c.key}`),
    };
    details.push({ link, a: x, b: y, conflicts });
  }
  return pairAlignment(ctx, ai, bi, details);
}

/** The alignment of articles ai and bi from its links (with their details): the sentences left unmatched on each side. */
export function pairAlignment(ctx: StoryContext, ai: number, bi: number, details: LinkDetail[]): PairAlignment {
  const A = ctx.articles[ai]!;
  const B = ctx.articles[bi]!;
  const linkedA = new Set(details.map((d) => d.a.sentence.index));
  const linkedB = new Set(details.map((d) => d.b.sentence.index));
  return {
    a: ai,
    b: bi,
    alignment: {
      a: A.id,
      b: B.id,
      links: details.map((d) => d.link),
      unmatchedA: A.sentences.map((s) => s.sentence.index).filter((i) => !linkedA.has(i)),
      unmatchedB: B.sentences.map((s) => s.sentence.index).filter((i) => !linkedB.has(i)),
    },
    details,
  };
}

/**
 * The trained paraphrase model (MRPC, src/similarity/paraphrase.ts) on a link the combined score leaves partial:
 * “conceded shortly after midnight” / “admitted defeat just after midnight” share few words but one claim. The model
 * only promotes: as the judge of every link it would drop true alignments whose sentences differ in extra detail
 * (MRPC counts those as non-paraphrases; docs/EVALUATION.md, sentence alignment). Verdicts are kept by sentence
 * pair, so copies of the two sentences are judged once.
 */
function judgedParaphrase(x: SentenceInfo, y: SentenceInfo): boolean {
  // The head depends on the vectors (a sentence's vector is a function of its text): it is part of the key.
  const head = x.vec && y.vec ? 'e' : 'l';
  const key = x.sentence.text < y.sentence.text ? `${head}${x.sentence.text}\u0000${y.sentence.text}` : `${head}${y.sentence.text}\u0000${x.sentence.text}`;
  let verdict = judged.get(key);
  if (verdict === undefined) {
    const vectors: SentenceVectors = { get: (t) => (t === x.sentence.text ? (x.vec ?? undefined) : t === y.sentence.text ? (y.vec ?? undefined) : undefined) };
    verdict = scoreParaphrase(x.sentence.text, y.sentence.text, head === 'e' ? vectors : null).paraphrase;
    judged.set(key, verdict);
  }
  return verdict;
}

const judged = new BoundedCache<boolean>(8192);

/**
 * Typed conflicts on one link. Partial links (sentences that share only part of their content) are
 * checked for counted-number and date disagreements, and for actor/meaning changes when they share
 * enough words; negation and media attribution need the sentences to say the same thing. `sameLanguage` false: a
 * cross-lingual link, whose two days are compared without the words that date them (similarity/slots.ts).
 */
export function linkConflicts(
  x: SentenceInfo,
  y: SentenceInfo,
  label: AlignmentLink['label'],
  lexical: number,
  sameLanguage: boolean = true,
): readonly LinkConflict[] {
  // The same words say the same thing: two copies of one sentence never conflict, whatever each article's analysis
  // read into them (a word negated beside a plain use of it, an agency credited from the text around). Most links of
  // a story of copies are such pairs, so this also spares their checks.
  if (x.sentence.text === y.sentence.text) return NO_CONFLICTS;
  // Most links find nothing: the list is made on the first conflict.
  let out: LinkConflict[] | null = null;
  for (const c of slotConflicts(x.slots, y.slots, x.tokens, y.tokens, sameLanguage)) {
    if (label === 'partial' && c.kind === 'negation') continue;
    if (label === 'partial' && c.kind === 'number' && c.key.includes(':')) continue; // unit-only keys
    (out ??= []).push(linkConflictOf(c));
  }
  // Role checks need a shared skeleton of words themselves, so actor checks also run on partial links that share
  // enough words; a clause inserted after a noun changes the meaning only of sentences that otherwise say the same
  // (on partial links it was another outlet's detail: "the fire that destroyed the original Matanuska Maid" / "the fire").
  if (label !== 'partial' || lexical >= PARAPHRASE_MIN_LEXICAL) for (const c of roleConflicts(x, y, label !== 'partial')) (out ??= []).push(c);
  if (label === 'partial') return out ?? NO_CONFLICTS;
  // One word swapped for its opposite ("rose" / "fell") in sentences that otherwise say the same.
  if (sameLanguage && !out?.some((c) => c.type === 'meaning' || c.type === 'negation')) {
    const flip = antonymFlip(x, y, lexical);
    if (flip) (out ??= []).push(flip);
  }
  // A hedge kept by one and dropped by the other ("allegedly set fire" / "set fire", "could reopen" / "will reopen").
  if (sameLanguage && !out?.some((c) => c.type === 'meaning' || c.type === 'negation')) {
    const hedge = hedgeDropped(x, y, lexical);
    if (hedge) (out ??= []).push(hedge);
  }
  // A count in words of another order of magnitude ("dozens of people" / "hundreds of people").
  if (sameLanguage && !out?.some((c) => c.type === 'number')) {
    const magnitude = magnitudeChanged(x, y, lexical);
    if (magnitude) (out ??= []).push(magnitude);
  }
  // Two numbers of a pair turned round ("a 7-2 vote" / "a 2-7 vote"): the number slots agree on both.
  if (sameLanguage && !out?.some((c) => c.type === 'number')) {
    const turned = reversedPair(x, y);
    if (turned) (out ??= []).push(turned);
  }
  // One name or nationality put in place of another ("in Kelso" / "in Dorrow", "Ukrainian forces" / "Russian forces"),
  // unless a role check found who did it changed.
  if (sameLanguage && !out?.some((c) => c.type === 'actor' || c.type === 'meaning')) {
    const swap = nameSwap(x, y, lexical) ?? nationalitySwap(x, y, lexical);
    if (swap) (out ??= []).push(swap);
  }
  const ka = x.slots.attributions;
  const kb = y.slots.attributions;
  if (ka.length > 0 && kb.length > 0 && !ka.some((p) => kb.some((q) => q.key === p.key))) {
    const p = ka[0]!;
    const q = kb[0]!;
    (out ??= []).push({
      type: 'attribution',
      key: `${p.key}|${q.key}`,
      summary: `Attributed to ${p.outlet} vs ${q.outlet}`,
      a: { start: p.start, end: p.end, text: p.text, value: p.outlet },
      b: { start: q.start, end: q.end, text: q.text, value: q.outlet },
    });
  }
  return out ?? NO_CONFLICTS;
}

const NO_CONFLICTS: readonly LinkConflict[] = Object.freeze([]);

/** A slot conflict as a link conflict, with its summary ("Number of resident: 1200 vs 2100"). */
export function linkConflictOf(c: SlotConflict): LinkConflict {
  const what = c.kind === 'number' ? `Number of ${c.key}` : c.kind === 'date' ? 'Date' : `Negation of “${c.key}”`;
  const summary = c.kind === 'negation' ? `${what}: “${c.a.value}” vs “${c.b.value}”` : `${what}: ${c.a.value} vs ${c.b.value}`;
  return { type: c.kind, key: c.key, summary, a: c.a, b: c.b };
}

/** Alignments of every article pair, in story order (0-1, 0-2, ..., 1-2, ...). */
export function alignStory(ctx: StoryContext): PairAlignment[] {
  const out: PairAlignment[] = [];
  for (let a = 0; a < ctx.articles.length; a++) for (let b = a + 1; b < ctx.articles.length; b++) out.push(alignPair(ctx, a, b));
  return out;
}
