import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  antonymsOf,
  bestThreshold,
  checkClaim,
  claimEvidence,
  FEATURE_NAMES,
  fitLogistic,
  fragments,
  modelKeyFor,
  pickModel,
  type ConsistencyModels,
  mergeSpans,
  PAIR_WINDOW,
  predictProbability,
  prepareArticle,
  summaryFeatures,
  unsupportedPairs,
  type LogisticModel,
} from '../src/check/index.js';
import { stem, tokenize } from '../src/similarity/tokens.js';
import { NO_VECTORS } from '../src/similarity/vector.js';
import { joinSplitNumbers } from '../src/check/article.js';

const ARTICLE =
  'The Dunmore town council voted on Monday to reopen the Kessington bridge. ' +
  'Repairs cost 40,000 pounds and took six weeks. ' +
  'The mayor, Ana Petrova, said traffic would not return to normal before spring.';

const f = (name: (typeof FEATURE_NAMES)[number]): number => FEATURE_NAMES.indexOf(name);

test('a claim copied from the article is fully covered, with no novel words or spans', () => {
  const e = claimEvidence(prepareArticle(ARTICLE), 'The Dunmore town council voted to reopen the Kessington bridge.', NO_VECTORS);
  assert.equal(e.sentences.length, 1);
  assert.equal(e.features[f('coverTop')], 1);
  assert.equal(e.features[f('misplaced')], 0);
  assert.equal(e.features[f('unsupportedPairs')], 0);
  assert.equal(e.features[f('antonym')], 0);
  assert.equal(e.features[f('negationMismatch')], 0);
  assert.deepEqual(e.sentences[0]!.spans, []);
});

test('novel names and numbers become spans with exact offsets into the claim', () => {
  const claim = 'Repairs cost 90,000 pounds, said Mayor Ivan Grosz.';
  const e = claimEvidence(prepareArticle(ARTICLE), claim, NO_VECTORS);
  const spans = e.sentences[0]!.spans;
  assert.deepEqual(
    spans.map((s) => s.text),
    ['90,000', 'Ivan Grosz'],
  );
  for (const s of spans) assert.equal(claim.slice(s.start, s.end), s.text);
  assert.equal(e.features[f('novelNumbers')], 1);
  assert.equal(e.features[f('novelNames')], 2);
  assert.ok(e.features[f('coverTop')]! < 1);
});

test('an antonym swap and an inserted negation are flagged against the aligned sentence', () => {
  const prepared = prepareArticle('Exports rose sharply in March, the ministry said. The plan was approved by the board.');
  const swap = claimEvidence(prepared, 'Exports fell sharply in March.', NO_VECTORS);
  assert.equal(swap.features[f('antonym')], 1);
  assert.deepEqual(swap.sentences[0]!.spans.map((s) => s.text), ['fell']);
  const neg = claimEvidence(prepared, 'The plan was not approved by the board.', NO_VECTORS);
  assert.equal(neg.features[f('negationMismatch')], 1);
  assert.deepEqual(neg.sentences[0]!.spans.map((s) => s.text), ['not']);
});

test('the antonym table is symmetric and works on stems', () => {
  assert.ok(antonymsOf(stem('increase')).has(stem('decrease')));
  assert.ok(antonymsOf(stem('decrease')).has(stem('increase')));
  assert.equal(antonymsOf(stem('bridge')).size, 0);
});

