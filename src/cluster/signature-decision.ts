/**
 * The pairwise story decision on signatures (./signature.ts): a logistic blend of the TF-IDF cosines of
 * each signature bag (sublinear TF, smoothed IDF per bag). An empty slot bag (names, people, numbers,
 * counted numbers, years, lead numbers) on either side takes the whole-text cosine instead, so a missing
 * slot is no evidence either way. The IDF needs only per-bag document frequencies: the batch computes them
 * over its articles (`batchFrequencies`); an online clusterer keeps them as running counts
 * (`DocumentFrequencies.add`); a focused corpus (one story's articles) also counts pseudo-documents
 * (`focusBackground`). Two terms beside the features: publication time (`timeGap`) and titles (`titleTerm`), and
 * one for near copies (`nearCopyTerm`).
 */
import { SKETCH_BINS, sketchSimilarity } from './signature-sketch.js';
import { CountTable } from './count-table.js';
import { countSharedSorted, lowerBound } from '../text/sorted.js';
import { SIGNATURE_BAGS, type SignatureBag, type StorySignature } from './signature-types.js';

/** Per-bag document frequencies of term ids, and how many documents they were counted over. */
export interface BagFrequencies {
  readonly documents: number;
  /** Pseudo-documents sharing no term, added to `documents` in the IDF (`focusBackground`). */
  readonly background: number;
  documentFrequency(bag: SignatureBag, id: number): number;
  /** The document frequency function of one bag (for many lookups in a row). */
  bagFrequencies(bag: SignatureBag): (id: number) => number;
}

/** Running per-bag document counts (batch: over the batch; online: over everything ingested so far). */
export class DocumentFrequencies implements BagFrequencies {
  private readonly counts = Object.fromEntries(SIGNATURE_BAGS.map((b) => [b, new CountTable()])) as Record<SignatureBag, CountTable>;
  private n = 0;

  get documents(): number {
    return this.n;
  }

  /** The FOCUS_RANK most frequent names' document counts, highest first (kept as documents are added). */
  private readonly topNames: { id: number; count: number }[] = [];

  get background(): number {
    return focusBackground(this.n, this.topNames[FOCUS_RANK - 1]?.count ?? 0);
  }

  /** Bytes held by the counts. */
  get bytes(): number {
    return SIGNATURE_BAGS.reduce((sum, b) => sum + this.counts[b].bytes, 0);
  }

  add(sig: StorySignature): void {
    this.n++;
    for (const b of SIGNATURE_BAGS) {
      const table = this.counts[b];
      const ids = sig.bags[b].ids;
      for (let i = 0; i < ids.length; i++) table.add(ids[i]!);
    }
    const names = this.counts.names;
    for (const id of sig.bags.names.ids) this.raiseName(id, names.get(id));
  }

  /** Name `id` now counts `count` documents: keep `topNames` the FOCUS_RANK highest (ties: the first to get there). */
  private raiseName(id: number, count: number): void {
    const top = this.topNames;
    let at = top.findIndex((t) => t.id === id);
    if (at < 0) {
      if (top.length === FOCUS_RANK && count <= top[FOCUS_RANK - 1]!.count) return;
      if (top.length === FOCUS_RANK) top.pop();
      top.push({ id, count });
      at = top.length - 1;
    } else top[at]!.count = count;
    while (at > 0 && top[at - 1]!.count < count) {
      [top[at - 1], top[at]] = [top[at]!, top[at - 1]!];
      at--;
    }
  }

  documentFrequency(bag: SignatureBag, id: number): number {
    return this.counts[bag].get(id);
  }

  bagFrequencies(bag: SignatureBag): (id: number) => number {
    const table = this.counts[bag];
    return (id) => table.get(id);
  }
}

