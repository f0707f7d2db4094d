/**
 * The online clusterer's model on story signatures: the same pairwise decision as the batch (`STORY_SIMILARITY`
 * over `signatureLinkProbability`), IDF from running per-bag document frequencies, and candidate keys:
 *  - LSH over the MinHash sketch: LSH_BANDS bands of LSH_ROWS bins each (two texts sharing a band are likely
 *    near-duplicates or close rewrites);
 *  - the TOP_TERMS highest-weighted (TF-IDF at arrival) terms of the names bag and of the words bag (same
 *    event, other wording);
 *  - across languages: the TOP_ANCHORS heaviest anchor keys, and a Russian or French article's TOP_TERMS heaviest
 *    English glosses keyed like words (an English rewrite and its original find each other) — for an article not in
 *    English, and for every article once one has been observed (an English-only corpus pays nothing for them; an
 *    English article stored before the first other-language one is still found through the glosses).
 * An article is weighted once, when it arrives or is first loaded, with the frequencies of that moment
 * (`weigh`); the small drift of IDF as the corpus grows is accepted for speed.
 */
import { DocumentFrequencies, signatureLinkMatrix, signatureLinkProbability, weighSignature, type WeightedSignature } from './signature-decision.js';
import type { SignatureBag, StorySignature } from './signature-types.js';
import { SignatureLinker } from './signature-linker.js';
import { STORY_SIMILARITY, type StoryModel } from './similarity-matrix.js';
import type { OnlineModel } from './online.js';
import { topTerms } from '../text/sorted.js';

/**
 * 10 bands of 4 of the sketch's 64 bins: a pair sharing half its shingles is a candidate with probability
 * 1 − (1 − 0.5⁴)¹⁰ ≈ 0.48, at 0.7 ≈ 0.94 (the top-term keys find the rest of a story). 16 bands cost 40% more
 * index memory for no gain: ECB+ through ingest 0.961 / 0.957 either way, and on the generated 30k corpus B³
 * F1 0.991 with 16, 0.994 with 10 (fewer chance collisions of templated text).
 */
export const LSH_BANDS = 10;
export const LSH_ROWS = 4;
export const TOP_TERMS = 6;
/** Anchor keys (names as transliteration-proof keys) among the candidate keys: how an article finds its translations. */
export const TOP_ANCHORS = 3;

/** A signature with its weighted form, as the online clusterer handles it. */
export interface OnlineSignature {
  signature: StorySignature;
  weighted: WeightedSignature;
}

export class SignatureOnlineModel implements OnlineModel<OnlineSignature> {
  readonly frequencies = new DocumentFrequencies();
  readonly threshold: number;
  readonly rescueThreshold: number;
  readonly rescueMaxSize: number;

  /** The scattered bags of the article `linksFrom` last prepared. */
  private readonly linker: SignatureLinker;

  constructor(private readonly model: StoryModel = STORY_SIMILARITY) {
    this.linker = new SignatureLinker(model);
    this.threshold = model.threshold;
    this.rescueThreshold = model.rescueThreshold;
    this.rescueMaxSize = model.rescueMaxSize;
  }

  /** The weighted form of a signature under the current frequencies. */
  weigh(signature: StorySignature): OnlineSignature {
    return { signature, weighted: weighSignature(signature, this.frequencies) };
  }

  /** Whether an article in a language other than English has been observed (then articles find each other across languages). */
  private multilingual = false;

  observe(s: OnlineSignature): void {
    this.frequencies.add(s.signature);
    if (s.signature.language !== 'en' && s.signature.language !== '') this.multilingual = true;
  }

  link(a: OnlineSignature, b: OnlineSignature): number {
    return signatureLinkProbability(a.weighted, b.weighted, this.model);
  }

  /** `b => link(a, b)` through a's scattered bags (./signature-linker.ts): valid until the next call. */
  linksFrom(a: OnlineSignature): (b: OnlineSignature) => number {
    const linker = this.linker.load(a.weighted);
    return (b) => linker.link(b.weighted);
  }

  linkMatrix(signatures: readonly OnlineSignature[]): Float64Array[] {
    return signatureLinkMatrix(
      signatures.map((s) => s.weighted),
      this.model,
    );
  }

  /** Candidate keys of the signatures in use (computed once per weighted signature; reviews ask again and again). */
  private readonly keysOf = new WeakMap<OnlineSignature, number[]>();

  candidateKeys(s: OnlineSignature): readonly number[] {
    let keys = this.keysOf.get(s);
    if (!keys) {
      // Cross-language keys for an article not in English, and for every article once the corpus has one (before
      // that, an English-only corpus pays nothing for them).
      keys = computeCandidateKeys(s, this.multilingual || (s.signature.language !== 'en' && s.signature.language !== ''));
      this.keysOf.set(s, keys);
    }
    return keys;
  }
}

/** LSH band keys of the sketch, then the top terms of the names and the words bags, and across languages the top anchors and glosses (see the module comment). */
function computeCandidateKeys(s: OnlineSignature, acrossLanguages: boolean): number[] {
  const keys: number[] = [];
  const sketch = s.signature.sketch;
  if (sketch.length >= LSH_BANDS * LSH_ROWS) {
    for (let band = 0; band < LSH_BANDS; band++) {
      let h = Math.imul(0x9e3779b1, band + 1);
      for (let r = 0; r < LSH_ROWS; r++) h = Math.imul(h ^ sketch[band * LSH_ROWS + r]!, 0x01000193);
      keys.push(h | 0);
    }
  }
  for (const [bag, salt, k] of [
    ['names', 0x5bd1e995, TOP_TERMS],
    ['words', 0x27d4eb2f, TOP_TERMS],
  ] as const satisfies readonly (readonly [SignatureBag, number, number])[]) {
    for (const id of topTerms(s.weighted.bags[bag], k)) keys.push(Math.imul(id ^ salt, 0x85ebca6b) | 0);
  }
  if (!acrossLanguages) return keys;
  // Across languages: names as anchor keys, and a Russian or French article's English glosses under the words' salt
  // (they meet an English article's top words).
  for (const [bag, salt, k] of [
    ['anchors', 0x68e31da4, TOP_ANCHORS],
    ['glosses', 0x27d4eb2f, TOP_TERMS],
  ] as const satisfies readonly (readonly [SignatureBag, number, number])[]) {
    for (const id of topTerms(s.weighted.bags[bag], k)) keys.push(Math.imul(id ^ salt, 0x85ebca6b) | 0);
  }
  return keys;
}

/** The k heaviest terms of a bag (src/text/sorted.ts), used here for candidate stories. */
export { topTerms };