test('summary features: discrete flags by their maximum over the sentences, graded measures by their mean', () => {
  const rows = [FEATURE_NAMES.map(() => 0.6), FEATURE_NAMES.map(() => 0.2)];
  const w = summaryFeatures(rows);
  assert.equal(w[f('coverTop')], 0.4); // graded: mean
  assert.equal(w[f('unsupportedPairs')], 0.4);
  assert.equal(w[f('novelNames')], 0.6); // flag: maximum
  assert.equal(w[f('negationMismatch')], 0.6);
  // No sentence: full support, no evidence against.
  const none = summaryFeatures([]);
  assert.equal(none[f('coverTop')], 1);
  assert.equal(none[f('novelNumbers')], 0);
  // A one-sentence claim keeps its own values, whatever the aggregation.
  assert.deepEqual(summaryFeatures([rows[1]!]), rows[1]);
  const e = claimEvidence(prepareArticle(ARTICLE), 'The council voted to reopen the bridge. The bridge was built by Romans in 1850.', NO_VECTORS);
  assert.equal(e.sentences.length, 2);
  assert.equal(e.features[f('novelNumbers')], 1);
  assert.equal(e.sentences[0]!.features[f('novelNumbers')], 0);
});

test('mergeSpans joins neighbours separated by spaces only', () => {
  const claim = 'Mayor Ivan Grosz, not Ana.';
  const tokens = tokenize(claim).filter((t) => t.norm !== 'mayor' && t.norm !== 'not');
  assert.deepEqual(mergeSpans(claim, tokens), [
    { start: 6, end: 16, text: 'Ivan Grosz' },
    { start: 22, end: 25, text: 'Ana' },
  ]);
});

test('logistic regression separates a separable toy set; the threshold maximises balanced accuracy', () => {
  const xs = [[0], [1], [2], [3], [7], [8], [9], [10]];
  const ys = [0, 0, 0, 0, 1, 1, 1, 1];
  const m = fitLogistic(xs, ys, { iterations: 500 });
  assert.ok(predictProbability(m, [0]) < 0.2);
  assert.ok(predictProbability(m, [10]) > 0.8);
  assert.deepEqual(fitLogistic(xs, ys, { iterations: 500 }), m); // deterministic
  assert.equal(bestThreshold([0.1, 0.4, 0.6, 0.9], [0, 0, 1, 1]), 0.5);
});

test('checkClaim: unsupported claims carry spans, supported ones none', () => {
  // A hand-set model: unsupported when the aligned sentences miss some of the claim's content words.
  const d = FEATURE_NAMES.length;
  const model: LogisticModel = {
    mean: new Array<number>(d).fill(0),
    scale: new Array<number>(d).fill(1),
    weights: FEATURE_NAMES.map((n) => (n === 'coverTop' ? -10 : 0)),
    bias: 8,
    threshold: 0.5,
  };
  const good = checkClaim(ARTICLE, 'The council voted to reopen the bridge.', model, NO_VECTORS);
  assert.equal(good.supported, true);
  assert.deepEqual(good.unsupported, []);
  const claim = 'The council voted to demolish the bridge.';
  const bad = checkClaim(ARTICLE, claim, model, NO_VECTORS);
  assert.equal(bad.supported, false);
  assert.deepEqual(bad.unsupported, [{ start: 21, end: 29, text: 'demolish' }]);
  assert.ok(bad.score < good.score);
  // Judged unsupported with no word to blame (a model on its bias alone): the sentence itself is the span.
  const always: LogisticModel = { ...model, weights: FEATURE_NAMES.map(() => 0), bias: 2 };
  const covered = 'The council voted to reopen the bridge.';
  const long = checkClaim(ARTICLE, covered, always, NO_VECTORS);
  assert.equal(long.supported, false);
  assert.deepEqual(long.unsupported, [{ start: 0, end: covered.length, text: covered }]);
});

