/**
 * `npm run bench:ingest -- [N] [--review-at-end] [--no-threads] [--batch=K]` (default N = 100000): builds a corpus of N
 * articles from the project's own examples (bench/corpus-generator.ts), writes it as JSONL, ingests it into a
 * fresh store (story assignment included, ledgers excluded), and reports articles/s overall and per 10% of the
 * corpus (is the time per article flat as the corpus grows?), the memory the ingest keeps per article (JS heap
 * plus typed arrays, after GC), RSS, and the stories' B³ F1 against the generator's own stories.
 * `--review-at-end` reviews every story at the end of the run instead of as it goes quiet; `--no-threads`
 * reads and prepares in the ingesting thread; `--batch=K` sets the articles per transaction (default 500).
 * `npm run bench:ingest -- --db postgres://… [N]` runs the scale-out bench instead (bench/scale-out.bench.ts).
 */
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readInputs, isProblem } from '../src/ingest/index.js';
import { CorpusIngester } from '../src/corpus/ingest.js';
import { openStore } from '../src/store/index.js';
import type { Article } from '../src/types.js';
import { generateCorpus } from './corpus-generator.js';
import { bCubed } from '../eval/metrics/clustering.js';

// `--db postgres://…`: the scale-out bench (placement in one lane, the ledgers by 1 and 2 worker processes).
if (process.argv.slice(2).some((a) => a === '--db' || a.startsWith('--db='))) {
  await import('./scale-out.bench.js');
  process.exit(process.exitCode ?? 0);
}

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const n = Number(args.find((a) => !a.startsWith('--')) ?? 100_000);
const reviewAtEnd = args.includes('--review-at-end');
const threads = !args.includes('--no-threads');
const batchArg = args.find((a) => a.startsWith('--batch='));
const batchSize = batchArg ? Number(batchArg.slice('--batch='.length)) : undefined;
/** Memory the process keeps in JS objects and typed arrays (after a GC when exposed). */
const kept = (): number => {
  global.gc?.();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};
/** This thread's JS heap after a GC (typed-array contents, and the worker's in-flight batches, are outside it). */
const heap = (): number => {
  global.gc?.();
  return process.memoryUsage().heapUsed;
};
const dir = mkdtempSync(join(tmpdir(), 'corroborate-bench-ingest-'));
try {
  const examples: Article[] = [];
  for await (const item of readInputs([join(root, 'examples')])) if (!isProblem(item)) examples.push(item);
  const file = join(dir, 'corpus.jsonl');
  const out = createWriteStream(file);
  for (const a of generateCorpus(examples, n)) {
    if (!out.write(`${JSON.stringify({ id: a.id, title: a.title, text: a.text, source: a.source, published: a.published })}\n`)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((r) => out.end(r));
  const bytes = statSync(file).size;

  const heapBefore = kept();
  const store = openStore(join(dir, 'bench.db'));
  const started = performance.now();
  const marks: { read: number; ms: number }[] = [];
  const step = Math.max(1, Math.floor(n / 10));
  let next = step;
  let placedAt = 0;
  // Memory at 30% and 90% of the run: both mid-run (same in-flight batches), the signature cache full at both
  // for N ≥ 70k; the difference is what grows with the corpus.
  const memoryAt: { read: number; heap: number }[] = [];
  const ingester = new CorpusIngester(store, { ...(batchSize ? { batchSize } : {}), ...(reviewAtEnd ? { reviewEarlyAfter: Infinity } : {}) });
  const summary = await ingester.ingestPaths([file], {
    threads,
    onProgress: (s) => {
      placedAt = performance.now();
      if ((memoryAt.length === 0 && s.read >= n * 0.3) || (memoryAt.length === 1 && s.read >= n * 0.9)) memoryAt.push({ read: s.read, heap: heap() });
      if (s.read >= next) {
        marks.push({ read: s.read, ms: placedAt - started });
        process.stderr.write(`  ${s.read} placed after ${((placedAt - started) / 1000).toFixed(1)} s\n`);
        next += step;
      }
    },
  });
  const total = performance.now() - started;
  const heapAfter = kept();
  const stats = store.stats();
  // Quality against the generator's stories (article g<s>-<k> belongs to story s).
  const predicted: string[] = [];
  const truth: string[] = [];
  for (const s of store.listStories()) {
    for (const id of store.memberIds(s.id)) {
      predicted.push(s.id);
      truth.push(id.slice(0, id.indexOf('-')));
    }
  }
  const quality = bCubed(predicted, truth);
  store.close();

  const rate = (count: number, ms: number): string => `${Math.round((count / ms) * 1000).toLocaleString('en')}/s`;
  console.log(`corpus: ${n.toLocaleString('en')} articles, ${(bytes / 1e6).toFixed(1)} MB of JSONL; ${stats.stories.toLocaleString('en')} stories`);
  console.log(`ingest + story assignment: ${(total / 1000).toFixed(1)} s, ${rate(n, total)} (placement ${rate(n, placedAt - started)}, end-of-run regrouping ${((total - placedAt + started) / 1000).toFixed(1)} s)`);
  console.log(`summary: ${JSON.stringify(summary)}`);
  let prev = { read: 0, ms: 0 };
  const curve = marks.map((m) => {
    const r = `${(m.read / 1000).toFixed(0)}k: ${(((m.ms - prev.ms) / (m.read - prev.read)) * 1000).toFixed(0)} µs/article`;
    prev = m;
    return r;
  });
  console.log(`time per article by decile (placement): ${curve.join(', ')}`);
  const index = ingester.memory();
  console.log(
    `index in typed arrays: candidate postings and per-article numbers ${Math.round(index.indexBytes / n)} bytes/article, document frequencies ${Math.round(index.frequencyBytes / n)} bytes/article; ${index.cachedSignatures.toLocaleString('en')} signatures cached (bounded)`,
  );
  console.log(`stories vs the generator's: B³ P ${quality.precision.toFixed(3)} R ${quality.recall.toFixed(3)} F1 ${quality.f1.toFixed(3)} (${reviewAtEnd ? 'review at the end' : 'review as stories go quiet'}${threads ? '' : ', no worker thread'})`);
  const [m30, m90] = memoryAt;
  const growth = m30 && m90 ? `; JS heap growth from ${m30.read.toLocaleString('en')} to ${m90.read.toLocaleString('en')} articles ${Math.round((m90.heap - m30.heap) / (m90.read - m30.read))} bytes/article (story objects and ids; the signature cache is full by then for N ≥ 70k)` : '';
  console.log(`memory kept (heap + typed arrays, after GC, incl. the bounded signature cache): ${Math.round((heapAfter - heapBefore) / n)} bytes/article overall${growth}${global.gc ? '' : ' (run with --expose-gc for exact numbers)'}; RSS ${Math.round(process.memoryUsage().rss / 2 ** 20)} MiB`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
