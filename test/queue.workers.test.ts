/**
 * Report jobs on a BullMQ queue shared by worker processes (src/queue/): `ingest --queue` places the articles and
 * queues one job per changed story; `corroborate worker` processes take them. Two workers, one killed while it
 * works: every story ends with its report at its latest change tick, and no report is computed and saved twice.
 * Runs on every store backend of test/store-backends.ts when CORROBORATE_TEST_REDIS names a Redis server
 * (`.ci/run` starts one); skipped otherwise.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Queue } from 'bullmq';
import { networkCorpus, networkJsonlLine } from '../bench/outlet-network-corpus.js';
import { openJobs, queueConnection, reportQueueName } from '../src/queue/report-queue.js';
import { META_REPORTS_WRITTEN, openStore } from '../src/store/index.js';
import { runCli } from './helpers/cli.js';
import { repoRoot } from './helpers/paths.js';
import { storeBackends } from './store-backends.js';

const REDIS = process.env.CORROBORATE_TEST_REDIS || null;
const skip = REDIS ? false : 'CORROBORATE_TEST_REDIS is not set (no Redis to test against)';
const dir = mkdtempSync(join(tmpdir(), 'corroborate-queue-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const entry = fileURLToPath(new URL('./helpers/cli-entry.ts', import.meta.url));

/**
 * 12 fictional events, each told by a wire, 3 outlets and 6 copying sites (about 12 stories of 10 articles), dealt
 * into `parts` files article by article (so every story gets articles from each file).
 */
function corpusFiles(parts = 1): string[] {
  const articles = networkCorpus({ events: 12 }).articles;
  return Array.from({ length: parts }, (_, i) => {
    const file = join(dir, `corpus-${parts}-${i}.jsonl`);
    writeFileSync(file, articles.filter((_, k) => k % parts === i).map(networkJsonlLine).join(''));
    return file;
  });
}

