/**
 * The online clusterer bound to a store: its in-memory index is rebuilt from the stored signatures when a
 * store is opened for ingest (no text is read), and article signatures are served from a bounded cache, read
 * from the store on a miss. Memory: the candidate index and per-article numbers grow with the corpus (see
 * `indexBytes`); the signature cache is capped at `cacheSize` entries whatever the corpus size.
 */
import { OnlineClusterer, type OnlineOptions } from '../cluster/online.js';
import { SignatureOnlineModel, type OnlineSignature } from '../cluster/online-model.js';
import { decodeSignature } from '../cluster/signature.js';
import type { Store } from '../store/index.js';

export const SIGNATURE_CACHE = 20_000;

export class StoreClusterer {
  readonly model = new SignatureOnlineModel();
  readonly online: OnlineClusterer<OnlineSignature>;
  /** Weighted signatures by seq (least recently used first), with the weighing epoch they were weighed in. */
  private readonly cache = new Map<number, { signature: OnlineSignature; epoch: number }>();
  /** Bumped by `reweigh`: an entry of an older epoch is weighed again when next used. */
  private epoch = 0;

  constructor(
    private readonly store: Store,
    options: Partial<OnlineOptions> = {},
    private readonly cacheSize = SIGNATURE_CACHE,
  ) {
    this.online = new OnlineClusterer(this.model, (seq) => this.signature(seq), {
      ...options,
      isTaken: (id) => store.getStoryRecord(id) !== null,
      // Only for the id of a story a review splits off (rare): read from the store, not kept in memory.
      hashOf: (seq) => {
        const article = store.getArticle(seq);
        if (!article) throw new Error(`store has no article #${seq}`);
        return article.hash;
      },
    });
  }

  /**
   * Rebuilds the index from every stored, assigned article (seq order), each weighed with the document frequencies
   * of those before it, as the run that placed it weighed it; the first `weighed` of them (what the last completed
   * run weighed again at its end) are weighed again with their own frequencies once they are all in, as a session
   * that kept its index has them (`weighed` counts stored articles: when some were not indexed, e.g. rows without a
   * signature, the count is never reached and all stay weighed as placed). Returns how many were indexed.
   */
  restore(weighed = 0): number {
    // A kept index holds its stories in the order they were created (ties between stories go to the older one):
    // the same order here, whatever order their articles come in.
    const stories = this.store.listStories().sort((a, b) => a.createdSeq - b.createdSeq || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    for (const story of stories) this.online.declareStory(story.id);
    let n = 0;
    for (const page of this.store.allSignatures(2000)) {
      for (const record of page) {
        if (!record.signature || record.story === null) continue;
        if (n === weighed && n > 0) this.reweighNow();
        const signature = this.model.weigh(decodeSignature(record.signature));
        this.remember(record.seq, signature);
        this.online.restore({ seq: record.seq, signature, published: publishedTime(record.published), hash: '' }, record.story);
        n++;
      }
    }
    if (n === weighed && n > 0) this.reweighNow();
    return n;
  }

  /** `reweigh`, then `settle`: every cached signature weighed with the frequencies as they are now. */
  private reweighNow(): void {
    this.reweigh();
    this.settle();
  }

  get cachedSignatures(): number {
    return this.cache.size;
  }

  /**
   * Every cached signature is to be weighed again with the current document frequencies (before a second look):
   * each is weighed when next used, with the same frequencies as now as long as no article is observed in
   * between (the end-of-run review observes none), so the same numbers as weighing them all now, without
   * weighing those the review never reads. `settle` weighs the rest before anything else is observed.
   */
  reweigh(): void {
    this.epoch++;
    this.online.forgetLinks();
  }

  /** Weighs now the cached signatures `reweigh` left for later (before the frequencies change again). */
  settle(): void {
    for (const [seq, entry] of this.cache) if (entry.epoch !== this.epoch) this.cache.set(seq, { signature: this.model.weigh(entry.signature.signature), epoch: this.epoch });
  }

  remember(seq: number, signature: OnlineSignature): void {
    if (this.cache.size >= this.cacheSize) {
      // Drop the oldest entry (Map keeps insertion order; a hit re-inserts, so this is least recently used).
      const oldest = this.cache.keys().next();
      if (!oldest.done) this.cache.delete(oldest.value);
    }
    this.cache.set(seq, { signature, epoch: this.epoch });
  }

  /** The weighted signature of a stored article: from the cache (weighed again if `reweigh` came since), else the store. */
  signature(seq: number): OnlineSignature {
    const hit = this.cache.get(seq);
    if (hit) {
      this.cache.delete(seq);
      const entry = hit.epoch === this.epoch ? hit : { signature: this.model.weigh(hit.signature.signature), epoch: this.epoch };
      this.cache.set(seq, entry);
      return entry.signature;
    }
    const record = this.store.signaturesBySeq([seq]).get(seq);
    if (!record?.signature) throw new Error(`store has no signature for article #${seq}`);
    const signature = this.model.weigh(decodeSignature(record.signature));
    this.remember(seq, signature);
    return signature;
  }
}

/** ms since the epoch of an ISO date, or NaN. */
export function publishedTime(published: string | null): number {
  return published ? Date.parse(published) : NaN;
}
