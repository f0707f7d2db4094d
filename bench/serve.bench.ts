/**
 * `npm run bench:serve -- [N]` (default 2000): a temp store of N generated articles (bench/corpus-generator.ts,
 * from the project's own examples), ingested with CorpusIngester, the reports of the benchmarked stories
 * computed beforehand; the server on 127.0.0.1:0; then autocannon with a bounded number of requests per
 * endpoint (10 connections) against the story list, a search, a stored story report and the UI page.
 * Prints requests/s, p50/p99 latency, errors and non-2xx answers, and RSS/heap before and after.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { readInputs, isProblem } from '../src/ingest/index.js';
import { CorpusIngester } from '../src/corpus/ingest.js';
import { storyReport } from '../src/corpus/reports.js';
import { openStore } from '../src/store/index.js';
import { startServer } from '../src/server/start.js';
import { resolveUiDir } from '../src/server/ui-dir.js';
import type { Article, InputProblem } from '../src/types.js';
import { generateCorpus } from './corpus-generator.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const n = Number(process.argv[2] ?? 2000);
const AMOUNT = 2000;
const CONNECTIONS = 10;
const dir = mkdtempSync(join(tmpdir(), 'corroborate-bench-serve-'));

function memory(): string {
  global.gc?.();
  const m = process.memoryUsage();
  return `RSS ${Math.round(m.rss / 2 ** 20)} MiB, heap ${Math.round(m.heapUsed / 2 ** 20)} MiB`;
}

async function* items(list: Article[]): AsyncGenerator<Article | InputProblem> {
  yield* list;
}

try {
  const examples: Article[] = [];
  for await (const item of readInputs([join(root, 'examples')])) if (!isProblem(item)) examples.push(item);
  const store = openStore(join(dir, 'bench.db'));
  const t0 = performance.now();
  const summary = await new CorpusIngester(store).ingest(items([...generateCorpus(examples, n)]));
  const ingestMs = performance.now() - t0;
  const compare = { encoder: false, cacheDir: join(dir, 'cache') };
  // The stories the report endpoint hits: the biggest few, reports computed and stored now.
  const hit = store.listStories({ order: 'biggest', limit: 5 }).map((s) => s.id);
  const t1 = performance.now();
  for (const id of hit) await storyReport(store, id, compare, 'corroborate bench');
  const reportMs = performance.now() - t1;
  const word = store.articlesOf(hit[0]!)[0]!.text.match(/\b[A-Z][a-z]{4,}\b/)?.[0] ?? 'river';
  const uiDir = resolveUiDir();
  const server = await startServer({ store, uiDir, generator: 'corroborate bench', ...compare, cacheDir: compare.cacheDir, host: '127.0.0.1', port: 0 });
  console.log(`store: ${n} articles, ${store.stats().stories} stories (ingest ${(ingestMs / 1000).toFixed(1)} s, ${summary.added} new; ${hit.length} reports ${(reportMs / 1000).toFixed(1)} s, encoder off); server ${server.url}`);

  const targets: Array<[string, string]> = [
    ['story list', '/api/v1/stories?limit=50'],
    [`search q=${word}`, `/api/v1/stories?q=${encodeURIComponent(word)}`],
    ['story report (stored)', `/api/v1/stories/${encodeURIComponent(hit[0]!)}`],
  ];
  if (uiDir) targets.push(['UI page /', '/']);
  else console.log('UI page /: skipped (dist/ui not built: npm run build)');

  // Warm-up (statement preparation, JIT), then the memory baseline.
  await autocannon({ url: `${server.url.replace(/\/$/, '')}${targets[0]![1]}`, connections: CONNECTIONS, amount: 200 });
  const before = memory();
  console.log(`memory before: ${before}`);
  console.log('endpoint                       req/s    p50 ms   p99 ms   errors  non-2xx  bytes/req');
  for (const [name, path] of targets) {
    const r = await autocannon({ url: `${server.url.replace(/\/$/, '')}${path}`, connections: CONNECTIONS, amount: AMOUNT });
    const perReq = r.requests.total > 0 ? Math.round(r.throughput.total / r.requests.total) : 0;
    console.log(
      `${name.padEnd(28)} ${Math.round(r.requests.total / r.duration).toString().padStart(7)} ${r.latency.p50.toFixed(1).padStart(8)} ${r.latency.p99.toFixed(1).padStart(8)} ${String(r.errors + r.timeouts).padStart(8)} ${String(r.non2xx).padStart(8)} ${String(perReq).padStart(10)}   (${r.requests.total} requests)`,
    );
  }
  // The same again: memory must not grow with the number of requests served.
  for (const [, path] of targets) await autocannon({ url: `${server.url.replace(/\/$/, '')}${path}`, connections: CONNECTIONS, amount: AMOUNT });
  console.log(`memory after ${targets.length * AMOUNT * 2} requests: ${memory()}`);
  await server.close();
  store.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
