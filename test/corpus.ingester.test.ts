import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store } from '../src/store/index.js';
import { CorpusIngester, type IngestedArticle } from '../src/corpus/ingest.js';
import type { Article, InputProblem } from '../src/types.js';
import { writerArticle } from './helpers/store-writer.js';
import { StoreClusterer } from '../src/corpus/clusterer.js';
import { prepareArticle } from '../src/corpus/prepare.js';

function tempStore(): Store {
  return openStore(join(mkdtempSync(join(tmpdir(), 'corroborate-ingester-')), 'news.db'));
}

async function* items(list: Array<Article | InputProblem>): AsyncIterable<Article | InputProblem> {
  for (const item of list) yield item;
}

const range = (from: number, to: number): Article[] => Array.from({ length: to - from }, (_, k) => writerArticle(from + k));
const stories = (store: Store): string[][] => store.listStories({ order: 'biggest' }).map((s) => [s.id, ...store.memberIds(s.id)]);

test('an ingest session keeps its index between runs: same stories as fresh sessions that rebuild it from the store', async () => {
  const kept = tempStore();
  const session = new CorpusIngester(kept, { batchSize: 7 });
  const first = await session.ingest(items(range(0, 30)));
  const second = await session.ingest(items(range(30, 60)));
  assert.equal(first.restored, 0);
  assert.equal(second.restored, 0, 'the second run reuses the index');
  assert.equal(first.added + second.added, 60);

  const rebuilt = tempStore();
  await new CorpusIngester(rebuilt, { batchSize: 7 }).ingest(items(range(0, 30)));
  const again = await new CorpusIngester(rebuilt, { batchSize: 7 }).ingest(items(range(30, 60)));
  assert.equal(again.restored, 30, 'a new session indexes what is stored');
  assert.deepEqual(stories(kept), stories(rebuilt));
});

test('an ingest session notices another ingest into its store and rebuilds its index', async () => {
  const store = tempStore();
  const session = new CorpusIngester(store);
  await session.ingest(items(range(0, 20)));
  await new CorpusIngester(store).ingest(items(range(20, 40)));
  const third = await session.ingest(items(range(40, 60)));
  assert.equal(third.restored, 40);

  const single = tempStore();
  const one = new CorpusIngester(single);
  for (const [from, to] of [[0, 20], [20, 40], [40, 60]] as const) await one.ingest(items(range(from, to)));
  assert.deepEqual(stories(store), stories(single));
});

test('an ingest session reports each article as new, duplicate or conflict, in input order, and problems as skipped', async () => {
  const store = tempStore();
  const session = new CorpusIngester(store, { batchSize: 2 });
  await session.ingest(items(range(0, 3)));
  const changed = { ...writerArticle(1), text: `${writerArticle(1).text} One more sentence.` };
  const renamed = { ...writerArticle(2), id: 'copy-of-w2' };
  const bad: InputProblem = { kind: 'problem', input: 'post', line: 1, message: 'no text' };
  const note: InputProblem = { kind: 'problem', input: 'post', line: 2, message: "'published' \"soon\" of 'w3' is not a date", kept: true };
  const seen: IngestedArticle[] = [];
  const problems: string[] = [];
  const summary = await session.ingest(items([note, writerArticle(3), bad, changed, renamed]), {
    onArticle: (a) => seen.push(a),
    onProblem: (p) => problems.push(`${p.input}:${p.line ?? ''}: ${p.message}`),
  });
  assert.deepEqual(seen, [
    { id: 'w3', status: 'new' },
    { id: 'w1', status: 'conflict' },
    { id: 'w2', status: 'duplicate' },
  ]);
  assert.deepEqual([summary.read, summary.added, summary.duplicates, summary.conflicts, summary.skipped], [3, 1, 1, 1, 1]);
  assert.deepEqual(problems.slice(0, 2), [`post:2: 'published' "soon" of 'w3' is not a date`, 'post:1: no text'], 'a note is said, not counted as skipped');
  assert.match(problems[2]!, /id 'w1' is already stored with other content/);
  assert.equal(store.getArticle('w1')?.text, writerArticle(1).text, 'the stored article is not overwritten');
  assert.notEqual(store.getArticle('w3')?.story, null);
});

/** Articles from our own crash-test corpus shape: 40 events, 3 rewordings each, in arrival order. */
function events(count = 40): Article[] {
  const out: Article[] = [];
  for (let s = 0; s < count; s++) {
    const place = `Vel${s.toString(36)}ora`;
    const person = `Mara Quin${s.toString(36)}`;
    for (let k = 0; k < 3; k++) {
      const verb = ['said', 'told reporters', 'confirmed'][k]!;
      const text =
        `The harbour authority of ${place} closed berth ${s} after a crane collapsed on pier ${s % 7}, ${person} ${verb}. ` +
        `Crews from ${place} worked through the night; ${10 + s} containers were moved and ${s % 5} workers were treated. ` +
        `${person} expects the berth at ${place} to reopen within ${2 + (s % 4)} days.`;
      out.push({ id: `e${s}-${k}`, title: null, text, source: `Outlet ${k}`, url: null, published: new Date(Date.UTC(2031, 0, 1) + s * 3_600_000 + k * 60_000).toISOString(), language: 'en', byline: null, origin: `e${s}-${k}` });
    }
  }
  return out;
}

