/**
 * Big stories: the nearest-neighbour comparison (compare/pairs.ts + compare/sentence-links.ts) against the
 * all-pairs comparison on a story small enough to compute both, the switch between them, and copy groups.
 * Stories are rewrites of our own examples (bench/story-generator.ts), no ../shared needed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse } from '../src/analyse/index.js';
import { ALL_PAIRS_MAX, compareStory } from '../src/compare/index.js';
import { LEXICAL_ALL_PAIRS_MAX, NEAREST_K } from '../src/compare/pairs.js';
import { buildReport } from '../src/report/build.js';
import { readArticles } from '../src/pipeline.js';
import type { AnalysedArticle, Article, ClaimKind, StoryReport } from '../src/types.js';
import { generateRewrites } from '../bench/story-generator.js';
import { assertValidReport } from './helpers/schema.js';

const NONE = { get: () => undefined };
const bases = (await readArticles(['examples'])).articles;

function story(articles: readonly Article[]): { story: { id: string; articles: string[] }; analysed: AnalysedArticle[] } {
  const analysed = articles.map((a) => analyse(a));
  return { story: { id: 'story-test', articles: analysed.map((a) => a.article.id) }, analysed };
}

/** Pairwise agreement of two groupings of the same mentions: precision and recall of "same claim" pairs of b vs a. */
function agreement(a: StoryReport, b: StoryReport, kind: ClaimKind): { precision: number; recall: number; mentions: number } {
  const groups = (r: StoryReport): Map<string, number> => {
    const m = new Map<string, number>();
    r.claims.filter((c) => c.kind === kind).forEach((c, i) => c.mentions.forEach((x) => m.set(`${x.article}:${x.start}:${x.end}`, i)));
    return m;
  };
  const ga = groups(a);
  const gb = groups(b);
  const keys = [...ga.keys()].filter((k) => gb.has(k));
  let inA = 0;
  let inB = 0;
  let both = 0;
  for (let i = 0; i < keys.length; i++) {
    for (let j = i + 1; j < keys.length; j++) {
      const x = ga.get(keys[i]!) === ga.get(keys[j]!);
      const y = gb.get(keys[i]!) === gb.get(keys[j]!);
      if (x) inA++;
      if (y) inB++;
      if (x && y) both++;
    }
  }
  return { precision: inB === 0 ? 1 : both / inB, recall: inA === 0 ? 1 : both / inA, mentions: keys.length };
}

/** Deterministic unit-ish vectors for every text (stands in for the encoder: only presence matters here). */
const FAKE_VECTORS = {
  get: (text: string): Float32Array => {
    const v = new Float32Array(512);
    for (let i = 0; i < text.length; i++) v[(text.charCodeAt(i) * 31 + i) % 512]! += 1;
    return v;
  },
};

test('small stories are compared pair by pair, bigger ones with nearest neighbours (24 with vectors, 12 without)', () => {
  const lexical = story(generateRewrites(bases, LEXICAL_ALL_PAIRS_MAX));
  const r1 = compareStory(lexical.story, lexical.analysed, NONE);
  assert.equal(r1.comparison.mode, 'all-pairs');
  assert.equal(r1.comparison.pairs, (LEXICAL_ALL_PAIRS_MAX * (LEXICAL_ALL_PAIRS_MAX - 1)) / 2);
  const withVectors = story(generateRewrites(bases, ALL_PAIRS_MAX));
  const r2 = compareStory(withVectors.story, withVectors.analysed, FAKE_VECTORS);
  assert.deepEqual([r2.comparison.mode, r2.comparison.encoder], ['all-pairs', true]);
  const lexicalBig = compareStory(withVectors.story, withVectors.analysed, NONE);
  assert.deepEqual([lexicalBig.comparison.mode, lexicalBig.comparison.encoder], ['nearest', false]);
  const big = story(generateRewrites(bases, ALL_PAIRS_MAX + 12));
  const r3 = compareStory(big.story, big.analysed, FAKE_VECTORS);
  // Above ALL_PAIRS_MAX the encoder is not used at all (callers do not even embed such stories).
  assert.deepEqual([r3.comparison.mode, r3.comparison.encoder], ['nearest', false]);
  // Each article with at most NEAREST_K neighbours of its own: linear, not quadratic, in the articles.
  assert.ok(r3.comparison.pairs <= NEAREST_K * big.analysed.length, `${r3.comparison.pairs} pairs`);
  assert.ok(r3.comparison.pairs >= big.analysed.length - 1, 'every article is aligned with someone');
  assert.equal(r3.alignments.length, r3.comparison.pairs);
});