/**
 * A focused corpus: one whose FOCUS_RANK-th most frequent name is in more than FOCUS_SHARE of its documents. Diverse
 * news is below it (ECB+'s 772 articles of 66 events: 0.09; each half of the AllSides roundups: 0.18); the articles of
 * one event (ECB+'s events taken alone: 0.8–1.0), of one topic's two events (an ECB+ topic) or one wire's copies are above.
 */
export const FOCUS_RANK = 3;
export const FOCUS_SHARE = 0.2;

/**
 * Pseudo-documents that share no term, added to a focused corpus's document count in the IDF: as many as bring its
 * FOCUS_RANK-th most frequent name (`rankCount` documents) down to FOCUS_SHARE of the documents; 0 for a diverse corpus.
 *
 * Why: the decision was fitted with IDF over diverse news, where the words and names of one story are rare. In a
 * corpus that is one story (what a fact-checker collects on one event; one wire's copies) they are in every document,
 * their IDF falls to its floor, and what each article tells differently dominates the cosines: ECB+'s events clustered
 * each alone kept 26 of 66 whole (B³ recall 0.664), where among the other events they are found at 0.964. With these
 * pseudo-documents the corpus's common names and words weigh as a story's do among others: 48 of 66 whole (0.874);
 * ECB+'s topics alone (two events of one kind each: two rehab stays of one actress) B³ F1 0.838 → 0.933 at the same
 * precision (0.989, 0.991); the AllSides roundups grouped by topic and clustered one topic at a time 0.904 → 0.910
 * (P 0.939, 0.938). A diverse corpus is unchanged (`npm run eval -- --only clustering`: every other row the same; its
 * "clustered alone" rows give the held-out topics' numbers).
 */
export function focusBackground(documents: number, rankCount: number): number {
  return Math.max(0, rankCount / FOCUS_SHARE - documents);
}

export function batchFrequencies(signatures: readonly StorySignature[]): DocumentFrequencies {
  const f = new DocumentFrequencies();
  for (const s of signatures) f.add(s);
  return f;
}

/** A unit-length sparse vector over sorted term ids. */
export interface WeightedBag {
  readonly ids: Uint32Array;
  readonly weights: Float64Array;
}

/** One article's bags weighted for the decision (plus its sketch and language). */
export interface WeightedSignature {
  readonly bags: Readonly<Record<SignatureBag, WeightedBag>>;
  readonly sketch: Uint16Array;
  readonly language: string;
  /** Publication day (days since 1970-01-01), or null: the signature's `day`. */
  readonly day: number | null;
}

/**
 * ln(k) for k < 65536 (term counts are 16-bit; most document frequencies are small): a lookup, not a log.
 * Filled on first use, so commands that never weigh a signature do not pay for it at start-up.
 */
let lnTable: Float64Array | null = null;
function lnOf(k: number): number {
  if (lnTable === null) {
    lnTable = new Float64Array(65536);
    lnTable[0] = -Infinity;
    for (let i = 1; i < 65536; i++) lnTable[i] = Math.log(i);
  }
  return k < 65536 ? lnTable[k]! : Math.log(k);
}

