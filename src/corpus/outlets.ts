/**
 * The outlet and network view over a store: the stored report of every live story (newest first, or those with an
 * article published since a date), read one at a time into the pure outlet stage (src/outlets/). A story of one
 * article has no report (nothing to compare): its article counts from the store (it is first in its story, rewrites
 * nothing). A story whose report is missing or stale (it changed since: ingested with --no-ledgers, or not yet
 * recomputed) is counted in `withoutReport` and left out — a stale report names members the story may no longer have.
 */
import { outletNetwork, type OutletInput, type OutletNetwork } from '../outlets/index.js';
import type { Store } from '../store/index.js';
import type { Report } from '../types.js';

export function storeOutletNetwork(store: Store, options: { since?: string } = {}): OutletNetwork & { withoutReport: number } {
  let withoutReport = 0;
  function* inputs(): Generator<OutletInput> {
    for (const s of store.listStories(options.since ? { since: options.since } : {})) {
      if (s.size === 1) {
        const articles = store.articlesOf(s.id).map((a) => ({ id: a.id, source: a.source, published: a.published, text: a.text }));
        yield { articles, stories: [{ id: s.id, articles: articles.map((a) => a.id), claims: [], conflicts: [], derivation: [] }] };
        continue;
      }
      const stored = store.getReport(s.id);
      if (!stored || stored.stale) {
        withoutReport++;
        continue;
      }
      yield JSON.parse(stored.json) as Report;
    }
  }
  const network = outletNetwork(inputs());
  return { ...network, withoutReport };
}
