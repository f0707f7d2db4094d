/**
 * Cross-lingual tracing on a fictional story (test/fixtures/crosslingual/story.ts): a Russian wire report and two
 * English rewrites. Each planted fact must come out of the pipeline: one story (the distractor apart), the
 * translated quote attested in the original, the invented quote single-source, the count and the date agreed on
 * across languages, the changed number a conflict, the original named in the derivation.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CorpusIngester } from '../src/corpus/ingest.js';
import { refreshReports } from '../src/corpus/reports.js';
import { openStore } from '../src/store/index.js';
import { analyse } from '../src/analyse/index.js';
import { clusterStories } from '../src/cluster/index.js';
import { compareStory } from '../src/compare/index.js';
import { anchorKey, nameAnchor } from '../src/lang/anchor.js';
import { analysisLanguage } from '../src/lang/language.js';
import { buildReport } from '../src/report/build.js';
import { renderHtml } from '../src/report/html.js';
import { isPossibleFabrication } from '../src/report/view.js';
import { assertValidReport } from './helpers/schema.js';
import type { Article, StoryReport } from '../src/types.js';
import { DISTRACTOR, ORIGINAL, PLANTED, REWRITE_A, REWRITE_B } from './fixtures/crosslingual/story.js';

const NO_VECTORS = { get: () => undefined };

function report(articles: readonly Article[]): StoryReport {
  const analysed = articles.map((a) => analyse(a));
  return compareStory({ id: 's-xl', articles: articles.map((a) => a.id) }, analysed, NO_VECTORS);
}

const story = report([ORIGINAL, REWRITE_A, REWRITE_B]);

test('anchor keys: transliterations and Russian case forms of one name meet', () => {
  assert.equal(anchorKey(PLANTED.official.ru), anchorKey(PLANTED.official.a));
  assert.equal(anchorKey(PLANTED.official.a), anchorKey(PLANTED.official.b));
  for (let i = 0; i < 2; i++) {
    assert.equal(anchorKey(PLANTED.towns.ru[i]!), anchorKey(PLANTED.towns.a[i]!), PLANTED.towns.a[i]);
    assert.equal(anchorKey(PLANTED.towns.a[i]!), anchorKey(PLANTED.towns.b[i]!), PLANTED.towns.b[i]);
  }
  assert.equal(anchorKey(PLANTED.spokesman.ruReported), anchorKey(PLANTED.spokesman.a));
  assert.equal(anchorKey('ТАСС'), anchorKey('TASS'));
  assert.equal(nameAnchor('Krasnoarmeisk'), nameAnchor('Красноармейска'));
  assert.notEqual(anchorKey('Khrustalev'), anchorKey('Zaretsky'));
});

test('languages: the original is analysed as Russian, the rewrites as English', () => {
  assert.equal(analysisLanguage(ORIGINAL), 'ru');
  assert.equal(analysisLanguage({ ...ORIGINAL, language: null }), 'ru');
  assert.equal(analysisLanguage(REWRITE_A), 'en');
});

test('clustering: the Russian original and both English rewrites are one story; the distractor is not in it', () => {
  const stories = clusterStories([ORIGINAL, DISTRACTOR, REWRITE_A, REWRITE_B]);
  const of = (id: string): string | undefined => stories.find((s) => s.articles.includes(id))?.id;
  assert.equal(of(REWRITE_A.id), of(ORIGINAL.id));
  assert.equal(of(REWRITE_B.id), of(ORIGINAL.id));
  assert.notEqual(of(DISTRACTOR.id), of(ORIGINAL.id));
});

test('alignment: the rewrites align with the original across languages, marked crossLingual', () => {
  const al = story.alignments.find((a) => a.a === ORIGINAL.id && a.b === REWRITE_A.id)!;
  assert.ok(al.links.length >= 4, `links: ${al.links.length}`);
  assert.ok(al.links.every((l) => l.crossLingual === true && l.label !== 'same'));
  const quoteLink = al.links.find((l) => l.a.text.includes(PLANTED.originalQuote.slice(0, 20)));
  assert.ok(quoteLink && quoteLink.b.text.includes(PLANTED.translatedQuoteA.slice(0, 20)), 'the quoted sentence aligns with its translation');
  const same = story.alignments.find((a) => a.a === REWRITE_A.id && a.b === REWRITE_B.id)!;
  assert.ok(same.links.every((l) => l.crossLingual === undefined));
});

test('quote ledger: the translated quote is attested in the original; the invented one is a possible fabrication', () => {
  const quotes = story.claims.filter((c) => c.kind === 'quote');
  const translated = quotes.find((c) => c.text.includes(PLANTED.translatedQuoteA.slice(0, 30)))!;
  assert.ok(translated, 'the translated quote is a claim');
  assert.deepEqual(translated.translatedIn, [ORIGINAL.id]);
  assert.equal(translated.status, 'corroborated');
  const inOriginal = translated.mentions.find((m) => m.article === ORIGINAL.id)!;
  assert.equal(ORIGINAL.text.slice(inOriginal.start, inOriginal.end), inOriginal.text);
  assert.ok(inOriginal.text.includes(PLANTED.originalQuote.slice(0, 25)), `points at the original quote: ${inOriginal.text}`);
  const original = quotes.find((c) => c.mentions[0]?.article === ORIGINAL.id && c.text.includes(PLANTED.originalQuote.slice(0, 20)))!;
  assert.ok(original, 'the original quote is a claim');
  assert.ok(original.translatedIn?.includes(REWRITE_A.id), 'the original quote is attested in translation by A');
  const invented = quotes.find((c) => c.text.includes(PLANTED.fabricatedQuoteA.slice(0, 30)))!;
  assert.ok(invented, 'the invented quote is a claim');
  assert.equal(invented.status, 'single-source');
  assert.equal(invented.translatedIn, undefined);
  assert.ok(isPossibleFabrication(invented));
});

test('facts: the count and the date are agreed on across languages; the changed number is a conflict', () => {
  const count = story.claims.find((c) => c.kind === 'number' && c.value === '43')!;
  assert.ok(count, 'a claim for 43');
  assert.deepEqual([...count.articles].sort(), [ORIGINAL.id, REWRITE_A.id, REWRITE_B.id].sort());
  const ru = count.mentions.find((m) => m.article === ORIGINAL.id)!;
  assert.equal(ORIGINAL.text.slice(ru.start, ru.end), ru.text);
  const date = story.claims.find((c) => c.kind === 'date' && c.value === PLANTED.date && c.articles.includes(ORIGINAL.id))!;
  assert.ok(date, 'the date claim includes the original');
  assert.ok(date.articles.includes(REWRITE_A.id), `date articles: ${date.articles.join(', ')}`);
  const conflict = story.conflicts.find((c) => c.type === 'number' && c.sides.some((s) => s.value === '2100') && c.sides.some((s) => s.value === '1200'));
  assert.ok(conflict, `conflicts: ${story.conflicts.map((c) => c.summary).join(' / ')}`);
  assert.ok(conflict.sides.some((s) => s.article === REWRITE_B.id));
});

test('entities and attribution: the governor is one entity in three spellings; TASS is cited by the original and A', () => {
  const governor = story.claims.find((c) => c.kind === 'entity' && c.articles.includes(ORIGINAL.id) && c.mentions.some((m) => m.text.includes(PLANTED.official.b)))!;
  assert.ok(governor, 'an entity claim joins the original and B');
  assert.ok(governor.articles.includes(REWRITE_A.id));
  const tass = story.claims.find((c) => c.kind === 'attribution' && c.articles.includes(ORIGINAL.id))!;
  assert.ok(tass, 'an attribution claim in the original');
  assert.deepEqual([...tass.articles].sort(), [ORIGINAL.id, REWRITE_A.id].sort());
});

test('derivation: each rewrite is a translation-rewrite of the Russian original', () => {
  for (const rewrite of [REWRITE_A, REWRITE_B]) {
    const pair = story.derivation.find((d) => d.a === ORIGINAL.id && d.b === rewrite.id)!;
    assert.equal(pair.direction, 'b-from-a', `${rewrite.id}: ${pair.direction}`);
    const evidence = pair.evidence.find((e) => e.kind === 'translation')!;
    assert.ok(evidence, 'translation evidence');
    assert.match(evidence.detail, new RegExp(`^${rewrite.id} \\(English\\) is a translation-rewrite of the Russian article ${ORIGINAL.id}`));
  }
});

test('report: valid against the schema; the HTML shows the Cyrillic text escaped, in a lang="ru" column', () => {
  const analysed = [ORIGINAL, REWRITE_A, REWRITE_B].map((a) => analyse(a));
  const full = buildReport(analysed, [story], [], 'test');
  assertValidReport(JSON.parse(JSON.stringify(full)));
  const html = renderHtml(full);
  assert.match(html, /<article class="col" id="[^"]+" lang="ru">/);
  assert.ok(html.includes('Вельмарской'));
  assert.ok(html.includes('«Всех'));
});

for (const order of [
  [ORIGINAL, DISTRACTOR, REWRITE_A, REWRITE_B],
  [REWRITE_A, REWRITE_B, DISTRACTOR, ORIGINAL],
]) test(`corpus ingest (${order.map((a) => a.id).join(', ')}): the Russian original and its English rewrites are one stored story whose report traces the translation`, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-xl-'));
  try {
    const store = openStore(join(dir, 'news.db'));
    async function* items(): AsyncGenerator<Article> {
      yield* order;
    }
    await new CorpusIngester(store).ingest(items());
    await refreshReports(store, { encoder: false, cacheDir: null }, 'test');
    const storyOf = new Map<string, string>();
    for (const s of store.listStories({ limit: 10 })) for (const a of store.articlesOf(s.id)) storyOf.set(a.id, s.id);
    assert.equal(storyOf.get(REWRITE_A.id), storyOf.get(ORIGINAL.id));
    assert.equal(storyOf.get(REWRITE_B.id), storyOf.get(ORIGINAL.id));
    assert.notEqual(storyOf.get(DISTRACTOR.id), storyOf.get(ORIGINAL.id));
    const stored = store.getReport(storyOf.get(ORIGINAL.id)!);
    assert.ok(stored, 'the story has a report');
    const report = JSON.parse(stored.json) as { stories: StoryReport[] };
    const quote = report.stories[0]!.claims.find((c) => c.kind === 'quote' && c.text.includes(PLANTED.translatedQuoteA.slice(0, 30)));
    assert.deepEqual(quote?.translatedIn, [ORIGINAL.id]);
    store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('dates across languages: a rewrite that moves the day conflicts with the original, whatever words date it there', () => {
  const moved = { ...REWRITE_A, id: 'xl-moved', text: REWRITE_A.text.replace('on the evening of October 14', 'on the evening of October 16') };
  assert.notEqual(moved.text, REWRITE_A.text);
  const r = report([ORIGINAL, moved]);
  const c = r.conflicts.find((x) => x.type === 'date');
  assert.ok(c, `conflicts: ${r.conflicts.map((x) => x.summary).join(' / ')}`);
  assert.deepEqual(c.sides.map((s) => s.value).sort(), ['2026-10-14', '2026-10-16']);
});

test('facts: a count of the same thing in words of two languages ("12 мирных жителей" / "21 civilians") is compared; another thing counted is not', () => {
  const ru = (text: string): Article => ({ id: 'ru', title: 'Удар по Келсо', text, source: 'TASS', url: null, published: '2026-03-10T08:00:00Z', language: 'ru', byline: null, origin: 'ru' });
  const en = (text: string): Article => ({ id: 'en', title: 'Strike on Kelso', text, source: 'Valley Courier', url: null, published: '2026-03-10T12:00:00Z', language: 'en', byline: null, origin: 'en' });
  const original = ru('В результате удара по Келсо погибли 12 мирных жителей, сообщило министерство обороны в понедельник.');
  const changed = report([original, en('The strike on Kelso killed 21 civilians, the defence ministry said on Monday.')]);
  const c = changed.conflicts.find((x) => x.type === 'number');
  assert.ok(c, `conflicts: ${changed.conflicts.map((x) => x.summary).join(' / ')}`);
  assert.deepEqual(c.sides.map((s) => s.value), ['12', '21']);
  for (const other of ['The strike on Kelso killed 12 civilians, the defence ministry said on Monday.', 'The strike on Kelso destroyed 21 houses, the defence ministry said on Monday.']) {
    assert.deepEqual(report([original, en(other)]).conflicts.filter((x) => x.type === 'number'), [], other);
  }
});