/** Sublinear TF × smoothed IDF (log((N + 1) / (df + 1)) + 1 = ln(N + 1) − ln(df + 1) + 1), L2-normalised, per bag. */
export function weighSignature(sig: StorySignature, frequencies: BagFrequencies): WeightedSignature {
  const idfBase = Math.log(frequencies.documents + frequencies.background + 1) + 1;
  const bags = {} as Record<SignatureBag, WeightedBag>;
  for (const b of SIGNATURE_BAGS) {
    const { ids, counts } = sig.bags[b];
    const df = frequencies.bagFrequencies(b);
    const weights = new Float64Array(ids.length);
    let norm = 0;
    for (let i = 0; i < ids.length; i++) {
      const w = (1 + lnOf(counts[i]!)) * (idfBase - lnOf(df(ids[i]!) + 1));
      weights[i] = w;
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    for (let i = 0; i < weights.length; i++) weights[i]! /= norm;
    bags[b] = { ids, weights };
  }
  return { bags, sketch: sig.sketch, language: sig.language, day: sig.day };
}

/** Cosine of two unit bags (merge over the sorted ids). */
export function bagCosine(a: WeightedBag, b: WeightedBag): number {
  const x = a.ids;
  const y = b.ids;
  const xn = x.length;
  const yn = y.length;
  if (xn === 0 || yn === 0) return 0;
  const wa = a.weights;
  const wb = b.weights;
  let i = 0;
  let j = 0;
  let dot = 0;
  let u = x[0]!;
  let v = y[0]!;
  // Each id is loaded once; the loop ends when either side runs out.
  for (;;) {
    if (u === v) {
      dot += wa[i]! * wb[j]!;
      if (++i === xn || ++j === yn) break;
      u = x[i]!;
      v = y[j]!;
    } else if (u < v) {
      if (++i === xn) break;
      u = x[i]!;
    } else {
      if (++j === yn) break;
      v = y[j]!;
    }
  }
  return dot;
}

/**
 * The pairwise features in model order: the bag whose cosine it is (`sketch`: the shingle sketch's
 * Jaccard estimate), whether an empty bag on either side falls back to the whole-text cosine, and the
 * model field holding the weight.
 */
export const SIGNATURE_FEATURES = [
  { name: 'words', bag: 'words', slot: false, weight: 'wordsWeight' },
  { name: 'names', bag: 'names', slot: true, weight: 'namesWeight' },
  { name: 'people', bag: 'people', slot: true, weight: 'peopleWeight' },
  { name: 'numbers', bag: 'numbers', slot: true, weight: 'numbersWeight' },
  { name: 'counted', bag: 'counted', slot: true, weight: 'countedWeight' },
  { name: 'years', bag: 'years', slot: true, weight: 'yearsWeight' },
  { name: 'lead', bag: 'lead', slot: false, weight: 'leadWeight' },
  { name: 'leadNumbers', bag: 'leadNumbers', slot: true, weight: 'leadNumbersWeight' },
] as const satisfies readonly { name: string; bag: SignatureBag; slot: boolean; weight: string }[];

export type SignatureWeightName = (typeof SIGNATURE_FEATURES)[number]['weight'];

/** What the decision needs: a bias, one weight per feature, the clustering thresholds. */
export type SignatureModel = Readonly<Record<SignatureWeightName, number>> & {
  readonly bias: number;
  /** Cosine of mean sentence vectors, when the encoder ran (0: not used). */
  readonly semanticWeight: number;
  /** Average-link link probability at or above which two groups are one story (chosen on the dev topics). */
  readonly threshold: number;
  /** Average link probability at or above which a small group joins a larger story (small-groups.ts). */
  readonly rescueThreshold: number;
  /** Largest group (articles) that the rescue moves. */
  readonly rescueMaxSize: number;
  /** Weight of the publication-time gap (`timeGap`): subtracted per unit of log(1 + days beyond timeFreeDays). */
  readonly timeWeight: number;
  /** Days apart that cost nothing (a story's coverage spreads over the day it breaks and the next). */
  readonly timeFreeDays: number;
  /** Weight of the title cosine (`titleTerm`), added per unit of cosine above `titleCenter`. */
  readonly titleWeight: number;
  /** The title cosine that adds nothing: below it two titles that share little count against the link. */
  readonly titleCenter: number;
};

/**
 * The time term of the decision: two articles published more than `timeFreeDays` apart report one event only if
 * the rest of the evidence outweighs `timeWeight × ln(1 + days beyond)`. Differently-leaning outlets tell one
 * event in different words, and the same topic comes back in new events every few days (a vaccine, a bill, a
 * trial): without time, the words of a topic chain a month of events into one story (measured on the AllSides
 * headline roundups, eval/allsides.ts). Near-copies stay joined across days (their words outweigh the term);
 * an article without a date gives no evidence either way (0).
 */
export function timeGap(a: number | null, b: number | null, model: SignatureModel): number {
  if (a === null || b === null || model.timeWeight === 0) return 0;
  const beyond = Math.abs(a - b) - model.timeFreeDays;
  return beyond > 0 ? model.timeWeight * Math.log1p(beyond) : 0;
}

/**
 * Near copies: shingle-sketch similarity (the estimated Jaccard index of the two texts' word 3-shingles,
 * ./signature-sketch.ts) above which the near-copy term starts, and its weight per unit above it.
 */
export const NEAR_COPY_FREE = 0.2;
export const NEAR_COPY_WEIGHT = 40;
/**
 * How far two texts' names and numbers agree, against how far their words do (`slotAgreement`): the term is 0 up
 * to NEAR_COPY_SLOTS_FROM and whole from NEAR_COPY_SLOTS_FULL.
 */
export const NEAR_COPY_SLOTS_FROM = 0.6;
export const NEAR_COPY_SLOTS_FULL = 0.9;

/**
 * The near-copy term of the decision: `NEAR_COPY_WEIGHT × (sketch similarity − NEAR_COPY_FREE)` when the two texts
 * share more than a fifth of their word 3-shingles, scaled by `slotAgreement` (from 0 at NEAR_COPY_SLOTS_FROM to 1 at
 * NEAR_COPY_SLOTS_FULL); 0 across languages.
 *
 * Why: the cosines weigh words by their IDF over the articles at hand, so in a corpus that is one story (the copies
 * of one wire a researcher collected, a network's rewrites of it) the story's own words weigh least and what each
 * copy adds (an inserted quote, filler from elsewhere) weighs most. In the 1,000-article benchmark story
 * (bench/real-corpus.ts `realStory`) the 46 light rewrites of one article, each with two unrelated sentences
 * inserted, fell into 23 stories (5 with this term); rewrites of two events that share inserted filler fell into one
 * (test/cluster.near-copy.test.ts). Shared word sequences do not depend on the corpus: texts of different stories
 * share almost none (on ECB+ one pair of 293,115 reaches 0.1 and none 0.2; on the AllSides roundups 2 of 1,091,538
 * reach 0.2, one of them the same article in two roundups), while such rewrites share 0.3–0.6.
 *
 * Why the names and numbers: reports written from one template (a harbour closure, an earthquake, a market close)
 * share most of their shingles and words but not their places, people and figures. On such a template
 * (test/cli.ingest-crash.test.ts) two events' reports have a slot agreement of 0.29 (median; at most 0.58), the
 * rewrites of one article in the benchmark story 1.06 (median; 0.57 at the 5th percentile), the near copies among
 * ECB+'s retellings 0.97 (0.76).
 */
export function nearCopyTerm(a: WeightedSignature, b: WeightedSignature): number {
  return nearCopyTermAt(sketchSimilarity(a.sketch, b.sketch), a, b);
}

/** `nearCopyTerm` of two signatures whose sketch similarity `s` is known. */
function nearCopyTermAt(s: number, a: WeightedSignature, b: WeightedSignature): number {
  if (s <= NEAR_COPY_FREE) return 0;
  const slots = (slotAgreement(a, b) - NEAR_COPY_SLOTS_FROM) / (NEAR_COPY_SLOTS_FULL - NEAR_COPY_SLOTS_FROM);
  return slots <= 0 ? 0 : NEAR_COPY_WEIGHT * (s - NEAR_COPY_FREE) * Math.min(1, slots);
}

/**
 * The overlap of the two texts' names and numbers (distinct ids shared, over the count of the side with fewer) divided
 * by the same overlap of their words: about 1 for two copies of a text (what one drops or adds takes words and names
 * alike), low for two reports from one template (the same words around other names and figures); 0 when a side has
 * no names and numbers or no words.
 */
export function slotAgreement(a: WeightedSignature, b: WeightedSignature): number {
  const slots = Math.min(a.bags.names.ids.length + a.bags.numbers.ids.length, b.bags.names.ids.length + b.bags.numbers.ids.length);
  const words = Math.min(a.bags.words.ids.length, b.bags.words.ids.length);
  if (slots === 0 || words === 0) return 0;
  const sharedWords = countSharedSorted(a.bags.words.ids, b.bags.words.ids);
  if (sharedWords === 0) return 0;
  return (countSharedSorted(a.bags.names.ids, b.bags.names.ids) + countSharedSorted(a.bags.numbers.ids, b.bags.numbers.ids)) / slots / (sharedWords / words);
}

/**
 * The title term of the decision: `titleWeight × (cosine of the two title bags − titleCenter)` when both articles
 * have a title with words besides their texts' names (a non-empty title bag), in one language, and their headlines'
 * names do not disagree (`headlineNamesDisagree`), else 0. A
 * headline says what happened in a few words; outlets of different leanings frame their opening paragraphs apart but
 * their headlines still share those words (measured on the AllSides headline roundups, eval/allsides.ts). ECB+, the
 * decision's training set, has no titles: the weight and the centre are chosen on the roundups' tuning half
 * (scripts/train-clustering.ts).
 */
export function titleTerm(a: WeightedSignature, b: WeightedSignature, model: SignatureModel): number {
  return titleTermApplies(a, b, model) ? model.titleWeight * (bagCosine(a.bags.title, b.bags.title) - model.titleCenter) : 0;
}

/** Whether `titleTerm` reads the two titles (else it is 0): the rule both the pairwise link and the matrix follow. */
export function titleTermApplies(a: WeightedSignature, b: WeightedSignature, model: SignatureModel): boolean {
  return model.titleWeight !== 0 && a.bags.title.ids.length > 0 && b.bags.title.ids.length > 0 && !crossLanguage(a, b) && !headlineNamesDisagree(a, b);
}

/**
 * Both headlines name someone or somewhere their texts name (`titleNames`) and they share none: the same words about
 * another place or person ("Quarn bridge closed", "Dell bridge closed") are another event.
 */
export function headlineNamesDisagree(a: WeightedSignature, b: WeightedSignature): boolean {
  const x = a.bags.titleNames.ids;
  const y = b.bags.titleNames.ids;
  if (x.length === 0 || y.length === 0) return false;
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    if (x[i] === y[j]) return false;
    if (x[i]! < y[j]!) i++;
    else j++;
  }
  return true;
}

