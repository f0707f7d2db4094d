import { test } from 'node:test';
import assert from 'node:assert/strict';
import { numberRange, rangesMeet } from '../src/similarity/number-range.js';
import {
  tokenize,
  stem,
  contentStems,
  TermWeights,
  weightedDice,
  weightedContainment,
  tfidfCosine,
  minhashSignature,
  jaccardEstimate,
  jaccard,
  wordShingles,
  charShingles,
  cosine,
  compareSlots,
  sentenceSlots,
  sameSpeaker,
  sameEntity,
} from '../src/similarity/index.js';
import { build } from './fixtures/compare/build.js';

test('tokenize keeps exact offsets, folds case, possessives and number separators', () => {
  const text = 'The Arden’s level hit 6.4 metres; 1,200 residents left.';
  const toks = tokenize(text, 10);
  for (const t of toks) assert.equal(text.slice(t.start - 10, t.end - 10).length, t.end - t.start);
  const arden = toks.find((t) => t.norm === 'arden')!;
  assert.equal(text.slice(arden.start - 10, arden.end - 10), 'Arden’s');
  assert.ok(toks.some((t) => t.norm === '6.4' && t.numeric));
  assert.ok(toks.some((t) => t.stem === '1200'));
  assert.equal(toks.find((t) => t.norm === 'the')!.stop, true);
});

test('stem folds plurals and verb endings to one form', () => {
  assert.equal(stem('residents'), stem('resident'));
  assert.equal(stem('flooded'), stem('flood'));
  assert.equal(stem('localities'), stem('locality'));
  assert.equal(stem('predicted'), stem('predict'));
  assert.notEqual(stem('council'), stem('counsel'));
  assert.deepEqual(contentStems('The river crested at 6.4 metres'), ['river', 'crest', '6.4', 'metr']);
});

test('IDF weighting: rare shared words count more than common ones', () => {
  const docs = [
    ['river', 'flood', 'town'],
    ['river', 'town', 'rain'],
    ['river', 'town', 'kessington', 'evacuate'],
    ['river', 'town', 'shelter'],
  ];
  const w = new TermWeights(docs);
  assert.ok(w.idf('kessington') > w.idf('river'));
  const a = w.set(['river', 'town', 'kessington']);
  const b = w.set(['river', 'town', 'shelter']);
  const c = w.set(['kessington', 'evacuate', 'boat']);
  assert.ok(weightedDice(a, a) > 0.999);
  assert.ok(weightedContainment(w.set(['kessington']), a) > 0.999);
  assert.equal(weightedDice(w.set(['x']), w.set(['y'])), 0);
  assert.ok(weightedDice(a, c) > 0 && weightedDice(a, b) > 0);
  assert.ok(tfidfCosine(['a', 'b'], ['a', 'b'], w) > 0.999);
});

test('minhash is deterministic and estimates Jaccard', () => {
  const a = wordShingles('the quick brown fox jumps over the lazy dog near the river bank today'.split(' '), 2);
  const b = wordShingles('the quick brown fox jumps over the lazy cat near the river bank today'.split(' '), 2);
  const s1 = minhashSignature(a, 256);
  assert.deepEqual(minhashSignature(a, 256), s1);
  const est = jaccardEstimate(s1, minhashSignature(b, 256));
  assert.ok(Math.abs(est - jaccard(a, b)) < 0.12, `estimate ${est} vs ${jaccard(a, b)}`);
  assert.equal(jaccardEstimate(minhashSignature([], 16), minhashSignature([], 16)), 0);
  assert.deepEqual(charShingles('AB  cd', 3), ['ab ', 'b c', ' cd']);
});

test('cosine of Float32Arrays', () => {
  assert.ok(Math.abs(cosine(Float32Array.of(1, 0), Float32Array.of(1, 0)) - 1) < 1e-9);
  assert.equal(cosine(Float32Array.of(1, 0), Float32Array.of(0, 2)), 0);
  assert.equal(cosine(Float32Array.of(0, 0), Float32Array.of(1, 2)), 0);
});

test('slot comparison: counted numbers conflict, shared values agree, negation parity on a shared word', () => {
  const a = build({
    id: 'a',
    text: 'About 800 residents left and 14 roads closed. The water was not contaminated.',
    numbers: [
      { text: '800', value: 800, countedKey: 'resident', counted: 'residents' },
      { text: '14', value: 14, countedKey: 'road', counted: 'roads' },
    ],
  });
  const b = build({
    id: 'b',
    text: 'About 900 residents left and 14 roads closed. The water was contaminated.',
    numbers: [
      { text: '900', value: 900, countedKey: 'resident', counted: 'residents' },
      { text: '14', value: 14, countedKey: 'road', counted: 'roads' },
    ],
  });
  const sa = sentenceSlots(a);
  const sb = sentenceSlots(b);
  const ta = a.sentences.map((s) => tokenize(s.text, s.start));
  const tb = b.sentences.map((s) => tokenize(s.text, s.start));
  const c0 = compareSlots(sa[0]!, sb[0]!, ta[0]!, tb[0]!);
  assert.equal(c0.conflicts.length, 1);
  const n = c0.conflicts[0]!;
  assert.equal(n.kind, 'number');
  assert.equal(n.key, 'resident');
  assert.deepEqual([n.a.value, n.b.value], ['800', '900']);
  assert.equal(a.article.text.slice(n.a.start, n.a.end), '800');
  assert.ok(c0.agreements >= 1);
  const c1 = compareSlots(sa[1]!, sb[1]!, ta[1]!, tb[1]!);
  assert.equal(c1.conflicts.length, 1);
  const neg = c1.conflicts[0]!;
  assert.equal(neg.kind, 'negation');
  assert.equal(neg.a.text, 'not contaminated');
  assert.equal(b.article.text.slice(neg.b.start, neg.b.end), 'contaminated');
  // Same negation on both sides: no conflict.
  const c2 = compareSlots(sa[1]!, sa[1]!, ta[1]!, ta[1]!);
  assert.equal(c2.conflicts.length, 0);
});

