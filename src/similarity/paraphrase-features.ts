/**
 * Features of a sentence pair for paraphrase scoring (pure; no I/O). Every feature is symmetric in the
 * two sentences (swapping `a` and `b` gives the same vector), so the score is too.
 *
 * Lexical features only need the two strings; the encoder feature (`use_cosine`) needs their sentence
 * vectors and is left out of the lexical-only feature list used when the encoder is off.
 */
import { charShingles } from './minhash.js';
import { NEGATORS, tokenize, type Token } from './tokens.js';
import { cosine } from './vector.js';

/** Names of the lexical features, in the order `lexicalFeatures` returns them. */
export const LEXICAL_FEATURES = [
  'surface1_f', 'surface1_min', 'surface1_max',
  'surface2_f', 'surface2_min', 'surface2_max',
  'surface3_f', 'surface3_min',
  'surface4_f',
  'content1_f', 'content1_min', 'content1_max',
  'content2_f', 'content2_min',
  'char3_dice', 'char4_dice', 'char5_dice',
  'lcs_min', 'lcs_max',
  'extra_content_max', 'extra_content_min',
  'numbers_unmatched', 'numbers_mismatch', 'numbers_all_match',
  'caps_unmatched', 'caps_dice',
  'len_log_ratio', 'len_min_over_max', 'len_mean_log',
  'negation_mismatch',
  'same_first_content', 'edit_ops',
] as const;

export const ENCODER_FEATURES = ['use_cosine', 'use_cosine_sq'] as const;

export type FeatureName = (typeof LEXICAL_FEATURES)[number] | (typeof ENCODER_FEATURES)[number];

/** Multiset of the n-grams of `items`. */
function ngramCounts(items: readonly string[], n: number): Map<string, number> {
  const out = new Map<string, number>();
  for (let i = 0; i + n <= items.length; i++) {
    const key = items.slice(i, i + n).join('\u0001');
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

function total(m: ReadonlyMap<string, number>): number {
  let s = 0;
  for (const v of m.values()) s += v;
  return s;
}

/** Clipped multiset overlap (BLEU-style): Σ min(count_a, count_b). */
function clippedOverlap(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  let s = 0;
  for (const [k, v] of a) s += Math.min(v, b.get(k) ?? 0);
  return s;
}

/** Symmetric precision/recall summary of n-gram overlap: F, min(P, R), max(P, R). Empty sides → 0. */
export function ngramOverlap(a: readonly string[], b: readonly string[], n: number): { f: number; min: number; max: number } {
  const ca = ngramCounts(a, n);
  const cb = ngramCounts(b, n);
  const ta = total(ca);
  const tb = total(cb);
  if (ta === 0 || tb === 0) {
    // Both too short for this n: identical token lists count as a full match.
    const same = a.length === b.length && a.every((x, i) => x === b[i]) ? 1 : 0;
    return { f: same, min: same, max: same };
  }
  const o = clippedOverlap(ca, cb);
  const p = o / ta;
  const r = o / tb;
  return { f: p + r === 0 ? 0 : (2 * p * r) / (p + r), min: Math.min(p, r), max: Math.max(p, r) };
}

function diceOfSets(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size + b.size === 0) return 1;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return (2 * shared) / (a.size + b.size);
}

/** Length of the longest common subsequence of two token lists. */
export function lcsLength(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  let prev = new Array<number>(b.length + 1).fill(0);
  let cur = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      cur[j] = a[i - 1] === b[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, cur[j - 1]!);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}

/** Capitalised words that are not the first word of the sentence (names, places, organisations). */
function capitalised(text: string, tokens: readonly Token[]): Set<string> {
  const out = new Set<string>();
  tokens.forEach((t, i) => {
    if (i === 0 || t.stop || t.numeric) return;
    const first = text.charAt(t.start);
    if (first !== first.toLowerCase()) out.add(t.stem);
  });
  return out;
}

function numbersOf(tokens: readonly Token[]): Set<string> {
  const out = new Set<string>();
  for (const t of tokens) if (t.numeric) out.add(t.stem);
  return out;
}

function countNegators(tokens: readonly Token[], text: string): number {
  let n = 0;
  for (const t of tokens) if (NEGATORS.has(t.norm)) n++;
  // "n't" is folded away by normaliseToken ("didn't" → "did"): count it from the text.
  n += (text.match(/n['’]t\b/gi) ?? []).length;
  return n;
}

function unmatchedCount(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let n = 0;
  for (const x of a) if (!b.has(x)) n++;
  return n;
}

/** The lexical feature vector of a pair (order: LEXICAL_FEATURES). */
export function lexicalFeatures(a: string, b: string): number[] {
  const ta = tokenize(a);
  const tb = tokenize(b);
  const sa = ta.map((t) => t.norm);
  const sb = tb.map((t) => t.norm);
  const ca = ta.filter((t) => !t.stop).map((t) => t.stem);
  const cb = tb.filter((t) => !t.stop).map((t) => t.stem);

  const s1 = ngramOverlap(sa, sb, 1);
  const s2 = ngramOverlap(sa, sb, 2);
  const s3 = ngramOverlap(sa, sb, 3);
  const s4 = ngramOverlap(sa, sb, 4);
  const c1 = ngramOverlap(ca, cb, 1);
  const c2 = ngramOverlap(ca, cb, 2);

  const charDice = (n: number): number => diceOfSets(new Set(charShingles(a, n)), new Set(charShingles(b, n)));

  const lcs = lcsLength(sa, sb);
  const minLen = Math.min(sa.length, sb.length);
  const maxLen = Math.max(sa.length, sb.length);

  const setA = new Set(ca);
  const setB = new Set(cb);
  const extraA = unmatchedCount(setA, setB);
  const extraB = unmatchedCount(setB, setA);

  const na = numbersOf(ta);
  const nb = numbersOf(tb);
  const numUnmatched = unmatchedCount(na, nb) + unmatchedCount(nb, na);

  const capA = capitalised(a, ta);
  const capB = capitalised(b, tb);

  const negA = countNegators(ta, a) % 2;
  const negB = countNegators(tb, b) % 2;

  const firstA = ca[0];
  const firstB = cb[0];

  return [
    s1.f, s1.min, s1.max,
    s2.f, s2.min, s2.max,
    s3.f, s3.min,
    s4.f,
    c1.f, c1.min, c1.max,
    c2.f, c2.min,
    charDice(3), charDice(4), charDice(5),
    minLen === 0 ? 0 : lcs / minLen,
    maxLen === 0 ? 0 : lcs / maxLen,
    Math.log1p(Math.max(extraA, extraB)),
    Math.log1p(Math.min(extraA, extraB)),
    Math.log1p(numUnmatched),
    numUnmatched > 0 ? 1 : 0,
    na.size > 0 && numUnmatched === 0 ? 1 : 0,
    Math.log1p(unmatchedCount(capA, capB) + unmatchedCount(capB, capA)),
    diceOfSets(capA, capB),
    Math.abs(Math.log((sa.length + 1) / (sb.length + 1))),
    maxLen === 0 ? 1 : minLen / maxLen,
    Math.log1p((sa.length + sb.length) / 2),
    negA !== negB ? 1 : 0,
    firstA !== undefined && firstA === firstB ? 1 : 0,
    Math.log1p(sa.length + sb.length - 2 * lcs),
  ];
}

/** The encoder features of a pair (order: ENCODER_FEATURES); cosine 0 when a vector is missing. */
export function encoderFeatures(va: Float32Array | undefined, vb: Float32Array | undefined): number[] {
  const c = va && vb ? cosine(va, vb) : 0;
  return [c, c * c];
}