function values(a: WeightedSignature, b: WeightedSignature, cosine: (bag: SignatureBag) => number): number[] {
  const words = cosine('words');
  return SIGNATURE_FEATURES.map((f) => (f.slot && (a.bags[f.bag].ids.length === 0 || b.bags[f.bag].ids.length === 0) ? words : cosine(f.bag)));
}

/** The bag of an article's words as English: its words (English), else the English glosses of its words (./signature.ts). */
function englishWords(x: WeightedSignature): WeightedBag {
  return x.language === 'en' ? x.bags.words : x.bags.glosses;
}

/** Across languages the year feature is at most this multiple of the words cosine. */
const YEAR_WORDS_FACTOR = 2;

/**
 * The feature values of two articles in different languages: the same model, on what the two can share. Words are
 * compared as English (an English article's words, a Russian or French article's glosses: the English words of its
 * lexicon entries, ./signature.ts), and that cosine also stands for the other features whose terms are words of one
 * language (lead, people, counted); names are compared as anchor keys (transliteration-proof, src/lang/anchor.ts);
 * the number bags as they are but without years (an empty one, or one holding only years, takes the words cosine, as
 * in one language); the year feature is at most YEAR_WORDS_FACTOR × the words cosine: a shared year counts as far as
 * the words agree. Only the names feature reads the anchors: one shared name (a country, a president) or one shared
 * year is not enough to join two reports (measured on NTREX-128 and two-event distractors,
 * test/crosslingual.review.test.ts).
 */