test('unsupported pairs: words the article has, but never together in one sentence (a swapped actor)', () => {
  const prepared = prepareArticle(ARTICLE);
  // Every content word is in the article; "mayor … voted" and "Petrova … reopen" never share a sentence there.
  const swapped = claimEvidence(prepared, 'The mayor, Ana Petrova, voted to reopen the bridge.', NO_VECTORS);
  assert.equal(swapped.features[f('coverTop')], 1);
  assert.equal(swapped.features[f('novelNames')], 0);
  assert.ok(swapped.features[f('unsupportedPairs')]! > 0.5);
  // The same words as the article states them: every pair shares a sentence.
  assert.equal(claimEvidence(prepared, 'The council voted to reopen the Kessington bridge.', NO_VECTORS).features[f('unsupportedPairs')], 0);
  // Pairs with a word the article lacks are left out (the novel-word evidence covers them); no pair at all gives 0.
  const content = (text: string) => tokenize(text, 0).filter((t) => !t.stop);
  assert.equal(unsupportedPairs(content('The council voted to demolish the bridge.'), prepared), 0);
  assert.equal(unsupportedPairs(content('Kessington.'), prepared), 0);
  // "council" and "weeks" are in different article sentences: 1 pair of 1 unsupported.
  assert.equal(unsupportedPairs(content('council weeks'), prepared), 1);
  // Only words at most PAIR_WINDOW content words apart form a pair (the fillers are not in the article).
  assert.equal(unsupportedPairs(content(`council ${'zebra '.repeat(PAIR_WINDOW)}weeks`), prepared), 0);
  assert.equal(unsupportedPairs(content(`council ${'zebra '.repeat(PAIR_WINDOW - 1)}weeks`), prepared), 1);
});

test('extractive fragments: a copy is one piece, a recombination of two sentences is two', () => {
  const prepared = prepareArticle(ARTICLE);
  // 12 tokens copied in one run from sentence 1.
  assert.deepEqual(fragments(tokenize('The Dunmore town council voted on Monday to reopen the Kessington bridge.', 0), prepared), { rate: 1 / 12, sentences: 1 });
  // "The mayor, Ana Petrova, said" (sentence 3) + "repairs cost 40,000 pounds" (sentence 2): 2 pieces over 9 tokens.
  assert.deepEqual(fragments(tokenize('The mayor, Ana Petrova, said repairs cost 40,000 pounds.', 0), prepared), { rate: 2 / 9, sentences: 2 });
  // "Ana Petrova" is one 2-token piece; "will" and "resign" are not in the article.
  assert.deepEqual(fragments(tokenize('Ana Petrova will resign.', 0), prepared), { rate: 1 / 4, sentences: 1 });
  const e = claimEvidence(prepared, 'The mayor, Ana Petrova, said repairs cost 40,000 pounds.', NO_VECTORS);
  assert.equal(e.features[f('fragmentRate')], 2 / 9);
  assert.equal(e.features[f('fragmentSentences')], 2);
});

test('numbers split by a tokeniser are rejoined without changing the text length', () => {
  assert.equal(joinSplitNumbers('viewed 235, 000 times'), 'viewed 235,000  times');
  assert.equal(joinSplitNumbers('at 2. 4 miles'), 'at 2.4  miles');
  assert.equal(joinSplitNumbers('1, 000, 000 dollars'), '1,000,000   dollars');
  // A year followed by a count is left alone.
  assert.equal(joinSplitNumbers('in 2015, 200 people'), 'in 2015, 200 people');
  const e = claimEvidence(prepareArticle('The clip has been viewed more than 235, 000 times.'), 'The clip was viewed more than 235,000 times.', NO_VECTORS);
  assert.equal(e.features[f('novelNumbers')], 0);
  assert.deepEqual(e.sentences[0]!.spans, []);
});

test('the CLI model is chosen from the input field, falling back to default', () => {
  const m = (bias: number): LogisticModel => ({ mean: [], scale: [], weights: [], bias, threshold: 0.5 });
  const models: ConsistencyModels = {
    version: 1,
    features: [...FEATURE_NAMES],
    families: { claim: { encoder: m(1), lexical: m(2) }, default: { encoder: m(3), lexical: m(4) } },
  };
  assert.equal(modelKeyFor('claim'), 'claim');
  assert.equal(modelKeyFor('summary'), 'summary');
  assert.equal(pickModel(models, modelKeyFor('claim'), true).bias, 1);
  assert.equal(pickModel(models, modelKeyFor('claim'), false).bias, 2);
  assert.equal(pickModel(models, modelKeyFor('summary'), true).bias, 3);
});