test('speakers and entities match by name parts and aliases', () => {
  assert.ok(sameSpeaker('Tomas Reyes', 'Reyes'));
  assert.ok(sameSpeaker('Fire chief Tomas Reyes', 'Tomas Reyes'));
  assert.ok(!sameSpeaker('Elena Marsh', 'Tomas Reyes'));
  assert.ok(!sameSpeaker(null, 'Reyes'));
  const e = (key: string, aliases: string[], type: 'person' | 'place' = 'person') => ({ id: 'e1', type, name: key, key, aliases, mentions: [] });
  assert.ok(sameEntity(e('vladimir putin', ['putin']), e('putin', [])));
  assert.ok(!sameEntity(e('jordan', []), e('jordan', [], 'place')));
});

test('numberRange: the values a number allows, from the qualifier before it (English, Russian, French)', () => {
  const range = (text: string, number: string, value: number, unit: string | null = null) => {
    const start = text.indexOf(number);
    return numberRange(text, { start, end: start + number.length, text: number, value, kind: unit ? 'measure' : 'count', unit, counted: null, countedKey: null, sentence: 0 });
  };
  const near = (r: { low: number; high: number }, low: number, high: number) =>
    assert.ok(Math.abs(r.low - low) < 1e-6 && Math.abs(r.high - high) < 1e-6, `${JSON.stringify(r)} is not [${low}, ${high}]`);
  assert.deepEqual(range('at least 12 shots', '12', 12), { low: 12, high: Infinity });
  // In the base unit (src/similarity/quantity.ts): 40 km is 40,000 m.
  assert.deepEqual(range('up to 40 km', '40', 40, 'km'), { low: -Infinity, high: 40_000 });
  near(range('nearly 100 homes', '100', 100), 95, 100);
  near(range('a fall of nearly -5 degrees', '-5', -5), -5, -4.75);
  near(range('about 200 homes', '200', 200), 190, 210);
  assert.deepEqual(range('не менее 87 населённых пунктов', '87', 87), { low: 87, high: Infinity });
  assert.deepEqual(range('au moins 87 localités', '87', 87), { low: 87, high: Infinity });
  // Strict bounds exclude the number itself.
  const more = range('More than 2 million people', '2 million', 2e6);
  assert.ok(more.low > 2e6 && more.high === Infinity && !rangesMeet(more, { low: 2e6, high: 2e6 }));
  assert.ok(range('fewer than 10 people', '10', 10).high < 10);
  // The longest qualifier decides: a negated bound is the other bound.
  assert.deepEqual(range('no more than 40 people', '40', 40), { low: -Infinity, high: 40 });
  assert.deepEqual(range('не более 5 человек', '5', 5), { low: -Infinity, high: 5 });
  assert.deepEqual(range('не более чем 5 человек', '5', 5), { low: -Infinity, high: 5 });
  assert.deepEqual(range('pas plus de 5 personnes', '5', 5), { low: -Infinity, high: 5 });
  assert.deepEqual(range('no fewer than 40 people', '40', 40), { low: 40, high: Infinity });
  assert.ok(range('более чем 40 человек', '40', 40).high === Infinity);
  // A bare number; words that only end like a qualifier ("Andover"); "over" before a span of time (during); Russian "до" (often "to").
  assert.deepEqual(range('the 12 shots', '12', 12), { low: 12, high: 12 });
  assert.deepEqual(range('Andover 12 shots', '12', 12), { low: 12, high: 12 });
  assert.deepEqual(range('arrested 40 people over 3 days', '3', 3, 'day'), { low: 3 * 86_400, high: 3 * 86_400 }); // (in seconds, time's base unit)
  assert.deepEqual(range('over 3 km', '3', 3, 'km').high, Infinity);
  assert.deepEqual(range('снизил ставку до 16%', '16', 16, '%'), { low: 16, high: 16 });
  assert.deepEqual(range('всего 87 пунктов', '87', 87), { low: 87, high: 87 });
  assert.ok(rangesMeet({ low: 12, high: Infinity }, { low: 13, high: 13 }));
  assert.ok(!rangesMeet({ low: 12, high: 12 }, { low: 13, high: 13 }));
});