function crossLanguageValues(a: WeightedSignature, b: WeightedSignature): number[] {
  const words = bagCosine(englishWords(a), englishWords(b));
  const yearIds = new Set([...a.bags.years.ids, ...b.bags.years.ids]);
  const year = (id: number): boolean => yearIds.has(id);
  return SIGNATURE_FEATURES.map((f) => {
    if (f.bag === 'names') return bagCosine(a.bags.anchors, b.bags.anchors);
    if (f.bag === 'years') {
      // A shared year counts only as far as the words agree (two reports of one year share nothing by it alone).
      const years = a.bags.years.ids.length > 0 && b.bags.years.ids.length > 0 ? bagCosine(a.bags.years, b.bags.years) : words;
      return Math.min(years, YEAR_WORDS_FACTOR * words);
    }
    if (f.bag === 'numbers' || f.bag === 'leadNumbers') {
      // Without years: two reports of one year in two languages share nothing by it.
      const x = a.bags[f.bag];
      const y = b.bags[f.bag];
      return hasOther(x.ids, year) && hasOther(y.ids, year) ? bagCosineExcept(x, y, year) : words;
    }
    return words;
  });
}

function hasOther(ids: Uint32Array, skip: (id: number) => boolean): boolean {
  for (const id of ids) if (!skip(id)) return true;
  return false;
}

