/**
 * `npm run bench:outlets [-- N] [--fresh]` (also the second part of `npm run bench`): `corroborate outlets` and
 * `corroborate network` on a store of N articles (default 100,000), each in a fresh process as a user runs them
 * (text, JSON and HTML), with wall time and peak RSS; target ≤ 30 s each.
 *
 * The store: the real-derived corpus (bench/real-corpus.ts `realCorpus(N)`: light rewrites of the articles in
 * ../shared/data by 50 outlets; big stories included) ingested by `corroborate ingest` with ledgers (the default
 * path: every story's report and its outlet digest stored), or, when ../shared/data is absent, the generated
 * network corpus (bench/outlet-network-corpus.ts, N/10 events of a wire, 3 honest outlets and a 6-site network).
 * Building it takes minutes (100,000 articles: ~8 min on 2 cores), so it is kept in the temp folder under a name
 * that carries N, the corpus kind and the store schema, the analyser and digest versions, and reused by the next
 * run (its build time is printed when it is built); --fresh builds it again.
 */
import { existsSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ANALYSIS_VERSION } from '../src/analyse/index.js';
import { DIGEST_VERSION } from '../src/outlets/index.js';
import { MIGRATIONS } from '../src/store/migrations.js';
import { openStore } from '../src/store/index.js';
import { builtIsCurrent, runCliChild } from './cli-child.js';
import { networkCorpus } from './outlet-network-corpus.js';
import { jsonlLine, realCorpus, realDataMissing } from './real-corpus.js';

const TARGET_SECONDS = 30;
const args = process.argv.slice(2);
const n = Number(args.find((a) => /^\d+$/.test(a)) ?? 100_000);
const fresh = args.includes('--fresh');
const kind = realDataMissing() === null ? 'real' : 'generated';

console.log(`outlets/network run ${builtIsCurrent() ? 'the built CLI (dist/)' : 'the sources through tsx (dist/ is missing or older than src/: npm run build)'}`);
const db = join(tmpdir(), `corroborate-bench-outlets-${kind}-${n}-s${MIGRATIONS.length}-a${ANALYSIS_VERSION}-d${DIGEST_VERSION}.db`);
if (fresh || !existsSync(db)) {
  for (const suffix of ['', '-wal', '-shm']) rmSync(db + suffix, { force: true });
  const file = `${db}.jsonl`;
  const articles = kind === 'real' ? [...realCorpus(n)] : networkCorpus({ events: Math.ceil(n / 10) }).articles.slice(0, n);
  writeFileSync(file, articles.map(jsonlLine).join(''));
  console.log(`building the store: ${n.toLocaleString('en')} ${kind === 'real' ? 'real-derived' : 'generated (../shared/data is absent)'} articles (${(statSync(file).size / 1e6).toFixed(0)} MB JSONL) → ${db}`);
  // Built under another name and renamed when complete: a run stopped half-way leaves nothing to reuse.
  const building = `${db}.building`;
  for (const suffix of ['', '-wal', '-shm']) rmSync(building + suffix, { force: true });
  const built = await runCliChild(['ingest', file, '--db', building]);
  rmSync(file, { force: true });
  if (built.code !== 0) {
    console.log(`ingest failed (exit ${built.code}):\n${built.stderr}`);
    for (const suffix of ['', '-wal', '-shm']) rmSync(building + suffix, { force: true });
    process.exit(1);
  }
  for (const suffix of ['', '-wal', '-shm']) if (existsSync(building + suffix)) renameSync(building + suffix, db + suffix);
  console.log(`  ingest with ledgers: ${built.seconds.toFixed(0)} s (${Math.round(n / built.seconds)} articles/s), peak RSS ${(built.rss / 2 ** 20).toFixed(0)} MiB`);
} else {
  console.log(`reusing the store ${db} (--fresh builds it again)`);
}
const store = openStore(db, { readonly: true });
const stats = store.stats();
const biggest = store.listStories({ order: 'biggest', limit: 3 }).map((s) => s.size);
store.close();
console.log(`store: ${stats.articles.toLocaleString('en')} articles, ${stats.stories.toLocaleString('en')} stories (biggest ${biggest.join(', ')}), ${stats.reports.toLocaleString('en')} reports, ${(statSync(db).size / 1e9).toFixed(2)} GB`);

let missed = false;
for (const [command, format] of [
  ['outlets', 'text'],
  ['outlets', 'json'],
  ['network', 'json'],
  ['network', 'html'],
] as const) {
  const out = join(tmpdir(), `corroborate-bench-${command}.${format}`);
  const run = await runCliChild([command, '--db', db, '--format', format, '--out', out]);
  if (run.code !== 0) {
    console.log(`${command} --format ${format}: exit ${run.code}\n${run.stderr}`);
    process.exitCode = 1;
    continue;
  }
  const met = run.seconds <= TARGET_SECONDS;
  missed ||= !met;
  console.log(
    `${`${command} --format ${format}`.padEnd(26)} ${run.seconds.toFixed(1).padStart(6)} s [target ≤ ${TARGET_SECONDS} s: ${met ? 'MET' : 'MISSED'}]; peak RSS ${(run.rss / 2 ** 20).toFixed(0)} MiB; output ${(statSync(out).size / 1e6).toFixed(1)} MB`,
  );
  rmSync(out, { force: true });
}
console.log(missed ? 'some targets MISSED' : 'all targets met');
