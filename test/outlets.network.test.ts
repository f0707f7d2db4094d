/**
 * The outlet and network view on a generated corpus (bench/outlet-network-corpus.ts: a fictional wire, three honest
 * outlets writing their own reports, six network sites rewriting the wire within an hour and inventing quotes in a
 * planted share of their articles, some with machine-rewrite leftovers), through corpus ingest and stored reports.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { networkCorpus } from '../bench/outlet-network-corpus.js';
import { CorpusIngester } from '../src/corpus/ingest.js';
import { backfillDigests, storeOutletNetwork } from '../src/corpus/outlets.js';
import { networkOffThread } from '../src/corpus/network-thread.js';
import { refreshReports } from '../src/corpus/reports.js';
import { openStore } from '../src/store/index.js';
import Database from 'better-sqlite3';
import { DIGEST_VERSION, outletDigest } from '../src/outlets/index.js';
import type { Article, Report } from '../src/types.js';

test('the network is one group, the wire its top source; lags, invented-quote shares and leftovers as planted', async () => {
  const corpus = networkCorpus();
  const { planted } = corpus;
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-network-'));
  try {
    const store = openStore(join(dir, 'news.db'));
    async function* items(): AsyncGenerator<Article> {
      yield* corpus.articles;
    }
    await new CorpusIngester(store).ingest(items());
    await refreshReports(store, { encoder: false, cacheDir: null }, 'test');
    const net = storeOutletNetwork(store);
    // Read from the digests kept with the reports; the same as digesting each stored report now.
    const first = store.listStories({ order: 'biggest', limit: 1 })[0]!;
    const kept = store.getReportDigest(first.id)!;
    assert.equal(kept.stale, false);
    assert.deepEqual(JSON.parse(kept.digest!), outletDigest(JSON.parse(store.getReport(first.id)!.json) as Report));
    store.close();
    // Reports without a digest (written before digests were kept) or with another version's: the reports are read
    // instead, and `backfillDigests` (run by `corroborate ingest`) gives them the digest again.
    const raw = new Database(join(dir, 'news.db'));
    const removed = raw.prepare(`DELETE FROM report_digests WHERE rowid % 2 = 0`).run().changes;
    const older = raw.prepare(`UPDATE report_digests SET version = version - 1 WHERE rowid = (SELECT min(rowid) FROM report_digests)`).run().changes;
    raw.close();
    assert.ok(removed > 0 && older === 1);
    const old = openStore(join(dir, 'news.db'));
    assert.equal(old.reportsToDigest(DIGEST_VERSION).length, removed + older);
    assert.deepEqual(storeOutletNetwork(old), net, 'the same network from the reports themselves');
    assert.equal(backfillDigests(old), removed + older);
    assert.deepEqual(old.reportsToDigest(DIGEST_VERSION), []);
    assert.equal(backfillDigests(old), 0, 'nothing left to do');
    assert.deepEqual(storeOutletNetwork(old), net);
    old.close();
    // The server's way: computed in a worker thread on its own read-only connection; the same network.
    assert.deepEqual(await networkOffThread({ path: join(dir, 'news.db') }), net);
    await assert.rejects(networkOffThread({ path: join(dir, 'missing.db') }), /network worker: .*missing\.db/);
    const by = new Map(net.outlets.map((o) => [o.outlet, o]));

    const group = net.groups.find((g) => g.outlets.includes(planted.network[0]!));
    assert.ok(group, JSON.stringify(net.groups));
    assert.deepEqual(group.outlets, [...planted.network].sort(), 'the six sites, and no other outlet');
    for (const site of planted.network) {
      const o = by.get(site)!;
      assert.equal(o.topSources[0]?.outlet, planted.wire, `${site}: ${JSON.stringify(o.topSources)}`);
      assert.ok(Math.abs(o.medianLagMinutes! - planted.medianLagMinutes[site]!) <= 5, `${site} lag ${o.medianLagMinutes} vs ${planted.medianLagMinutes[site]}`);
      assert.ok(Math.abs(o.inventingShare - planted.inventedShare[site]!) <= 0.1, `${site} invents ${o.inventingShare} vs ${planted.inventedShare[site]}`);
    }
    for (const honest of planted.honest) assert.equal(by.get(honest)!.inventingShare, 0, honest);
    // The sites copy the wire's text; the honest outlets tell the story in their own words.
    const copied = Math.min(...planted.network.map((site) => by.get(site)!.medianReuse!));
    const ownWords = Math.max(...planted.honest.map((o) => by.get(o)!.medianReuse ?? 0));
    assert.ok(copied >= 0.85 && ownWords <= copied - 0.1, `text reused: network ≥ ${copied}, honest ≤ ${ownWords}`);
    assert.equal(by.get(planted.wire)!.firstShare, 1, 'the wire is first in every story');
    assert.equal(by.get(planted.wire)!.rewrites, 0);
    const found = new Set(net.outlets.flatMap((o) => o.traces.map((t) => t.article)));
    assert.deepEqual([...found].sort(), planted.leftovers.map((l) => l.article).sort(), 'every leftover found, nothing else');
    const wireEdges = net.edges.filter((e) => e.from === planted.wire && planted.network.includes(e.to));
    assert.equal(wireEdges.length, planted.network.length);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
