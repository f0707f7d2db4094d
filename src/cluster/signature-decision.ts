/**
 * The pairwise story decision on signatures (./signature.ts): a logistic blend of the TF-IDF cosines of
 * each signature bag (sublinear TF, smoothed IDF per bag). An empty slot bag (names, people, numbers,
 * counted numbers, years, lead numbers) on either side takes the whole-text cosine instead, so a missing
 * slot is no evidence either way. The IDF needs only per-bag document frequencies: the batch computes them
 * over its articles (`batchFrequencies`); an online clusterer keeps them as running counts
 * (`DocumentFrequencies.add`).
 */
import { sketchSimilarity } from './signature-sketch.js';
import { CountTable } from './count-table.js';
import { SIGNATURE_BAGS, type SignatureBag, type StorySignature } from './signature-types.js';

/** Per-bag document frequencies of term ids, and how many documents they were counted over. */
export interface BagFrequencies {
  readonly documents: number;
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
  }

  documentFrequency(bag: SignatureBag, id: number): number {
    return this.counts[bag].get(id);
  }

  bagFrequencies(bag: SignatureBag): (id: number) => number {
    const table = this.counts[bag];
    return (id) => table.get(id);
  }
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

/** One article's bags weighted for the decision (plus its sketch). */
export interface WeightedSignature {
  readonly bags: Readonly<Record<SignatureBag, WeightedBag>>;
  readonly sketch: Uint16Array;
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
  const idfBase = Math.log(frequencies.documents + 1) + 1;
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
  return { bags, sketch: sig.sketch };
}

/** Cosine of two unit bags (merge over the sorted ids). */
export function bagCosine(a: WeightedBag, b: WeightedBag): number {
  let i = 0;
  let j = 0;
  let dot = 0;
  const x = a.ids;
  const y = b.ids;
  while (i < x.length && j < y.length) {
    const u = x[i]!;
    const v = y[j]!;
    if (u === v) dot += a.weights[i++]! * b.weights[j++]!;
    else if (u < v) i++;
    else j++;
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
};

function values(a: WeightedSignature, b: WeightedSignature, cosine: (bag: SignatureBag) => number): number[] {
  const words = cosine('words');
  return SIGNATURE_FEATURES.map((f) => (f.slot && (a.bags[f.bag].ids.length === 0 || b.bags[f.bag].ids.length === 0) ? words : cosine(f.bag)));
}

/** The feature values of two articles, in `SIGNATURE_FEATURES` order. */
export function signaturePairFeatures(a: WeightedSignature, b: WeightedSignature): number[] {
  return values(a, b, (bag) => bagCosine(a.bags[bag], b.bags[bag]));
}

/**
 * Probability that two articles report the same event: `probability(model, signaturePairFeatures(a, b))`,
 * computed without intermediate arrays (it runs ~100 times per article placed) and with the same arithmetic
 * in the same order, so the same value.
 */
export function signatureLinkProbability(a: WeightedSignature, b: WeightedSignature, model: SignatureModel): number {
  const words = bagCosine(a.bags.words, b.bags.words);
  let z = model.bias;
  for (let k = 0; k < SIGNATURE_FEATURES.length; k++) {
    const f = SIGNATURE_FEATURES[k]!;
    const x = f.bag === 'words' || (f.slot && (a.bags[f.bag].ids.length === 0 || b.bags[f.bag].ids.length === 0)) ? words : bagCosine(a.bags[f.bag], b.bags[f.bag]);
    z += model[f.weight] * x;
  }
  return 1 / (1 + Math.exp(-z));
}

/** All pairwise cosines of one bag through an inverted index (only shared terms cost time). */
function cosineMatrix(bags: readonly WeightedBag[]): Float64Array[] {
  const n = bags.length;
  const postings = new Map<number, number[]>();
  bags.forEach((v, doc) => {
    for (let k = 0; k < v.ids.length; k++) {
      const list = postings.get(v.ids[k]!);
      if (list) list.push(doc, v.weights[k]!);
      else postings.set(v.ids[k]!, [doc, v.weights[k]!]);
    }
  });
  const out = Array.from({ length: n }, () => new Float64Array(n));
  for (const list of postings.values()) {
    for (let a = 0; a < list.length; a += 2) {
      const row = out[list[a]!]!;
      const wa = list[a + 1]!;
      for (let b = a + 2; b < list.length; b += 2) row[list[b]!]! += wa * list[b + 1]!;
    }
  }
  return out;
}

/** Pairwise link probabilities (symmetric, diagonal 1): `signatureLinkProbability` on every pair. */
export function signatureLinkMatrix(signatures: readonly WeightedSignature[], model: SignatureModel): Float64Array[] {
  const n = signatures.length;
  const cosines = {} as Record<SignatureBag, Float64Array[]>;
  for (const b of SIGNATURE_BAGS) cosines[b] = cosineMatrix(signatures.map((s) => s.bags[b]));
  const matrix = Array.from({ length: n }, () => new Float64Array(n));
  for (let i = 0; i < n; i++) {
    matrix[i]![i] = 1;
    const a = signatures[i]!;
    for (let j = i + 1; j < n; j++) {
      // As `probability(model, values(…))`, without the intermediate arrays.
      const b = signatures[j]!;
      const words = cosines.words[i]![j]!;
      let z = model.bias;
      for (let k = 0; k < SIGNATURE_FEATURES.length; k++) {
        const f = SIGNATURE_FEATURES[k]!;
        const x = f.bag === 'words' || (f.slot && (a.bags[f.bag].ids.length === 0 || b.bags[f.bag].ids.length === 0)) ? words : cosines[f.bag][i]![j]!;
        z += model[f.weight] * x;
      }
      const p = 1 / (1 + Math.exp(-z));
      matrix[i]![j] = p;
      matrix[j]![i] = p;
    }
  }
  return matrix;
}

/** Shingle-sketch similarity of two signatures (near-duplicate test for candidate retrieval). */
export { sketchSimilarity };