/** bagCosine over the ids `skip` does not take (their weights left out of the dot product). */
function bagCosineExcept(a: WeightedBag, b: WeightedBag, skip: (id: number) => boolean): number {
  let i = 0;
  let j = 0;
  let dot = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const u = a.ids[i]!;
    const v = b.ids[j]!;
    if (u === v) {
      if (!skip(u)) dot += a.weights[i]! * b.weights[j]!;
      i++;
      j++;
    } else if (u < v) i++;
    else j++;
  }
  return dot;
}

/**
 * True when two articles' words cannot be compared: their languages differ. An unknown language ('': a signature
 * stored before languages were recorded) is compared word by word, as it was when it was stored.
 */
export function crossLanguage(a: WeightedSignature, b: WeightedSignature): boolean {
  return a.language !== b.language && a.language !== '' && b.language !== '';
}

/** The feature values of two articles, in `SIGNATURE_FEATURES` order. */
export function signaturePairFeatures(a: WeightedSignature, b: WeightedSignature): number[] {
  if (crossLanguage(a, b)) return crossLanguageValues(a, b);
  return values(a, b, (bag) => bagCosine(a.bags[bag], b.bags[bag]));
}

function crossLanguageProbability(a: WeightedSignature, b: WeightedSignature, model: SignatureModel): number {
  const x = crossLanguageValues(a, b);
  let z = model.bias;
  for (let k = 0; k < SIGNATURE_FEATURES.length; k++) z += model[SIGNATURE_FEATURES[k]!.weight] * x[k]!;
  z -= timeGap(a.day, b.day, model);
  return 1 / (1 + Math.exp(-z));
}

/**
 * Probability that two articles report the same event: `probability(model, signaturePairFeatures(a, b))`
 * (articles of two languages: on `crossLanguageValues`),
 * computed without intermediate arrays (it runs ~100 times per article placed) and with the same arithmetic
 * in the same order, so the same value.
 */
export function signatureLinkProbability(a: WeightedSignature, b: WeightedSignature, model: SignatureModel): number {
  if (crossLanguage(a, b)) return crossLanguageProbability(a, b, model);
  const words = bagCosine(a.bags.words, b.bags.words);
  let z = model.bias;
  for (let k = 0; k < SIGNATURE_FEATURES.length; k++) {
    const f = SIGNATURE_FEATURES[k]!;
    const x = f.bag === 'words' || (f.slot && (a.bags[f.bag].ids.length === 0 || b.bags[f.bag].ids.length === 0)) ? words : bagCosine(a.bags[f.bag], b.bags[f.bag]);
    z += model[f.weight] * x;
  }
  z -= timeGap(a.day, b.day, model);
  z += titleTerm(a, b, model);
  z += nearCopyTerm(a, b);
  return 1 / (1 + Math.exp(-z));
}

