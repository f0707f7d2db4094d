/**
 * One article's links to many others, faster than `signatureLinkProbability` pair by pair. Placing an article
 * reads its links to up to `maxStories × sampleMembers` stored articles (~22 per article on the real-derived
 * corpus, ~170 words each): the pairwise form merges both sorted bags for every pair; here the article's bags are
 * scattered once into open-addressing tables, and each other article's bags are read once, its ids looked up. The
 * products are added in the same (ascending id) order as `bagCosine` adds them, so every link is the same number
 * as `signatureLinkProbability` gives (test/cluster.signature.test.ts checks it).
 */
import {
  crossLanguage,
  nearCopyTerm,
  signatureLinkProbability,
  SIGNATURE_FEATURES,
  timeGap,
  titleTermApplies,
  type SignatureModel,
  type WeightedBag,
  type WeightedSignature,
} from './signature-decision.js';

/** The bags a same-language link reads: the features' and the title's. */
const LINK_BAGS = [...SIGNATURE_FEATURES.map((f) => f.bag), 'title'] as const;
const TITLE_AT = LINK_BAGS.length - 1;

/**
 * A bag's weights by term id: open addressing over the id's low bits (ids are FNV-1a hashes), load ≤ 0.25 (most
 * lookups end at their first slot). A slot holds 1 + the entry's index in the bag (0: empty).
 */
class ScatteredBag {
  private slots = new Int32Array(64);
  private mask = 63;
  private ids: Uint32Array = new Uint32Array(0);
  private weights: Float64Array = new Float64Array(0);
  size = 0;

  fill(bag: WeightedBag): void {
    const n = bag.ids.length;
    if (n * 4 > this.slots.length) {
      let cap = this.slots.length;
      while (n * 4 > cap) cap *= 2;
      this.slots = new Int32Array(cap);
      this.mask = cap - 1;
    } else this.slots.fill(0);
    this.size = n;
    this.ids = bag.ids;
    this.weights = bag.weights;
    const { slots, mask } = this;
    for (let i = 0; i < n; i++) {
      let at = bag.ids[i]! & mask;
      while (slots[at] !== 0) at = (at + 1) & mask;
      slots[at] = i + 1;
    }
  }

  /** The dot product with `bag` (unit bags: the cosine), summed in `bag`'s id order. */
  dot(bag: WeightedBag): number {
    if (this.size === 0) return 0;
    const { slots, mask, ids: mine, weights } = this;
    const ids = bag.ids;
    const w = bag.weights;
    let dot = 0;
    for (let j = 0; j < ids.length; j++) {
      const id = ids[j]!;
      for (let at = id & mask, e = slots[at]!; e !== 0; at = (at + 1) & mask, e = slots[at]!) {
        if (mine[e - 1] === id) {
          dot += weights[e - 1]! * w[j]!;
          break;
        }
      }
    }
    return dot;
  }
}

/**
 * Links from one article to others, reusing its scattered bags: `linker.load(a)`, then `linker.link(b)` for each
 * other article (until the next `load`).
 */
export class SignatureLinker {
  private readonly scattered = LINK_BAGS.map(() => new ScatteredBag());
  private readonly weights: number[];
  private readonly wordsAt = SIGNATURE_FEATURES.findIndex((f) => f.bag === 'words');
  private a: WeightedSignature | null = null;

  constructor(private readonly model: SignatureModel) {
    this.weights = SIGNATURE_FEATURES.map((f) => model[f.weight]);
  }

  load(a: WeightedSignature): this {
    this.a = a;
    for (let k = 0; k < LINK_BAGS.length; k++) this.scattered[k]!.fill(a.bags[LINK_BAGS[k]!]);
    return this;
  }

  /** `signatureLinkProbability(a, b, model)` for the loaded a. */
  link(b: WeightedSignature): number {
    const a = this.a;
    if (a === null) throw new Error('SignatureLinker.link before load');
    const model = this.model;
    if (crossLanguage(a, b)) return signatureLinkProbability(a, b, model);
    const scattered = this.scattered;
    const words = scattered[this.wordsAt]!.dot(b.bags.words);
    let z = model.bias;
    for (let k = 0; k < SIGNATURE_FEATURES.length; k++) {
      const f = SIGNATURE_FEATURES[k]!;
      const x = k === this.wordsAt || (f.slot && (scattered[k]!.size === 0 || b.bags[f.bag].ids.length === 0)) ? words : scattered[k]!.dot(b.bags[f.bag]);
      z += this.weights[k]! * x;
    }
    z -= timeGap(a.day, b.day, model);
    if (titleTermApplies(a, b, model)) z += model.titleWeight * (scattered[TITLE_AT]!.dot(b.bags.title) - model.titleCenter);
    z += nearCopyTerm(a, b);
    return 1 / (1 + Math.exp(-z));
  }
}
