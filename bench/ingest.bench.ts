/**
 * `npm run bench:ingest -- [N]` (default 100000): builds a corpus of N articles from the project's own
 * examples (bench/corpus-generator.ts), writes it as JSONL, ingests it into a fresh store (story assignment
 * included, ledgers excluded), and reports articles/s overall and per 10% of the corpus (is the time per
 * article flat as the corpus grows?), the index's bytes per article, heap and RSS.
 */
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readInputs, isProblem } from '../src/ingest/index.js';
import { ingestCorpus } from '../src/corpus/ingest.js';
import { openStore } from '../src/store/index.js';
import type { Article } from '../src/types.js';
import { generateCorpus } from './corpus-generator.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const n = Number(process.argv[2] ?? 100_000);
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

  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const store = openStore(join(dir, 'bench.db'));
  const started = performance.now();
  const marks: { read: number; ms: number }[] = [];
  const step = Math.max(1, Math.floor(n / 10));
  let next = step;
  let placedAt = 0;
  const summary = await ingestCorpus([file], store, {
    batchSize: 500,
    onProgress: (s) => {
      placedAt = performance.now();
      if (s.read >= next) {
        marks.push({ read: s.read, ms: placedAt - started });
        process.stderr.write(`  ${s.read} placed after ${((placedAt - started) / 1000).toFixed(1)} s\n`);
        next += step;
      }
    },
  });
  const total = performance.now() - started;
  global.gc?.();
  const heapAfter = process.memoryUsage().heapUsed;
  const stats = store.stats();
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
  console.log(`heap growth: ${Math.round((heapAfter - heapBefore) / n)} bytes/article (run with --expose-gc for exact numbers); RSS ${Math.round(process.memoryUsage().rss / 2 ** 20)} MiB`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