/**
 * Pairwise link probabilities (symmetric, diagonal 1): `signatureLinkProbability` on every pair, the same
 * numbers. Row by row through an inverted index per bag (only shared terms cost time): for article i, each of
 * its terms in id order adds its products with the later articles holding the term, so every dot product is
 * summed in the order `bagCosine` sums it; memory beyond the result is one row per bag.
 */
export function signatureLinkMatrix(signatures: readonly WeightedSignature[], model: SignatureModel): Float64Array[] {
  const n = signatures.length;
  const B = SIGNATURE_FEATURES.length;
  const matrix = Array.from({ length: n }, () => new Float64Array(n));
  // The features' bags, and the title bag when the model reads it (not a feature: `titleTerm`, its dots last).
  const titled = model.titleWeight !== 0;
  const index = [...SIGNATURE_FEATURES.map((f) => f.bag), ...(titled ? (['title'] as const) : [])].map((bag) => postingIndex(signatures, bag));
  const empty = SIGNATURE_FEATURES.map((f) => Uint8Array.from(signatures, (s) => (s.bags[f.bag].ids.length === 0 ? 1 : 0)));
  const weights = SIGNATURE_FEATURES.map((f) => model[f.weight]);
  const wordsAt = SIGNATURE_FEATURES.findIndex((f) => f.bag === 'words');
  const slot = SIGNATURE_FEATURES.map((f) => f.slot);
  const dots = index.map(() => new Float64Array(n));
  // Equal sketch bins with each later article, through an index of each bin's values (only articles that share a
  // bin value cost time): the near-copy term needs more than NEAR_COPY_FREE of them, which few pairs have.
  const sketchBins = sketchBinIndex(signatures);
  const equalBins = new Int32Array(n);
  const copyFrom = NEAR_COPY_FREE * SKETCH_BINS;
  for (let i = 0; i < n; i++) {
    matrix[i]![i] = 1;
    countEqualBins(signatures[i]!.sketch, i, sketchBins, equalBins);
    for (let f = 0; f < index.length; f++) {
      const acc = dots[f]!;
      acc.fill(0, i + 1);
      const { docs, weights: w, end, entry, first } = index[f]!;
      // Article i's terms in id order; each from i's own entry on to the end of the term's list.
      for (let e = first[i]!; e < first[i + 1]!; e++) {
        const at = entry[e]!;
        const wi = w[at]!;
        const stop = end[e]!;
        for (let q = at + 1; q < stop; q++) acc[docs[q]!]! += wi * w[q]!;
      }
    }
    const words = dots[wordsAt]!;
    const row = matrix[i]!;
    for (let j = i + 1; j < n; j++) {
      if (crossLanguage(signatures[i]!, signatures[j]!)) {
        const prob = crossLanguageProbability(signatures[i]!, signatures[j]!, model);
        row[j] = prob;
        matrix[j]![i] = prob;
        continue;
      }
      // As `signatureLinkProbability`: the same terms in the same order.
      let z = model.bias;
      for (let f = 0; f < B; f++) {
        const x = f === wordsAt || (slot[f] && (empty[f]![i] === 1 || empty[f]![j] === 1)) ? words[j]! : dots[f]![j]!;
        z += weights[f]! * x;
      }
      z -= timeGap(signatures[i]!.day, signatures[j]!.day, model);
      // As `titleTerm`, its cosine from the index.
      if (titled && titleTermApplies(signatures[i]!, signatures[j]!, model)) z += model.titleWeight * (dots[B]![j]! - model.titleCenter);
      // As `nearCopyTerm` (sketchSimilarity is equal bins / SKETCH_BINS): 0 unless more than NEAR_COPY_FREE are equal.
      if (equalBins[j]! > copyFrom) z += nearCopyTermAt(equalBins[j]! / SKETCH_BINS, signatures[i]!, signatures[j]!);
      const prob = 1 / (1 + Math.exp(-z));
      row[j] = prob;
      matrix[j]![i] = prob;
    }
  }
  return matrix;
}

