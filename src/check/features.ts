/**
 * Evidence that one claim sentence is (not) supported by an article: alignment to the best article
 * sentences (weighted lexical containment + encoder cosine), coverage of the claim's content words by
 * those sentences, novel numbers / names, n-gram coverage, negation mismatch, antonym swaps, number
 * conflicts, extractive fragments (how many separate article runs the claim is stitched from, and from how
 * many sentences) and unsupported word pairs (nearby claim words the article has, but never in one sentence).
 * Also the claim spans that carry the evidence.
 */
import { tokenize, type Token } from '../similarity/tokens.js';
import { intersects, weightedContainment } from '../similarity/weights.js';
import { cosine } from '../similarity/vector.js';
import type { SentenceVectors, Span } from '../types.js';
import { antonymsOf } from '../similarity/antonyms.js';
import { hasNegation, ngramKeys, type ArticleSentence, type PreparedArticle } from './article.js';

/** Feature names, in vector order. */
export const FEATURE_NAMES = [
  'coverTop',
  'coverBest',
  'novelNumbers',
  'novelNames',
  'ngramCover',
  'maxCosine',
  'negationMismatch',
  'antonym',
  'numberConflict',
  'misplaced',
  'fragmentRate',
  'fragmentSentences',
  'unsupportedPairs',
] as const;

export type FeatureName = (typeof FEATURE_NAMES)[number];

/** Features for which a higher value means better support (their value for a claim with no sentence is 1). */
const SUPPORTIVE: ReadonlySet<FeatureName> = new Set(['coverTop', 'coverBest', 'ngramCover', 'maxCosine']);

/**
 * Discrete evidence against a claim (an invented number or name, a flipped negation, an antonym, a conflicting
 * number): one sentence carrying it is enough, so a summary takes its maximum over the sentences. The graded
 * measures are averaged instead (see summaryFeatures).
 */
const FLAGS: ReadonlySet<FeatureName> = new Set(['novelNumbers', 'novelNames', 'negationMismatch', 'antonym', 'numberConflict']);

/** Nearby claim content words (at most this many content words apart) form a pair for `unsupportedPairs`. */
export const PAIR_WINDOW = 5;

/** How many best-aligned article sentences form the "support" of a claim sentence. */
const TOP_K = 2;

export interface SentenceEvidence {
  /** The claim sentence (offsets into the claim). */
  sentence: Span;
  features: number[];
  /** Claim spans (offsets into the claim) that carry unsupported evidence, merged, in order. */
  spans: Span[];
}

/**
 * Evidence for one claim sentence. `claim` is the whole claim/summary string and `sentence` a span of it;
 * `vectors` may hold the encoder vectors of the sentence texts (missing → cosine 0).
 */
