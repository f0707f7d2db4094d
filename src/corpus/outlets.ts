/**
 * The outlet and network view over a store: the stored report of every live story (newest first, or those with an
 * article published since a date), read one at a time into the pure outlet stage (src/outlets/). A story of one
 * article has no report (nothing to compare): its article counts from the store (it is first in its story, rewrites
 * nothing). Each report is read as the outlet digest the store keeps beside it (src/outlets/digest.ts; a report
 * stored without one, or with another version's, is read whole and digested). A story whose report is missing or
 * stale (it changed since: ingested with --no-ledgers, or not yet recomputed) is counted in `withoutReport` and left
 * out — a stale report names members the story may no longer have.
 *
 * `NetworkMemo` keeps the last view per window for a long-running reader (the HTTP server): it is computed again
 * only when a story changed or appeared, or a report was written (the stories' change and report ticks and the
 * store's count of report writes are the key).
 */
import { createHash } from 'node:crypto';
import { DIGEST_VERSION, outletDigest, outletNetwork, parseDigest, type OutletDigest, type OutletNetwork } from '../outlets/index.js';
import { META_REPORTS_WRITTEN, type Store, type StoryRecord } from '../store/index.js';
import { encodeReport } from '../store/report-codec.js';
import type { Report } from '../types.js';

export type StoreNetwork = OutletNetwork & { withoutReport: number };

export function storeOutletNetwork(store: Store, options: { since?: string } = {}): StoreNetwork {
  return networkOf(store, store.listStories(options.since ? { since: options.since } : {}));
}

function networkOf(store: Store, stories: readonly StoryRecord[]): StoreNetwork {
  let withoutReport = 0;
  function* inputs(): Generator<OutletDigest> {
    for (const s of stories) {
      if (s.size === 1) {
        const articles = store.articlesOf(s.id).map((a) => ({ id: a.id, title: a.title, source: a.source, published: a.published, text: a.text }));
        yield outletDigest({ articles, stories: [{ id: s.id, articles: articles.map((a) => a.id), claims: [], conflicts: [], derivation: [] }] });
        continue;
      }
      const stored = store.getReportDigest(s.id);
      if (!stored || stored.stale) {
        withoutReport++;
        continue;
      }
      // A report stored without a digest of this version (by an older version) is read whole and digested here.
      const digest = stored.digest !== null && stored.version === DIGEST_VERSION ? parseDigest(stored.digest) : null;
      if (digest) yield digest;
      else {
        const report = store.getReport(s.id);
        if (report && !report.stale) yield outletDigest(JSON.parse(report.json) as Report);
        else withoutReport++;
      }
    }
  }
  const network = outletNetwork(inputs());
  return { ...network, withoutReport };
}

/** The last network per window of one store, recomputed when the store's stories or reports changed. */
export class NetworkMemo {
  private readonly cache = new Map<string, { key: string; network: Promise<StoreNetwork> }>();

  /**
   * `compute`: how a network is computed (default: here, from this store; the server passes one that runs in a
   * worker thread, ./network-thread.ts). Requests of one window while it runs share the same computation.
   */
  constructor(
    private readonly store: Store,
    private readonly compute: (window: { since?: string }) => Promise<StoreNetwork> = (window) => Promise.resolve(storeOutletNetwork(store, window)),
  ) {}

  get(options: { since?: string } = {}): Promise<StoreNetwork> {
    const window = options.since ?? '';
    const stories = this.store.listStories(options.since ? { since: options.since } : {});
    const hash = createHash('sha256');
    // Every report write counts (a report rewritten at the same tick changes no story tick).
    hash.update(`${this.store.getMeta(META_REPORTS_WRITTEN) ?? 0}\u0002`);
    for (const s of stories) hash.update(`${s.id}\u0000${s.size}\u0000${s.updatedSeq}\u0000${s.reportSeq ?? ''}\u0001`);
    const key = hash.digest('hex');
    const hit = this.cache.get(window);
    if (hit && hit.key === key) return hit.network;
    const network = this.compute(options.since ? { since: options.since } : {});
    // A failed computation is not kept: the next request tries again.
    network.catch(() => {
      if (this.cache.get(window)?.network === network) this.cache.delete(window);
    });
    // A few windows at most: the oldest goes first.
    if (!this.cache.has(window) && this.cache.size >= 4) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(window, { key, network });
    return network;
  }
}

/**
 * Gives every current stored report its outlet digest of this DIGEST_VERSION: reports stored before digests were
 * kept, or with a digest of another version. A stale report is left to its recomputation. Each story's report is read,
 * digested and its digest written in one write transaction, so a report written meanwhile (at the same tick too)
 * never gets the digest of the one before. Returns how many digests were written; `progress` after each.
 * `corroborate ingest` runs it after the ledgers.
 */
export function backfillDigests(store: Store, progress?: (done: number, total: number) => void): number {
  if (store.readonly) return 0;
  const ids = store.reportsToDigest(DIGEST_VERSION);
  let written = 0;
  ids.forEach((id, i) => {
    store.transaction(() => {
      const report = store.getReport(id);
      if (!report || report.stale) return;
      const data = encodeReport(JSON.stringify(outletDigest(JSON.parse(report.json) as Report)));
      if (store.setReportDigest(report.story, report.seq, { version: DIGEST_VERSION, data })) written++;
    });
    progress?.(i + 1, ids.length);
  });
  return written;
}
