/**
 * `npm run bench:ingest -- --db postgres://… [N] [--queue redis://…]` (default N = 5,000; queue: $CORROBORATE_QUEUE,
 * else redis://127.0.0.1:6379): the scale-out path (docs/SCALE-OUT.md) on a real-derived corpus (bench/real-corpus.ts;
 * one line and exit 0 when ../shared/data is absent). For 1 and then 2 worker processes: a fresh PostgreSQL schema;
 * `corroborate ingest --queue` (placement in one lane, one report job per story) in a fresh process; then that many
 * `corroborate worker --threads 1 --until-empty` processes side by side until the queue is empty. Prints the
 * placement rate, the ledger phase's wall time and articles/s per worker count, and the speed-up of 2 workers over
 * 1 (goal ≥ 1.7×), then this machine's own ceiling for two processes doing this work (bench/cpu-scaling.ts). Each
 * worker is one process with one report thread, as one machine's worker would be one of many.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { jsonlLine, realCorpus, realDataMissing } from './real-corpus.js';
import { builtIsCurrent, runCliChild, type ChildRun } from './cli-child.js';
import { describeScaling, machineScaling } from './cpu-scaling.js';
import { queueConnection, reportQueueName } from '../src/queue/report-queue.js';
import { PgConnection } from '../src/store/pg-bridge.js';
import { openStore } from '../src/store/index.js';

const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = args.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return undefined;
  return args[i]!.includes('=') ? args[i]!.slice(name.length + 3) : args[i + 1];
};
const db = flag('db')!;
const queue = flag('queue') ?? process.env.CORROBORATE_QUEUE ?? 'redis://127.0.0.1:6379';
const n = Number(args.find((a, i) => /^\d+$/.test(a) && !/^--(db|queue)$/.test(args[i - 1] ?? '')) ?? 5_000);

console.log(`scale-out bench: ${builtIsCurrent() ? 'the built CLI (dist/)' : 'the sources through tsx (npm run build for dist/)'}; store ${db.replace(/\/\/([^:/@]*):[^@/]*@/, '//$1:***@')}, queue ${queue}`);
const missing = realDataMissing();
if (missing) {
  console.log(`bench:ingest --db: ${missing}; skipped`);
  process.exit(0);
}
const dir = mkdtempSync(join(tmpdir(), 'corroborate-scale-out-'));
const schemas: string[] = [];
try {
  const file = join(dir, 'corpus.jsonl');
  writeFileSync(file, [...realCorpus(n)].map(jsonlLine).join(''));
  console.log(`real-derived corpus: ${n.toLocaleString('en')} articles`);
  const seconds: Record<number, number> = {};
  for (const workers of [1, 2]) {
    const schema = `bench_scale_${process.pid}_${workers}`;
    schemas.push(schema);
    const url = `${db}${db.includes('?') ? '&' : '?'}schema=${schema}`;
    const place = await runCliChild(['ingest', file, '--db', url, '--queue', queue]);
    check(place, 'ingest --queue');
    const t0 = performance.now();
    const runs = await Promise.all(Array.from({ length: workers }, () => runCliChild(['worker', '--db', url, '--queue', queue, '--threads', '1', '--until-empty'])));
    const ledger = (performance.now() - t0) / 1000;
    runs.forEach((r) => check(r, 'worker'));
    seconds[workers] = ledger;
    const store = openStore(url);
    await emptyQueue(reportQueueName(store));
    const stats = store.stats();
    const stale = store.staleStories().filter((id) => store.getStoryRecord(id)!.size >= 2).length;
    store.close();
    console.log(
      `${workers} worker${workers === 1 ? ' ' : 's'}: placement ${place.seconds.toFixed(1)} s (${Math.round(n / place.seconds).toLocaleString('en')} articles/s, queueing included); ` +
        `ledger phase ${ledger.toFixed(1)} s (${Math.round(n / ledger).toLocaleString('en')} articles/s); end to end ${Math.round(n / (place.seconds + ledger)).toLocaleString('en')} articles/s; ` +
        `${stats.reports.toLocaleString('en')} reports, ${stale} stories left without one; worker peak RSS ${runs.map((r) => `${(r.rss / 2 ** 20).toFixed(0)} MiB`).join(', ')}`,
    );
  }
  const speedUp = seconds[1]! / seconds[2]!;
  console.log(`ledger phase speed-up, 2 workers over 1: ${speedUp.toFixed(2)}× [goal ≥ 1.7×: ${speedUp >= 1.7 ? 'MET' : 'MISSED'}]`);
  for (const kind of ['analysis', 'compare'] as const) console.log(`this machine's own ceiling for the same work: ${describeScaling(await machineScaling(kind))} (bench/cpu-scaling.ts)`);
} finally {
  const conn = new PgConnection(db);
  for (const s of schemas) conn.query(`DROP SCHEMA IF EXISTS "${s}" CASCADE`);
  conn.close();
  rmSync(dir, { recursive: true, force: true });
}

function check(run: ChildRun, what: string): void {
  if (run.code === 0) return;
  console.log(`${what}: exit ${run.code}\n${run.stderr}`);
  process.exit(1);
}

/** Removes what is left of a store's queue in Redis (nothing, after workers ran with --until-empty, but its keys). */
async function emptyQueue(name: string): Promise<void> {
  const q = new Queue(name, { connection: queueConnection(queue) });
  await q.obliterate({ force: true });
  await q.close();
}