export function sentenceEvidence(claim: string, sentence: Span, article: PreparedArticle, vectors: SentenceVectors): SentenceEvidence {
  const tokens = tokenize(sentence.text, sentence.start);
  const content = tokens.filter((t) => !t.stop);
  const claimStems = [...new Set(content.map((t) => t.stem))];
  const claimSet = article.weights.set(claimStems);
  const claimVec = vectors.get(sentence.text);

  // Alignment: lexical containment of the claim in each article sentence, plus encoder cosine.
  const scored: { s: ArticleSentence; lex: number; cos: number; score: number }[] = [];
  let maxCosine = 0;
  for (const s of article.sentences) {
    const lex = weightedContainment(claimSet, s.set);
    const v = claimVec ? vectors.get(s.text) : undefined;
    const cos = claimVec && v ? cosine(claimVec, v) : 0;
    if (cos > maxCosine) maxCosine = cos;
    scored.push({ s, lex, cos, score: lex + 0.5 * cos });
  }
  scored.sort((a, b) => b.score - a.score || a.s.start - b.s.start);
  const top = scored.slice(0, TOP_K);
  const support = new Set<string>();
  const supportWords = new Set<string>();
  for (const t of top) {
    for (const x of t.s.stems) support.add(x);
    for (const x of t.s.tokens) {
      supportWords.add(x.norm);
      supportWords.add(x.stem);
    }
  }

  const w = (stem: string): number => article.weights.idf(stem);
  let total = 0;
  let inArticle = 0;
  let inTop = 0;
  for (const s of claimStems) {
    const x = w(s);
    total += x;
    if (article.stems.has(s)) inArticle += x;
    if (support.has(s)) inTop += x;
  }
  const coverArticle = total === 0 ? 1 : inArticle / total;
  const coverTop = total === 0 ? 1 : inTop / total;
  const coverBest = top[0] ? top[0].lex : 0;

  const flagged: Token[] = [];
  let novelNumbers = 0;
  let novelNames = 0;
  let numberConflict = 0;
  const supportHasNumber = top.some((t) => t.s.tokens.some((x) => x.numeric));
  for (const t of content) {
    const known = article.stems.has(t.stem) || article.words.has(t.norm);
    if (t.numeric) {
      if (!known) {
        novelNumbers++;
        flagged.push(t);
      } else if (!supportWords.has(t.stem) && supportHasNumber) {
        numberConflict = 1;
        flagged.push(t);
      }
      continue;
    }
    if (known) continue;
    flagged.push(t);
    const initial = t.start === sentence.start;
    if (!initial && /^\p{Lu}/u.test(claim.slice(t.start, t.end))) novelNames++;
  }

  // Antonym swap: a claim word absent from the support whose antonym is in the support.
  let antonym = 0;
  for (const t of content) {
    if (support.has(t.stem)) continue;
    for (const a of antonymsOf(t.stem)) {
      if (support.has(a) || supportWords.has(a)) {
        antonym = 1;
        flagged.push(t);
        break;
      }
    }
  }

  // Negation: the claim is negated and its best support is not, or the other way round.
  const claimNegated = hasNegation(sentence.text);
  const best = top[0]?.s;
  const negationMismatch = best && claimNegated !== best.negated ? 1 : 0;
  if (negationMismatch && claimNegated) {
    for (const m of sentence.text.matchAll(/\b(?:not|no|never|none|nothing|neither|nor|cannot|without|nobody)\b|n['’]t\b/gi)) {
      const start = sentence.start + (m.index ?? 0);
      flagged.push({ start, end: start + m[0].length, norm: m[0].toLowerCase(), stem: m[0].toLowerCase(), stop: true, numeric: false });
    }
  }

  const grams = ngramKeys(tokens);
  const ngramCover = grams.length === 0 ? 1 : grams.filter((g) => article.ngrams.has(g)).length / grams.length;

  const frag = fragments(tokens, article);

  const features = [
    coverTop,
    coverBest,
    Math.min(3, novelNumbers),
    Math.min(3, novelNames),
    ngramCover,
    maxCosine,
    negationMismatch,
    antonym,
    numberConflict,
    coverArticle - coverTop,
    frag.rate,
    Math.min(4, frag.sentences),
    unsupportedPairs(content, article),
  ];
  return { sentence, features, spans: mergeSpans(claim, flagged) };
}

/**
 * Extractive fragments (Grusky et al. 2018): the claim's tokens greedily covered, left to right, by the
 * longest runs of consecutive article tokens (all words, stopwords included). `rate` = fragments per claim
 * token: a claim stitched together from many short pieces is more often a wrong recombination than one
 * copied or closely paraphrased; `sentences` = distinct article sentences its multi-token fragments come from.
 */
export interface Fragments {
  rate: number;
  sentences: number;
}

export function fragments(tokens: readonly Token[], article: PreparedArticle): Fragments {
  const n = tokens.length;
  if (n === 0) return { rate: 0, sentences: 0 };
  const seq = article.sequence;
  let count = 0;
  const from = new Set<number>();
  let i = 0;
  while (i < n) {
    let best = 0;
    let bestAt = -1;
    for (const p of article.positions.get(tokens[i]!.norm) ?? []) {
      let l = 1;
      while (i + l < n && p + l < seq.length && seq[p + l]!.norm === tokens[i + l]!.norm) l++;
      if (l > best) {
        best = l;
        bestAt = p;
      }
    }
    if (best === 0) {
      i++;
      continue;
    }
    count++;
    if (best >= 2) from.add(seq[bestAt]!.sentence);
    i += best;
  }
  return { rate: count / n, sentences: from.size };
}

/**
 * The share of pairs of nearby claim content words (at most PAIR_WINDOW content words apart), both found in
 * the article, that no single article sentence holds together. Each word alone is "covered", but the relation
 * the claim draws between them (who did what, which number goes with which thing) is not stated anywhere: a
 * swapped entity or role, or facts from different sentences fused into a wrong one. Pairs with a word the
 * article lacks are left to the coverage and novel-name/number evidence; 0 when there is no such pair.
 */
export function unsupportedPairs(content: readonly Token[], article: PreparedArticle): number {
  const where = (t: Token): ReadonlySet<number> | undefined => article.sentencesOf.get(t.stem) ?? article.sentencesOf.get(t.norm);
  const found = content.map(where);
  let pairs = 0;
  let unsupported = 0;
  for (let i = 0; i < content.length; i++) {
    const a = found[i];
    if (!a) continue;
    for (let j = i + 1; j <= i + PAIR_WINDOW && j < content.length; j++) {
      const b = found[j];
      if (!b) continue;
      pairs++;
      if (!intersects(a, b)) unsupported++;
    }
  }
  return pairs === 0 ? 0 : unsupported / pairs;
}

/** Merges flagged tokens into claim spans: neighbours separated only by spaces or hyphens join. */
export function mergeSpans(claim: string, flagged: readonly Token[]): Span[] {
  const sorted = [...flagged].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Span[] = [];
  for (const t of sorted) {
    const last = out[out.length - 1];
    if (last && t.start <= last.end) {
      if (t.end > last.end) {
        last.end = t.end;
        last.text = claim.slice(last.start, last.end);
      }
      continue;
    }
    if (last && /^[\s\-–]*$/.test(claim.slice(last.end, t.start))) {
      last.end = t.end;
      last.text = claim.slice(last.start, last.end);
      continue;
    }
    out.push({ start: t.start, end: t.end, text: claim.slice(t.start, t.end) });
  }
  return out;
}

/**
 * The summary-level features from its sentences' rows: the discrete flags (FLAGS) by their maximum, the
 * graded measures by their mean. A mean does not grow with the number of sentences the way a worst value
 * does, so a one-sentence claim and a ten-sentence summary sit on the same scale and one threshold serves both.
 */
export function summaryFeatures(rows: readonly number[][]): number[] {
  return FEATURE_NAMES.map((name, j) => {
    const values = rows.map((r) => r[j] ?? 0);
    if (values.length === 0) return SUPPORTIVE.has(name) ? 1 : 0;
    if (FLAGS.has(name)) return Math.max(...values);
    return values.reduce((a, b) => a + b, 0) / values.length;
  });
}