test('the nearest-neighbour ledger agrees with the all-pairs ledger on a 30-article story', () => {
  const s = story(generateRewrites(bases, 30));
  const all = compareStory(s.story, s.analysed, NONE, { mode: 'all-pairs' });
  const near = compareStory(s.story, s.analysed, NONE, { mode: 'nearest' });
  assert.ok(near.comparison.pairs < all.comparison.pairs / 4);
  // Entities, quotes, media attributions and dates: the same claims with the same mentions.
  for (const kind of ['entity', 'quote', 'attribution', 'date'] as const) {
    const g = agreement(all, near, kind);
    assert.ok(g.mentions > 0, `${kind}: no mentions to compare`);
    assert.deepEqual([g.precision, g.recall], [1, 1], `${kind} claims differ`);
  }
  // Statements and numbers: documented differences (statements joined through the story-wide sentence links
  // rather than mutual-best alignment; a number in a sentence no link reaches stays apart).
  for (const kind of ['statement', 'number'] as const) {
    const g = agreement(all, near, kind);
    assert.ok(g.precision >= 0.95 && g.recall >= 0.9, `${kind}: precision ${g.precision.toFixed(3)}, recall ${g.recall.toFixed(3)}`);
  }
  // Quote ledger: the same quotes, quoted and supported in the same articles.
  const quotes = (r: StoryReport) => r.claims.filter((c) => c.kind === 'quote').map((c) => [c.text, c.status, c.quotedIn, c.supportedIn]);
  assert.deepEqual(quotes(near), quotes(all));
  // Single-source statements are the fabrication signal: the neighbours must not invent more of them.
  const single = (r: StoryReport) => r.claims.filter((c) => c.kind === 'statement' && c.status === 'single-source').length;
  assert.ok(single(near) <= single(all) + 1, `single-source statements: ${single(near)} nearest vs ${single(all)} all-pairs`);
  assert.deepEqual(near.copyGroups, all.copyGroups);
});

test('a nearest-neighbour report is valid against the schema and deterministic', () => {
  const s = story(generateRewrites(bases, 40));
  const r = compareStory(s.story, s.analysed, NONE);
  assertValidReport(buildReport(s.analysed, [r], [], 'test'));
  const again = compareStory(s.story, [...s.analysed], NONE);
  assert.deepEqual(again, r);
});

test('copy groups: a republished text with a sentence dropped is a copy; an excerpt and a rewrite are not', () => {
  const base = bases.find((b) => b.text.split(/(?<=[.!?])\s+/).length >= 8)!;
  const sentences = base.text.split(/(?<=[.!?])\s+/);
  const make = (id: string, text: string, minute: number): Article => ({ ...base, id, text, source: `Outlet ${id}`, published: new Date(Date.UTC(2026, 0, 1, 0, minute)).toISOString() });
  const articles = [
    make('orig', base.text, 0),
    make('copy-1', sentences.filter((_, i) => i !== 3).join(' '), 1),
    make('copy-2', base.text, 2),
    make('excerpt', sentences.slice(0, 3).join(' '), 3),
    ...generateRewrites([base], 1).map((a) => ({ ...a, id: 'rewrite' })),
  ];
  const s = story(articles);
  const r = compareStory(s.story, s.analysed, NONE);
  assert.deepEqual(
    r.copyGroups.map((g) => [g.article, g.copies]),
    [['orig', ['copy-1', 'copy-2']]],
  );
  assert.ok(r.copyGroups[0]!.minShared >= 0.9 && r.copyGroups[0]!.minShared <= 1);
});
