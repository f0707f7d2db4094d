/**
 * Sentence alignment between two articles in different languages (a Russian wire and its English rewrite).
 * Every sentence of a is scored against every sentence of b on their cross-lingual terms (the story's
 * `crossSet`: anchor keys of names, digits, English stems of lexicon translations) by a Dice over words
 * (src/similarity/crosslingual-score.ts). Links:
 * mutual best matches scoring ≥ ACROSS_PARTIAL that share ≥ ACROSS_MIN_SHARED words, plus one-sided best
 * matches at least ACROSS_NONMUTUAL_RATIO of their partner's best (a translation that merged or split
 * sentences). Labels: `paraphrase` (the same claim in another language) at ≥ ACROSS_PARAPHRASE, else
 * `partial`; never `same`. Conflicts: only the language-neutral slots, numbers and dates (names, negation
 * words and attributions are compared within one language only). Every link is marked `crossLingual`.
 */
import type { AlignmentLink } from '../types.js';
import { crossScore, crossUnits } from '../similarity/crosslingual.js';
import type { AnalysisLanguage } from '../lang/language.js';
import type { SentenceInfo, StoryContext } from './context.js';
import { linkConflictOf, linkConflicts, pairAlignment, sentenceRef } from './align.js';
import { ACROSS_MIN_SHARED, ACROSS_NONMUTUAL_RATIO, ACROSS_PARAPHRASE, ACROSS_PARTIAL } from './thresholds.js';
import type { LinkConflict, LinkDetail, PairAlignment } from './types.js';
import { numberRange, rangesMeet } from '../similarity/number-range.js';
import { numberValue, slotSide } from '../similarity/slots.js';

const round = (x: number): number => Math.round(x * 1000) / 1000;

/** Aligns articles a and b (indices into ctx.articles, a < b) whose languages differ. */
export function alignAcross(ctx: StoryContext, ai: number, bi: number): PairAlignment {
  const A = ctx.articles[ai]!;
  const B = ctx.articles[bi]!;
  const sa = A.sentences;
  const sb = B.sentences;
  const n = sa.length;
  const m = sb.length;
  const setsA = sa.map((x) => ctx.crossSet(x.sentence.text, A.language));
  const setsB = sb.map((y) => ctx.crossSet(y.sentence.text, B.language));
  const score = new Float64Array(n * m);
  const bestOfA = new Int32Array(n).fill(-1);
  const bestOfB = new Int32Array(m).fill(-1);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      const k = i * m + j;
      const c = crossScore(setsA[i]!, setsB[j]!);
      const s = c.shared >= ACROSS_MIN_SHARED ? c.score : 0;
      score[k] = s;
      if (bestOfA[i]! < 0 || s > score[i * m + bestOfA[i]!]!) bestOfA[i] = j;
      if (bestOfB[j]! < 0 || s > score[bestOfB[j]! * m + j]!) bestOfB[j] = i;
    }
  }
  const pairs = new Set<number>();
  const consider = (i: number, j: number): void => {
    if (i < 0 || j < 0) return;
    const k = i * m + j;
    const s = score[k]!;
    if (s < ACROSS_PARTIAL) return;
    const mutual = bestOfA[i] === j && bestOfB[j] === i;
    const rival = Math.max(score[i * m + bestOfA[i]!]!, score[bestOfB[j]! * m + j]!);
    if (mutual || s >= ACROSS_NONMUTUAL_RATIO * rival) pairs.add(k);
  };
  for (let i = 0; i < n; i++) consider(i, bestOfA[i]!);
  for (let j = 0; j < m; j++) consider(bestOfB[j]!, j);
  const details: LinkDetail[] = [];
  for (const k of [...pairs].sort((p, q) => p - q)) {
    const x = sa[Math.floor(k / m)]!;
    const y = sb[k % m]!;
    const s = score[k]!;
    const label: AlignmentLink['label'] = s >= ACROSS_PARAPHRASE ? 'paraphrase' : 'partial';
    const conflicts = languageNeutral(x, y, label, A.language, B.language);
    details.push({
      link: {
        a: sentenceRef(x),
        b: sentenceRef(y),
        label,
        score: round(s),
        lexical: round(s),
        semantic: null,
        slotConflicts: conflicts.map((c) => `${c.type}:${c.key}`),
        crossLingual: true,
      },
      a: x,
      b: y,
      conflicts,
    });
  }
  return pairAlignment(ctx, ai, bi, details);
}

/** Two counted phrases of two languages with a cross-lingual term in common. */
function sameCounted(a: string, la: AnalysisLanguage, b: string, lb: AnalysisLanguage): boolean {
  const terms = new Set(crossUnits(a, la).flat());
  return crossUnits(b, lb).some((unit) => unit.some((t) => terms.has(t)));
}

/**
 * The number and date conflicts of a cross-lingual link (a partial link checks counted numbers and dates only). The
 * counted things are words of two languages ("12 мирных жителей" / "21 civilians"), so they never share a key: a
 * `paraphrase` link whose sentences each count one thing compares those two counts.
 */
function languageNeutral(x: SentenceInfo, y: SentenceInfo, label: AlignmentLink['label'], la: AnalysisLanguage, lb: AnalysisLanguage): readonly LinkConflict[] {
  const found = linkConflicts(x, y, 'partial', 0, false).filter((c) => c.type === 'number' || c.type === 'date');
  if (label === 'partial' || found.some((c) => c.type === 'number')) return found;
  const count = singleCountConflict(x, y, la, lb);
  return count ? [...found, count] : found;
}

/**
 * The one count of each sentence, when they count the same thing (the counted words share a cross-lingual term:
 * "мирных жителей" stands for civilians) and differ (no reading of either as a range meets the other).
 */
function singleCountConflict(x: SentenceInfo, y: SentenceInfo, la: AnalysisLanguage, lb: AnalysisLanguage): LinkConflict | null {
  const cx = x.slots.numbers.filter((n) => n.kind === 'count');
  const cy = y.slots.numbers.filter((n) => n.kind === 'count');
  if (cx.length !== 1 || cy.length !== 1) return null;
  const a = cx[0]!;
  const b = cy[0]!;
  if (a.value === b.value || !a.counted || !b.counted || !sameCounted(a.counted, la, b.counted, lb)) return null;
  if (rangesMeet(numberRange(x.slots.articleText, a), numberRange(y.slots.articleText, b))) return null;
  return linkConflictOf({ kind: 'number', key: a.countedKey ?? b.countedKey ?? 'count', a: slotSide(a, numberValue(a)), b: slotSide(b, numberValue(b)) });
}
