/**
 * Big stories in the HTML report (src/report/layout.ts): a story of hundreds of copies shows a chosen few articles
 * side by side, never a copy of another, caps every list inside a cell, and its page grows by a table row per copy,
 * not by a column. Stories are rewrites of our own examples (bench/story-generator.ts) plus verbatim copies.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse } from '../src/analyse/index.js';
import { compareStory } from '../src/compare/index.js';
import { readArticles } from '../src/pipeline.js';
import { buildReport } from '../src/report/build.js';
import { renderHtml } from '../src/report/html.js';
import { renderText } from '../src/report/text.js';
import { CELL_ITEMS, firstItems, SIDE_BY_SIDE_MAX, storyLayout } from '../src/report/layout.js';
import { groupSides, indexArticles } from '../src/report/view.js';
import type { Article, Report } from '../src/types.js';
import { generateRewrites } from '../bench/story-generator.js';

const NONE = { get: () => undefined };
const bases = (await readArticles(['examples'])).articles;

/** `rewrites` generated rewrites, then `copies` verbatim republications of the first rewrite by other outlets. */
function storyOf(rewrites: number, copies: number): Report {
  const written = generateRewrites(bases, rewrites);
  const copied: Article[] = Array.from({ length: copies }, (_, i) => ({
    ...written[0]!,
    id: `copy-${String(i + 1).padStart(3, '0')}`,
    source: `Copy Site ${i + 1}`,
    published: new Date(Date.UTC(2026, 10, 18, 0, i)).toISOString(),
  }));
  const analysed = [...written, ...copied].map((a) => analyse(a));
  const story = { id: 'story-big', articles: analysed.map((a) => a.article.id) };
  return buildReport(analysed, [compareStory(story, analysed, NONE)], [], 'test');
}

const big = storyOf(30, 60);
const bigger = storyOf(30, 120);

test('a small story shows every article side by side', () => {
  const report = storyOf(3, 0);
  const layout = storyLayout(report.stories[0]!, indexArticles(report));
  assert.equal(layout.complete, true);
  assert.deepEqual([...layout.columns].sort(), [...report.stories[0]!.articles].sort());
});

test('a big story shows at most SIDE_BY_SIDE_MAX articles: the earliest, a side of each conflict camp, no copy', () => {
  const story = big.stories[0]!;
  const index = indexArticles(big);
  const layout = storyLayout(story, index);
  assert.equal(layout.complete, false);
  assert.equal(layout.columns.length, SIDE_BY_SIDE_MAX);
  assert.equal(new Set(layout.columns).size, layout.columns.length);
  // The 60 copies form one copy group whose representative stands for them; none of them is a column.
  const group = story.copyGroups.find((g) => g.copies.includes('copy-001'));
  assert.ok(group, 'the verbatim copies are a copy group');
  assert.ok(group.copies.length >= 60);
  for (const c of group.copies) assert.equal(layout.copyOf.get(c), group.article);
  assert.ok(layout.columns.every((id) => !layout.copyOf.has(id)));
  // The earliest article (rewrite-01, the likely original) is shown; columns are in publication order.
  assert.equal(layout.columns[0], 'rewrite-01');
  const times = layout.columns.map((id) => Date.parse(index.get(id)!.published!));
  assert.deepEqual(times, [...times].sort((a, b) => a - b));
  // The first conflict's camps each have an article side by side (they come before the other choices).
  const first = story.conflicts[0];
  if (first) for (const g of groupSides(first)) assert.ok(g.sides.some((s) => layout.columns.includes(s.article) || layout.copyOf.has(s.article)), g.value);
  // Same report, same layout.
  assert.deepEqual(storyLayout(story, index).columns, layout.columns);
});

test('the HTML of a big story: a column per shown article, capped cells, every link lands on an element', () => {
  const html = renderHtml(big);
  const layout = storyLayout(big.stories[0]!, indexArticles(big));
  assert.equal((html.match(/<article class="col"/g) ?? []).length, layout.columns.length);
  assert.match(html, new RegExp(`${layout.columns.length} of ${big.stories[0]!.articles.length} articles shown`));
  // A claim that every copy carries lists CELL_ITEMS mentions, then "+N more".
  const widest = big.stories[0]!.claims.reduce((m, c) => (c.mentions.length > m.mentions.length ? c : m));
  assert.ok(widest.mentions.length > CELL_ITEMS);
  assert.match(html, new RegExp(`\\+${widest.mentions.length - CELL_ITEMS} more`));
  const ids = new Set([...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]!));
  const targets = [...html.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]!);
  assert.ok(targets.length > 100);
  for (const t of targets) assert.ok(ids.has(t), `link to #${t} has no element`);
  // Copies are listed in the outlet table as copies.
  assert.match(html, /copy of /);
});

test('sixty more copies add a table row each to the HTML, not a column of text', () => {
  const a = renderHtml(big);
  const b = renderHtml(bigger);
  assert.equal((b.match(/<article class="col"/g) ?? []).length, (a.match(/<article class="col"/g) ?? []).length);
  const perCopy = (Buffer.byteLength(b) - Buffer.byteLength(a)) / 60;
  const textBytes = Buffer.byteLength(big.articles.find((x) => x.id === 'copy-001')!.text);
  assert.ok(perCopy < textBytes / 3, `${perCopy.toFixed(0)} bytes per copy (its text: ${textBytes})`);
});

test('firstItems: preferred items first, then the rest, and the count left out', () => {
  assert.deepEqual(firstItems([1, 2, 3], 5), { shown: [1, 2, 3], more: 0 });
  assert.deepEqual(firstItems([1, 2, 3, 4, 5], 3, (x) => x % 2 === 0), { shown: [2, 4, 1], more: 2 });
});

test('a conflict summary names at most three outlets per value ("and N more outlets")', () => {
  const story = big.stories[0]!;
  const index = indexArticles(big);
  let crowded = 0;
  for (const c of story.conflicts) {
    for (const g of groupSides(c)) {
      const outlets = new Set(g.sides.map((s) => index.get(s.article)!.source));
      if (outlets.size <= 3) continue;
      crowded++;
      assert.match(c.summary, /and \d+ more outlets say/, c.summary);
    }
    assert.ok(c.summary.length < 600, c.summary);
  }
  assert.ok(crowded > 0, 'the copies make at least one crowded camp');
});

test('the terminal report of a big story lists the shown articles, counts the rest, and does not grow with copies', () => {
  const text = renderText(big, { color: false });
  const layout = storyLayout(big.stories[0]!, indexArticles(big));
  const rest = big.stories[0]!.articles.length - layout.columns.length;
  assert.match(text, new RegExp(`… and ${rest} more articles from \\d+ outlets in all`));
  // The article list (after the story heading, up to the first blank line) names no copy.
  const lines = text.split('\n');
  const from = lines.findIndex((l) => l.startsWith('━━ Story'));
  const list = lines.slice(from + 1, lines.indexOf('', from)).filter((l) => /^ {2}\S/.test(l));
  assert.equal(list.length, layout.columns.length + 1);
  assert.ok(list.every((l) => !l.includes('Copy Site')), list.join('\n'));
  const grows = Buffer.byteLength(renderText(bigger, { color: false })) - Buffer.byteLength(text);
  assert.ok(grows / 60 < 200, `${(grows / 60).toFixed(0)} bytes per copy`);
});
