/**
 * The outlet and network view over a store: the stored report of every story (newest first, or those with an
 * article published since a date), read one at a time into the pure outlet stage (src/outlets/). Stories without a
 * stored report (ingested with --no-ledgers and never asked for) are counted, not computed here.
 */
import { outletNetwork, type OutletNetwork } from '../outlets/index.js';
import type { Store } from '../store/index.js';
import type { Report } from '../types.js';

export function storeOutletNetwork(store: Store, options: { since?: string } = {}): OutletNetwork & { withoutReport: number } {
  let withoutReport = 0;
  function* reports(): Generator<Report> {
    for (const s of store.listStories(options.since ? { since: options.since } : {})) {
      const stored = store.getReport(s.id);
      if (!stored) {
        withoutReport++;
        continue;
      }
      yield JSON.parse(stored.json) as Report;
    }
  }
  const network = outletNetwork(reports());
  return { ...network, withoutReport };
}
