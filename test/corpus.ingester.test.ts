import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store } from '../src/store/index.js';
import { CorpusIngester, type IngestedArticle } from '../src/corpus/ingest.js';
import type { Article, InputProblem } from '../src/types.js';
import { writerArticle } from './helpers/store-writer.js';

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
  const seen: IngestedArticle[] = [];
  const problems: string[] = [];
  const summary = await session.ingest(items([writerArticle(3), bad, changed, renamed]), {
    onArticle: (a) => seen.push(a),
    onProblem: (p) => problems.push(`${p.input}:${p.line ?? ''}: ${p.message}`),
  });
  assert.deepEqual(seen, [
    { id: 'w3', status: 'new' },
    { id: 'w1', status: 'conflict' },
    { id: 'w2', status: 'duplicate' },
  ]);
  assert.deepEqual([summary.read, summary.added, summary.duplicates, summary.conflicts, summary.skipped], [3, 1, 1, 1, 1]);
  assert.equal(problems[0], 'post:1: no text');
  assert.match(problems[1]!, /id 'w1' is already stored with other content/);
  assert.equal(store.getArticle('w1')?.text, writerArticle(1).text, 'the stored article is not overwritten');
  assert.notEqual(store.getArticle('w3')?.story, null);
});