test('stories are reviewed as they go quiet during a run: the pending list holds only recent stories', async () => {
  const store = tempStore();
  const pendingSizes: number[] = [];
  const summary = await new CorpusIngester(store, { batchSize: 6, reviewEarlyAfter: 0 }).ingest(items(events()), {
    onProgress: () => pendingSizes.push(Object.keys(JSON.parse(store.getMeta('pending-stories') ?? '{}') as object).length),
  });
  // After each batch's commit (before its review) at most the stories of the last 3 batches (18 articles) are pending.
  assert.equal(pendingSizes.length, 20);
  assert.ok(Math.max(...pendingSizes) <= 18, `pending ${pendingSizes.join(',')}`);
  assert.ok(summary.storiesCreated > 18);
  assert.equal(store.getMeta('pending-stories'), '{}', 'nothing left to review');
  assert.equal(store.stats().unassigned, 0);
  // Without early reviews everything waits for the end of the run.
  const late = tempStore();
  const latePending: number[] = [];
  await new CorpusIngester(late, { batchSize: 6, reviewEarlyAfter: Infinity }).ingest(items(events()), {
    onProgress: () => latePending.push(Object.keys(JSON.parse(late.getMeta('pending-stories') ?? '{}') as object).length),
  });
  assert.ok(latePending[latePending.length - 1]! > 18);
});

test('a run that dies after a commit, before or after its review, then runs again: the stories of one uninterrupted run', async () => {
  const all = events();
  const settings = { batchSize: 6, reviewEarlyAfter: 0 };
  const clean = tempStore();
  await new CorpusIngester(clean, settings).ingest(items(all));
  const died = new Error('killed');
  // Dies between a batch's commit and the review that follows it (onProgress runs in between) ...
  const one = tempStore();
  let batches = 0;
  await assert.rejects(
    new CorpusIngester(one, settings).ingest(items(all), {
      onProgress: () => {
        if (++batches === 7) throw died;
      },
    }),
    died,
  );
  assert.ok(one.getMeta('pending-stories') !== '{}', 'the dead run left stories to review');
  await new CorpusIngester(one, settings).ingest(items(all));
  assert.deepEqual(stories(one), stories(clean));
  // ... or while reading the next batch, after its reviews.
  const two = tempStore();
  async function* dying(): AsyncIterable<Article> {
    for (const [i, a] of all.entries()) {
      if (i === 6 * 11 + 2) throw died;
      yield a;
    }
  }
  await assert.rejects(new CorpusIngester(two, settings).ingest(dying()), died);
  await new CorpusIngester(two, settings).ingest(items(all));
  assert.deepEqual(stories(two), stories(clean));
});

test('reweigh: a cached signature is weighed again when next used, with the frequencies of the reweigh (settle: all of them now)', () => {
  const c = new StoreClusterer(tempStore());
  const sigs = range(0, 20).map((a) => prepareArticle(a).signature);
  sigs.forEach((s, seq) => {
    const weighted = c.model.weigh(s);
    c.remember(seq, weighted);
    c.model.observe(weighted);
  });
  const arrival = c.signature(3).weighted;
  c.reweigh();
  const now = c.signature(3).weighted;
  assert.notDeepEqual(now, arrival, 'weighed with the frequencies of 20 articles, not of 3');
  assert.deepEqual(now, c.model.weigh(sigs[3]!).weighted);
  assert.equal(c.signature(3).weighted, now, 'once');
  const atReweigh = c.model.weigh(sigs[7]!).weighted;
  c.settle();
  c.model.observe(c.model.weigh(sigs[0]!));
  assert.deepEqual(c.signature(7).weighted, atReweigh, 'settled before the frequencies changed');
});

test('an article with the same text and source as a stored one under another id is named in a line, not dropped without a word', async () => {
  const store = tempStore();
  const a = writerArticle(1);
  const copy: Article = { ...a, id: 'w1-copy', origin: 'copies.jsonl:2' };
  const lines: string[] = [];
  const summary = await new CorpusIngester(store).ingest(items([a, copy]), { onProblem: (p) => lines.push(`${p.input}: ${p.message}`) });
  assert.equal(summary.added, 1);
  assert.equal(summary.duplicates, 1);
  assert.deepEqual(lines, [`copies.jsonl:2: 'w1-copy' has the same text and source as 'w1', already stored; not stored again`]);
  // The same article again under its own id (a second run) is a duplicate without a line.
  lines.length = 0;
  const again = await new CorpusIngester(store).ingest(items([a]), { onProblem: (p) => lines.push(p.message) });
  assert.equal(again.duplicates, 1);
  assert.deepEqual(lines, []);
});
