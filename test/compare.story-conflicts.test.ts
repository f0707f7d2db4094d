/**
 * Story-level conflicts: one conflict per disagreement (not per article pair), sides grouped by the
 * value each asserts, every article's evidence once; and the ledger keeps durations and
 * publication-day "tonight" out of the claims.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareStory } from '../src/compare/index.js';
import { isDuration, isPublicationDeictic, sameQuantity } from '../src/compare/claims.js';
import { NO_VECTORS } from '../src/similarity/vector.js';
import type { AnalysedArticle, NumberMention, StoryReport } from '../src/types.js';
import { harbour } from './fixtures/compare/harbour.js';

function run(arts: AnalysedArticle[]): StoryReport {
  return compareStory({ id: 'story-h', articles: arts.map((a) => a.article.id) }, arts, NO_VECTORS);
}

test('three outlets, one disagreement each: one conflict per type, not one per pair', () => {
  const r = run(harbour());
  assert.deepEqual(
    r.conflicts.map((c) => c.type),
    ['number', 'actor', 'negation'],
  );
  const texts = new Map(harbour().map((a) => [a.article.id, a.article.text]));
  for (const c of r.conflicts) {
    for (const s of c.sides) assert.equal(texts.get(s.article)!.slice(s.start, s.end), s.text);
    const keys = c.sides.map((s) => `${s.article}:${s.start}:${s.end}`);
    assert.equal(new Set(keys).size, keys.length, 'no side twice');
    for (const id of c.claims) assert.equal(r.claims.find((x) => x.id === id)?.status, 'conflicting');
  }
});

test('actor conflict: sides grouped by what they assert, summary names the outlets', () => {
  const c = run(harbour()).conflicts.find((x) => x.type === 'actor')!;
  assert.deepEqual(
    c.sides.map((s) => [s.article, s.text]),
    [
      ['herald', 'port authority blamed the city council'],
      ['post', 'city council blamed the port authority'],
      ['coast', 'council blamed the port authority'],
    ],
  );
  assert.equal(
    c.summary,
    'Who blamed whom: Dunmore Herald says the port authority blamed the city council; Pellam Post and Coast Daily say the city council blamed the port authority',
  );
});

test('negation conflict: the shared side appears once', () => {
  const c = run(harbour()).conflicts.find((x) => x.type === 'negation')!;
  assert.deepEqual(
    c.sides.map((s) => [s.article, s.value]),
    [
      ['herald', 'not contaminated'],
      ['post', 'contaminated'],
      ['coast', 'contaminated'],
    ],
  );
  assert.equal(c.summary, 'Negation of “contaminated”: Dunmore Herald says “not contaminated”; Pellam Post and Coast Daily say “contaminated”');
});

test('number conflict takes in the outlet stating the same quantity with another counted noun', () => {
  const r = run(harbour());
  const c = r.conflicts.find((x) => x.type === 'number')!;
  assert.deepEqual(
    c.sides.map((s) => [s.article, s.text, s.value]),
    [
      ['herald', '600 residents', '600'],
      ['coast', '600 people', '600'],
      ['post', '900 residents', '900'],
    ],
  );
  assert.equal(c.summary, 'Number of residents: Dunmore Herald and Coast Daily say 600; Pellam Post says 900');
  const six = r.claims.find((x) => x.kind === 'number' && x.value === '600')!;
  assert.deepEqual(six.articles, ['herald', 'coast']);
  assert.equal(six.status, 'conflicting');
});

test('conflict ids and order do not depend on the run', () => {
  assert.deepEqual(run(harbour()).conflicts, run(harbour()).conflicts);
});

test('ledger noise: "two years ago" is no number claim, publication-day "tonight" no date claim', () => {
  const r = run(harbour());
  assert.ok(!r.claims.some((c) => c.kind === 'number' && c.value === '2'), 'two years');
  assert.ok(!r.claims.some((c) => c.kind === 'date' && /tonight/.test(c.text)), 'tonight');
  assert.ok(r.claims.some((c) => c.kind === 'date' && c.text === 'Friday'));
});

const num = (over: Partial<NumberMention>): NumberMention => ({
  start: 0,
  end: 1,
  text: '1',
  value: 1,
  kind: 'count',
  unit: null,
  counted: null,
  countedKey: null,
  sentence: 0,
  ...over,
});

test('isDuration: time quantities in relative phrases only', () => {
  const t = 'The wall was rated weak two years ago. Repairs took three weeks. Sales rose over the past five years. It stood for 40 years. He bought two years of supplies.';
  const at = (s: string) => ({ start: t.indexOf(s), end: t.indexOf(s) + s.length });
  assert.equal(isDuration(t, { ...at('two years'), unit: 'year', countedKey: null, kind: 'measure' }), true);
  assert.equal(isDuration(t, { ...at('five years'), unit: null, countedKey: 'year', kind: 'count' }), true);
  assert.equal(isDuration(t, { ...at('40 years'), unit: 'year', countedKey: null, kind: 'measure' }), true);
  assert.equal(isDuration(t, { ...at('three weeks'), unit: 'week', countedKey: null, kind: 'measure' }), false);
  assert.equal(isDuration(t, { ...at('two years of'), unit: 'year', countedKey: null, kind: 'measure' }), false);
});

test('isPublicationDeictic: "tonight" on the publication day adds nothing; a named day or another day stays', () => {
  assert.equal(isPublicationDeictic('2026-02-06T12:00:00Z', { text: 'tonight', iso: '2026-02-06' }), true);
  assert.equal(isPublicationDeictic('2026-02-06T12:00:00Z', { text: 'Today', iso: '2026-02-06' }), true);
  assert.equal(isPublicationDeictic('2026-02-06T12:00:00Z', { text: 'Friday', iso: '2026-02-06' }), false);
  assert.equal(isPublicationDeictic('2026-02-06T12:00:00Z', { text: 'tonight', iso: '2026-02-07' }), false);
});

test('sameQuantity: equal values in aligned sentences unless the units or the counted things contradict', () => {
  const people = num({ value: 600, countedKey: 'person' });
  const residents = num({ value: 600, countedKey: 'resident' });
  assert.equal(sameQuantity(people, residents, [people], [residents]), true);
  // The first sentence also says 200 residents: its 600 are not residents.
  const otherResidents = num({ value: 200, countedKey: 'resident' });
  assert.equal(sameQuantity(people, residents, [people, otherResidents], [residents]), false);
  assert.equal(sameQuantity(num({ value: 6, kind: 'measure', unit: 'm' }), num({ value: 6, kind: 'measure', unit: 'km' }), [], []), false);
});
