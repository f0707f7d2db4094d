// Number readings that decide a verdict: a sign and an attached multiplier before a currency.
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { analyse } from '../src/analyse/index.js';
import { compareAnalysed } from '../src/pipeline.js';
import type { Article, StoryReport } from '../src/types.js';

/** Each number claim of a story as [status, its mentions "article:text" in order], in order. */
function numberClaims(story: StoryReport): [string, string][] {
  return story.claims
    .filter((c) => c.kind === 'number')
    .map((c): [string, string] => [c.status, c.mentions.map((m) => `${m.article}:${m.text}`).sort().join(' ')])
    .sort((x, y) => x[1].localeCompare(y[1]));
}

function article(id: string, text: string): Article {
  return { id, title: null, text, source: id, url: null, published: '2031-01-12', language: 'en', byline: null, origin: `${id}.txt` };
}

test('"-5 degrees" conflicts with "5 degrees"; "2m euros" agrees with "2 million euros"', async () => {
  const a = article('a', 'The Harbour Council of Port Ellery said on Monday that temperatures fell to -5 degrees overnight and the repair fund reached 2m euros.');
  const b = article('b', 'The Harbour Council of Port Ellery said on Monday that temperatures fell to 5 degrees overnight and the repair fund reached 2 million euros.');
  const [story] = await compareAnalysed([a, b].map(analyse), { encoder: false, cacheDir: null }, 'one-story');
  const numbers = story!.claims.filter((c) => c.kind === 'number').map((c) => [c.status, c.mentions.map((m) => m.text).sort()]);
  assert.deepEqual(
    numbers.sort((x, y) => String(x[1]).localeCompare(String(y[1]))),
    [
      ['conflicting', ['-5 degrees']],
      ['corroborated', ['2 million euros', '2m euros']],
      ['conflicting', ['5 degrees']],
    ].sort((x, y) => String(x[1]).localeCompare(String(y[1]))),
  );
  assert.ok(story!.conflicts.some((c) => JSON.stringify(c).includes('-5 degrees') && JSON.stringify(c).includes('"5 degrees"')));
});

test('one length in two units is one quantity: "5 km" agrees with "5,000 metres" and conflicts with "6,000 metres"; miles stay apart', async () => {
  const text = (x: string): string => `The Harbour Council of Port Ellery said on Monday that the flood barrier will run ${x} along the shore.`;
  const [story] = await compareAnalysed(
    [article('a', text('5 km')), article('b', text('5,000 metres')), article('c', text('6,000 metres')), article('d', text('3 miles'))].map(analyse),
    { encoder: false, cacheDir: null },
    'one-story',
  );
  const numbers = numberClaims(story!);
  assert.deepEqual(numbers, [
    ['conflicting', 'a:5 km b:5,000 metres'],
    ['conflicting', 'c:6,000 metres'],
    ['single-source', 'd:3 miles'],
  ]);
  const conflict = story!.conflicts.find((c) => c.type === 'number');
  assert.ok(conflict);
  assert.deepEqual(new Set(conflict.sides.map((s) => s.text)), new Set(['5 km', '5,000 metres', '6,000 metres']));
});

test('one duration in two units is one quantity: "two hours" agrees with "120 minutes" and conflicts with "90 minutes"; "about an hour" is a duration', async () => {
  const text = (x: string): string => `The Harbour Council of Port Ellery said on Monday that the talks lasted ${x} before the vote.`;
  const [story] = await compareAnalysed(
    [article('a', text('two hours')), article('b', text('120 minutes')), article('c', text('90 minutes'))].map(analyse),
    { encoder: false, cacheDir: null },
    'one-story',
  );
  const numbers = numberClaims(story!);
  assert.deepEqual(numbers, [
    ['conflicting', 'a:two hours b:120 minutes'],
    ['conflicting', 'c:90 minutes'],
  ]);
  const read = analyse(article('d', 'The detour adds about an hour to the trip, the wait under half an hour; an hour later buses run twice an hour at 100 km an hour.')).numbers;
  assert.deepEqual(read.map((n) => [n.text, n.value, n.unit]), [['an hour', 1, 'h'], ['half an hour', 0.5, 'h'], ['100 km', 100, 'km']]);
});

test('one amount in two currencies is a conflict ("2.5 million euros" / "2.5 million dollars"); an amount converted, or given in both, is not', async () => {
  const text = (x: string): string => `The Harbour Council of Port Ellery said on Monday that the ministry pledged ${x} for the flood barrier.`;
  const conflictsOf = async (x: string, y: string) => {
    const [story] = await compareAnalysed([article('a', text(x)), article('b', text(y))].map(analyse), { encoder: false, cacheDir: null }, 'one-story');
    return story!.conflicts.filter((c) => c.type === 'number');
  };
  const swapped = await conflictsOf('2.5 million euros', '2.5 million dollars');
  assert.equal(swapped.length, 1);
  assert.match(swapped[0]!.summary, /^Currency: a says 2\.5 million euros; b says 2\.5 million dollars/);
  assert.deepEqual(await conflictsOf('2.5 million euros', '2.7 million dollars'), []);
  assert.deepEqual(await conflictsOf('€2.5 million ($2.7 million)', '$2.7 million'), []);
});
