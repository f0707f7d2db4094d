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
  private readonly cache = new Map<number, OnlineSignature>();

  constructor(
    private readonly store: Store,
    options: Partial<OnlineOptions> = {},
    private readonly cacheSize = SIGNATURE_CACHE,
  ) {
    this.online = new OnlineClusterer(this.model, (seq) => this.signatureOf(seq), {
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

  /** Rebuilds the index from every stored, assigned article (seq order). Returns how many were indexed. */
  restore(): number {
    let n = 0;
    for (const page of this.store.allSignatures(2000)) {
      for (const record of page) {
        if (!record.signature || record.story === null) continue;
        const signature = this.model.weigh(decodeSignature(record.signature));
        this.remember(record.seq, signature);
        this.online.restore({ seq: record.seq, signature, published: publishedTime(record.published), hash: '' }, record.story);
        n++;
      }
    }
    return n;
  }

  get cachedSignatures(): number {
    return this.cache.size;
  }

  /** Weighs every cached signature again with the current document frequencies (before a second look). */
  reweigh(): void {
    for (const [seq, s] of this.cache) this.cache.set(seq, this.model.weigh(s.signature));
  }

  remember(seq: number, signature: OnlineSignature): void {
    if (this.cache.size >= this.cacheSize) {
      // Drop the oldest entry (Map keeps insertion order; a hit re-inserts, so this is least recently used).
      const oldest = this.cache.keys().next();
      if (!oldest.done) this.cache.delete(oldest.value);
    }
    this.cache.set(seq, signature);
  }

  private signatureOf(seq: number): OnlineSignature {
    const hit = this.cache.get(seq);
    if (hit) {
      this.cache.delete(seq);
      this.cache.set(seq, hit);
      return hit;
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
