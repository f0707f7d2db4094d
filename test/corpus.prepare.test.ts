import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { readInputs } from '../src/ingest/index.js';
import { prepareInline, type PreparedItem } from '../src/corpus/prepare.js';
import { prepareInWorker, type PrepareShares } from '../src/corpus/prepare-thread.js';
import { writerArticle } from './helpers/store-writer.js';

/** A folder with a JSONL file of 40 articles (one line broken) and a text file. */
function inputFolder(articles = 40): string {
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-prepare-'));
  const lines = Array.from({ length: articles }, (_, i) => {
    const a = writerArticle(i);
    return JSON.stringify({ id: a.id, title: a.title, text: a.text, published: a.published });
  });
  lines.splice(17, 0, '{"id": "broken", "text": ');
  writeFileSync(join(dir, 'a.jsonl'), `${lines.join('\n')}\n`);
  writeFileSync(join(dir, 'b.txt'), 'Harbour crews in Velmora cleared the quay on Monday after the storm, the port authority said.\n');
  return dir;
}

/** Everything a prepared item carries, comparable with deepEqual (typed arrays as plain arrays). */
function comparable(batches: readonly PreparedItem[][]): unknown[] {
  return batches.map((batch) => batch.map((item) => ('article' in item ? { ...item, encoded: [...item.encoded] } : item)));
}

/** Drains the worker's batches (waiting `pause` ms after each) and returns them with the shares. */
async function drain(paths: string[], size: number, pause: number, chunk?: number): Promise<{ batches: PreparedItem[][]; shares: PrepareShares }> {
  const generator = prepareInWorker(paths, size, 4, chunk);
  const batches: PreparedItem[][] = [];
  for (;;) {
    const next = await generator.next();
    if (next.done) return { batches, shares: next.value };
    batches.push(next.value);
    if (pause > 0) await sleep(pause);
  }
}

test('preparing in the worker gives the inline batches, whichever thread prepares each batch', async () => {
  const dir = inputFolder();
  const inline: PreparedItem[][] = [];
  for await (const batch of prepareInline(readInputs([dir]), 5)) inline.push(batch);
  assert.equal(inline.flat().length, 42, '40 articles, the broken line and the text file');
  assert.ok(inline.flat().some((item) => !('article' in item)), 'the broken line is a problem, kept in its place');

  // A parent that takes each batch at once waits for the first one: the worker sends that one as read.
  const eager = await drain([dir], 5, 0);
  assert.deepEqual(comparable(eager.batches), comparable(inline));
  assert.ok(eager.shares.parent >= 1, `the waiting parent prepared a batch (${JSON.stringify(eager.shares)})`);

  // A slow parent leaves the worker ahead: it prepares the later batches itself.
  const slow = await drain([dir], 5, 150);
  assert.deepEqual(comparable(slow.batches), comparable(inline));
  assert.ok(slow.shares.worker >= 1, `the worker prepared batches while the parent was busy (${JSON.stringify(slow.shares)})`);
  assert.equal(slow.shares.worker + slow.shares.parent + slow.shares.split, inline.length);
});

test('a parent that starts waiting while the worker is inside a batch gets that batch split: what the worker prepared, the rest prepared by the parent, in input order', async () => {
  const dir = inputFolder(400);
  const inline: PreparedItem[][] = [];
  for await (const batch of prepareInline(readInputs([dir]), 100)) inline.push(batch);
  // An eager parent, a look at its flag after every 2 items: the worker is inside a batch when the parent runs dry.
  const eager = await drain([dir], 100, 0, 2);
  assert.deepEqual(comparable(eager.batches), comparable(inline));
  assert.ok(eager.shares.split >= 1, `a batch was split (${JSON.stringify(eager.shares)})`);
  assert.equal(eager.shares.worker + eager.shares.parent + eager.shares.split, inline.length);
});