/** A `corroborate worker` process; resolves with its exit code and standard error. */
function startWorker(db: string, queue: string): { child: ChildProcess; done: Promise<{ code: number | null; stderr: string }> } {
  const child = spawn(process.execPath, ['--import', 'tsx', entry, 'worker', '--db', db, '--queue', queue, '--threads', '1', '--until-empty', '--lock-seconds', '20'], {
    cwd: repoRoot,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<{ code: number | null; stderr: string }>((resolve) => child.on('close', (code) => resolve({ code, stderr })));
  return { child, done };
}

/** The store's queue (its name from the store), for a look or a clean-up. */
async function withQueue<T>(db: string, url: string, fn: (queue: Queue) => Promise<T>): Promise<T> {
  const store = openStore(db);
  const queue = new Queue(reportQueueName(store), { connection: queueConnection(url) });
  store.close();
  try {
    return await fn(queue);
  } finally {
    await queue.close();
  }
}

async function emptyQueue(db: string, url: string): Promise<void> {
  await withQueue(db, url, (queue) => queue.obliterate({ force: true }));
}

for (const backend of storeBackends(dir)) {
  test(`${backend.prefix}two workers share the report jobs; one killed mid-way: nothing lost, nothing done twice`, { skip, timeout: 240_000 }, async () => {
    const queue = REDIS!;
    const db = backend.location();
    const ingest = runCli(['ingest', ...corpusFiles(), '--db', db, '--queue', queue]);
    assert.equal(ingest.status, 0, ingest.stderr);
    let store = openStore(db, { readonly: true });
    const stories = store.listStories({ limit: 100 }).filter((s) => s.size >= 2);
    assert.ok(stories.length >= 10, `${stories.length} stories`);
    assert.match(ingest.stderr, new RegExp(`; ${stories.length} report jobs queued at redis://`));
    assert.equal(staleComparable(db).length, stories.length, 'no report computed by ingest --queue');
    store.close();

    const a = startWorker(db, queue);
    const b = startWorker(db, queue);
    // Kill A once the workers are at it (some reports saved, most not): it dies inside a job or between two.
    await waitFor(() => reportsWritten(db) >= 2, 120_000);
    a.child.kill('SIGKILL');
    const [killed, survivor] = await Promise.all([a.done, b.done]);
    assert.equal(killed.code, null, 'A was killed');
    assert.equal(survivor.code, 0, survivor.stderr);

    store = openStore(db, { readonly: true });
    try {
      assert.deepEqual(staleComparable(db), [], 'every story of two or more articles has its report at its latest tick');
      for (const s of stories) assert.equal(store.getStoryRecord(s.id)!.reportSeq, s.updatedSeq, s.id);
      assert.equal(Number(store.getMeta(META_REPORTS_WRITTEN)), stories.length, 'each report computed and saved once');
    } finally {
      store.close();
    }
    await emptyQueue(db, queue);
  });

  test(`${backend.prefix}a story queued at two ticks is computed once, at its latest; a worker on a missing store takes nothing`, { skip, timeout: 240_000 }, async () => {
    const queue = REDIS!;
    const db = backend.location();
    const [first, second] = corpusFiles(2);
    assert.equal(runCli(['ingest', first!, '--db', db, '--queue', queue]).status, 0);
    const early = await withQueue(db, queue, openJobs);
    const later = runCli(['ingest', second!, '--db', db, '--queue', queue]);
    assert.equal(later.status, 0, later.stderr);
    const queued = await withQueue(db, queue, openJobs);
    assert.ok(queued > early, `${queued} jobs after the second ingest, ${early} after the first`);
    const stories = staleComparable(db);
    assert.ok(queued > stories.length, `some stories have a job at two ticks (${queued} jobs, ${stories.length} stories)`);

    const typo = runCli(['worker', '--db', `${db}-typo`.replace('?schema=', '?schema=typo_'), '--queue', queue, '--until-empty']);
    assert.equal(typo.status, 4, typo.stderr);
    assert.match(typo.stderr, /no store at /);
    assert.equal(await withQueue(db, queue, openJobs), queued, 'the jobs are still there');

    const [a, b] = await Promise.all([startWorker(db, queue).done, startWorker(db, queue).done]);
    assert.equal(a.code, 0, a.stderr);
    assert.equal(b.code, 0, b.stderr);
    assert.deepEqual(staleComparable(db), []);
    assert.equal(reportsWritten(db), stories.length, 'each story computed once, at its latest tick');
    const superseded = [a, b].reduce((n, r) => n + Number(/(\d+) superseded by a newer job/.exec(r.stderr)?.[1] ?? 0), 0);
    assert.ok(superseded > 0, `${a.stderr}\n${b.stderr}`);
    await emptyQueue(db, queue);
  });
}

test('worker: a queue that cannot be reached is exit 5 with one line; --queue must be a redis:// URL', { skip: false }, () => {
  openStore(join(dir, 'w.db')).close();
  const bad = runCli(['worker', '--db', join(dir, 'w.db'), '--queue', 'http://127.0.0.1:1']);
  assert.equal(bad.status, 2, bad.stderr);
  assert.match(bad.stderr, /--queue http:\/\/127\.0\.0\.1:1 is not a redis:\/\/ URL/);
  const none = runCli(['worker', '--db', join(dir, 'w.db')], {});
  assert.equal(none.status, 2, none.stderr);
  const down = runCli(['worker', '--db', join(dir, 'w.db'), '--queue', 'redis://127.0.0.1:1', '--until-empty']);
  assert.equal(down.status, 5, down.stderr);
  assert.equal(down.stderr.trim().split('\n').length, 2, down.stderr); // the start line, then why it stopped
  assert.match(down.stderr, /queue at redis:\/\/127\.0\.0\.1:1 cannot be used \(.*ECONNREFUSED/);
  const short = runCli(['worker', '--db', join(dir, 'w.db'), '--queue', 'redis://127.0.0.1:1', '--lock-seconds', '2']);
  assert.equal(short.status, 2, short.stderr);
  assert.match(short.stderr, /--lock-seconds 2 is below 20/);
});

/** Stale stories of two or more articles (a story of one has nothing to compare: no report until asked for). */
function staleComparable(db: string): string[] {
  const store = openStore(db, { readonly: true });
  try {
    return store.staleStories().filter((id) => store.getStoryRecord(id)!.size >= 2);
  } finally {
    store.close();
  }
}

function reportsWritten(db: string): number {
  const store = openStore(db, { readonly: true });
  try {
    return Number(store.getMeta(META_REPORTS_WRITTEN) ?? 0);
  } finally {
    store.close();
  }
}

async function waitFor(ok: () => boolean, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}
