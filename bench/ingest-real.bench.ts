/**
 * `npm run bench:ingest:real -- [N]` (default N = 20,000): the default corpus path a user runs, on a real-derived
 * corpus (bench/real-corpus.ts `realCorpus`: light rewrites of the articles in ../shared/data, 50 outlets; one
 * line and exit 0 when ../shared/data is absent). Two fresh stores, each ingested by a fresh `corroborate ingest`
 * process: with ledgers (the default: placement, then every changed story's report in worker threads) and with
 * `--no-ledgers`. Prints articles/s end to end, wall time, peak RSS of the process (its worker threads included),
 * and the stories and reports stored; then the targets (≥ 500/s with ledgers, ≥ 2,000/s without); then what a second
 * process adds on this machine for the report phase's analysis and comparison (bench/cpu-scaling.ts).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../src/store/index.js';
import { builtIsCurrent, runCliChild } from './cli-child.js';
import { jsonlLine, realCorpus, realDataMissing } from './real-corpus.js';
import { describeScaling, machineScaling } from './cpu-scaling.js';

const n = Number(process.argv[2] ?? 20_000);
console.log(`ingest runs ${builtIsCurrent() ? 'the built CLI (dist/)' : 'the sources through tsx (dist/ is missing or older than src/: npm run build)'}`);
const missing = realDataMissing();
if (missing) {
  console.log(`bench:ingest:real: ${missing}; skipped`);
  process.exit(0);
}
const dir = mkdtempSync(join(tmpdir(), 'corroborate-ingest-real-'));
try {
  const file = join(dir, 'corpus.jsonl');
  const lines: string[] = [];
  for (const a of realCorpus(n)) lines.push(jsonlLine(a));
  writeFileSync(file, lines.join(''));
  console.log(`real-derived corpus: ${n.toLocaleString('en')} articles (${(lines.reduce((b, l) => b + Buffer.byteLength(l), 0) / 1e6).toFixed(1)} MB JSONL)`);
  for (const [label, flags, target] of [
    ['with ledgers (default)', [], 500],
    ['--no-ledgers', ['--no-ledgers'], 2000],
  ] as const) {
    const db = join(dir, `${flags.length}.db`);
    const { rss, stderr, code, seconds } = await runCliChild(['ingest', file, '--db', db, ...flags]);
    if (code !== 0) {
      console.log(`${label}: exit ${code}\n${stderr}`);
      process.exitCode = 1;
      continue;
    }
    const store = openStore(db, { readonly: true });
    const stats = store.stats();
    const biggest = store.listStories({ order: 'biggest', limit: 3 }).map((s) => s.size);
    store.close();
    const rate = n / seconds;
    console.log(
      `${label.padEnd(24)} ${seconds.toFixed(1)} s, ${Math.round(rate).toLocaleString('en')} articles/s end to end ` +
        `[target ≥ ${target.toLocaleString('en')}/s: ${rate >= target ? 'MET' : 'MISSED'}]; peak RSS ${(rss / 2 ** 20).toFixed(0)} MiB; ` +
        `${stats.stories.toLocaleString('en')} stories (biggest ${biggest.join(', ')}), ${stats.reports.toLocaleString('en')} reports`,
    );
    console.log(`  ${stderr.trim().split('\n').pop()}`);
  }
  // What the second core adds to the report phase's work on this machine (the ceiling of the two report threads).
  for (const kind of ['analysis', 'compare'] as const) console.log(`second core: ${describeScaling(await machineScaling(kind))} (bench/cpu-scaling.ts)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