/** Per sketch bin, the articles (ascending) holding each value there; articles without a sketch are left out. */
function sketchBinIndex(signatures: readonly WeightedSignature[]): Map<number, number[]>[] {
  const bins = Array.from({ length: SKETCH_BINS }, () => new Map<number, number[]>());
  signatures.forEach((s, i) => {
    if (s.sketch.length !== SKETCH_BINS) return;
    for (let b = 0; b < SKETCH_BINS; b++) {
      const list = bins[b]!.get(s.sketch[b]!);
      if (list) list.push(i);
      else bins[b]!.set(s.sketch[b]!, [i]);
    }
  });
  return bins;
}

/** equal[j] = how many sketch bins article j > i shares with article i (`sketch`); 0 for the others. */
function countEqualBins(sketch: Uint16Array, i: number, bins: readonly Map<number, number[]>[], equal: Int32Array): void {
  equal.fill(0, i + 1);
  if (sketch.length !== SKETCH_BINS) return;
  for (let b = 0; b < SKETCH_BINS; b++) {
    const list = bins[b]!.get(sketch[b]!)!;
    for (let k = lowerBound(list, i + 1); k < list.length; k++) equal[list[k]!]!++;
  }
}

/**
 * An inverted index of one bag over articles, in flat arrays: the postings of each term contiguous and in
 * article order (`docs`, `weights`); for the e-th (article, term) entry in article-then-id order, `entry[e]`
 * is its posting and `end[e]` the end of its term's postings; article i's entries are `first[i]` to `first[i + 1]`.
 */
function postingIndex(
  signatures: readonly WeightedSignature[],
  bag: SignatureBag,
): { docs: Int32Array; weights: Float64Array; entry: Int32Array; end: Int32Array; first: Int32Array } {
  const n = signatures.length;
  const first = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) first[i + 1] = first[i]! + signatures[i]!.bags[bag].ids.length;
  const total = first[n]!;
  const termOf = new Int32Array(total);
  const byTerm = new Map<number, number>();
  let counts = new Int32Array(64);
  for (let i = 0; i < n; i++) {
    const ids = signatures[i]!.bags[bag].ids;
    for (let k = 0; k < ids.length; k++) {
      let t = byTerm.get(ids[k]!);
      if (t === undefined) {
        t = byTerm.size;
        byTerm.set(ids[k]!, t);
        if (t === counts.length) {
          const grown = new Int32Array(counts.length * 2);
          grown.set(counts);
          counts = grown;
        }
      }
      termOf[first[i]! + k] = t;
      counts[t]!++;
    }
  }
  const terms = byTerm.size;
  const start = new Int32Array(terms + 1);
  for (let t = 0; t < terms; t++) start[t + 1] = start[t]! + counts[t]!;
  const cursor = start.slice(0, terms);
  const docs = new Int32Array(total);
  const weights = new Float64Array(total);
  const entry = new Int32Array(total);
  const end = new Int32Array(total);
  for (let i = 0; i < n; i++) {
    const w = signatures[i]!.bags[bag].weights;
    for (let k = 0; k < w.length; k++) {
      const e = first[i]! + k;
      const t = termOf[e]!;
      const at = cursor[t]!++;
      docs[at] = i;
      weights[at] = w[k]!;
      entry[e] = at;
      end[e] = start[t + 1]!;
    }
  }
  return { docs, weights, entry, end, first };
}

/** Shingle-sketch similarity of two signatures (near-duplicate test for candidate retrieval). */
export { sketchSimilarity };
