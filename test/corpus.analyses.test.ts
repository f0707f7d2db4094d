/**
 * Stored analyses in corpus mode: each article is analysed once, its analysis stored (src/corpus/analysis-codec.ts)
 * and read back by every later report of its story; an analysis of another ANALYSIS_VERSION is computed again.
 * Fixtures: examples/ (one story of three articles) and generated stories of our own.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { analyse, ANALYSIS_VERSION } from '../src/analyse/index.js';
import { AnalysisCodecError, analysisJson, ANALYSIS_FORMAT, decodeAnalysis, encodeAnalysis } from '../src/corpus/analysis-codec.js';
import { deflateTagged } from '../src/store/tagged-text.js';
import { CorpusIngester, ingestCorpus } from '../src/corpus/ingest.js';
import { computeReport } from '../src/corpus/report-job.js';
import { refreshReports, storyReport } from '../src/corpus/reports.js';
import { readArticles, reportForStory, type CompareOptions } from '../src/pipeline.js';
import { articleOfRecord, openStore, type Store } from '../src/store/index.js';
import { MIGRATIONS } from '../src/store/migrations.js';
import { openSqliteStore } from '../src/store/sqlite.js';
import type { AnalysedArticle, Article } from '../src/types.js';
import { runCli } from './helpers/cli.js';
import { repoRoot } from './helpers/paths.js';

const LEXICAL: CompareOptions = { encoder: false, cacheDir: null };
const GENERATOR = 'corroborate test';
const example = (name: string): string => join(repoRoot, 'examples', name);
const FIRST_TWO = [example('valley-courier.txt'), example('northshore-daily.html')];
const THIRD = [example('metro-ledger.md')];

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'corroborate-analyses-'));
}

/** The one story of two or more articles in `store`, with its members. */
function onlyStory(store: Store): { id: string; members: string[] } {
  const stories = store.listStories().filter((s) => s.size >= 2);
  assert.equal(stories.length, 1, 'one story');
  return { id: stories[0]!.id, members: store.memberIds(stories[0]!.id) };
}

/** The report a fresh analysis of every member gives, as JSON text (`generator`: the one the CLI writes, when asked). */
async function freshReportJson(store: Store, id: string, generator = GENERATOR): Promise<string> {
  const articles = store.articlesOf(id).map(articleOfRecord);
  return JSON.stringify(await reportForStory({ id, articles: articles.map((a) => a.id) }, articles, LEXICAL, generator));
}

/** Byte-identical JSON texts (without printing two reports when they differ). */
function sameBytes(actual: string, expected: string, message: string): void {
  if (actual === expected) return;
  let i = 0;
  while (actual[i] === expected[i]) i++;
  assert.fail(`${message}: differs at ${i}: …${actual.slice(Math.max(0, i - 80), i + 80)}… vs …${expected.slice(Math.max(0, i - 80), i + 80)}…`);
}

/** The generator a report was written by. */
const generatorOf = (json: string): string => (JSON.parse(json) as { generator: string }).generator;

async function* items(list: readonly Article[]): AsyncIterable<Article> {
  yield* list;
}

/** Our own stories: `stories` events (a bridge closed in a fictional town), each told by `per` desks. */
function generatedStories(stories: number, per: number): Article[] {
  const out: Article[] = [];
  for (let s = 0; s < stories; s++) {
    const town = `Quarn${s.toString(36)}vel`;
    const engineer = `Maro Tesk${s.toString(36)}`;
    for (let k = 0; k < per; k++) {
      const verb = ['said', 'confirmed', 'told the town council'][k % 3]!;
      const text =
        `The old stone bridge at ${town} was closed on Thursday after inspectors found a crack ${s % 7 + 3} metres long, ${engineer} ${verb}. ` +
        `"Nobody crosses the ${town} bridge until the pier is braced," ${engineer} said. ` +
        `About ${200 + s * 11} vehicles a day will take a ${4 + (s % 5)}-kilometre detour. ` +
        `Repairs at ${town} are expected to cost ${30 + s} thousand euros.`;
      out.push({ id: `g${s}-${k}`, title: `${town} bridge closed`, text, source: `Desk ${k}`, url: null, published: `2031-06-${String(1 + (s % 28)).padStart(2, '0')}T0${k}:00:00Z`, language: 'en', byline: null, origin: `generated:${s}-${k}` });
    }
  }
  return out;
}

test('codec: decoding gives back the analysis exactly (keys, order, values), span texts cut from the article', async () => {
  const { articles } = await readArticles([...FIRST_TWO, ...THIRD]);
  for (const article of [...articles, ...generatedStories(2, 2)]) {
    const analysed = analyse(article);
    const bytes = encodeAnalysis(analysed);
    const decoded = decodeAnalysis(bytes, article);
    assert.deepStrictEqual(decoded, analysed);
    assert.equal(JSON.stringify(decoded), JSON.stringify(analysed), 'same keys in the same order');
    assert.equal(decoded.article, article, 'the article record is re-attached, not copied');
    const raw = JSON.stringify({ ...analysed, article: undefined });
    assert.ok(bytes.length < raw.length / 2, `${article.id}: ${bytes.length} bytes stored for ${raw.length} bytes of JSON`);
  }
});

test('codec: analyses stored by the previous format (raw DEFLATE, format byte 1) still decode to the same analysis', async () => {
  const { articles } = await readArticles([...FIRST_TWO]);
  for (const article of articles) {
    const analysed = analyse(article);
    const now = encodeAnalysis(analysed);
    assert.equal(now[0], ANALYSIS_FORMAT);
    assert.notEqual(ANALYSIS_FORMAT, 1);
    const before = deflateTagged(1, analysisJson(analysed), 6);
    assert.deepStrictEqual(decodeAnalysis(before, article), analysed);
    assert.deepStrictEqual(decodeAnalysis(now, article), analysed);
  }
});

test('codec: a span text that is not the article slice is kept; bad bytes are a typed error', () => {
  const article: Article = { id: 'c1', title: null, text: 'Mayor Ilse Varo said the dam held.', source: null, url: null, published: null, language: 'en', byline: null, origin: 'c1' };
  const analysed: AnalysedArticle = {
    ...analyse(article),
    negations: [{ start: 0, end: 5, text: 'not the slice', sentence: 0 }],
  };
  const decoded = decodeAnalysis(encodeAnalysis(analysed), article);
  assert.deepStrictEqual(decoded, analysed);
  assert.equal(decoded.negations[0]!.text, 'not the slice');
  assert.equal(decoded.sentences[0]!.text, article.text);

  const good = encodeAnalysis(analysed);
  const unknownFormat = Uint8Array.from(good);
  unknownFormat[0] = 200;
  for (const bad of [new Uint8Array(0), unknownFormat, good.subarray(0, 8)]) {
    assert.throws(() => decodeAnalysis(bad, article), AnalysisCodecError);
  }
});

test('ingest with ledgers stores every member analysis; one article joining is the one analysed; reports byte-identical to fresh', async () => {
  const dir = tempDir();
  try {
    const db = join(dir, 'news.db');
    const first = runCli(['ingest', ...FIRST_TWO, '--db', db, '--no-encoder']);
    assert.equal(first.status, 0, first.stderr);
    assert.match(first.stderr, /; 1 ledger updated \(2 articles analysed, 0 stored analyses reused\)/);
    let store = openStore(db);
    try {
      const { id, members } = onlyStory(store);
      assert.equal(members.length, 2);
      assert.equal(store.getAnalyses(members, ANALYSIS_VERSION).size, 2, 'every member has a stored analysis of this version');
      assert.equal(store.getAnalyses(members, ANALYSIS_VERSION + 1).size, 0, 'and of no other version');
      const json = store.getReport(id)!.json;
      sameBytes(json, await freshReportJson(store, id, generatorOf(json)), 'report of the new story');
    } finally {
      store.close();
    }

    const second = runCli(['ingest', ...THIRD, '--db', db, '--no-encoder']);
    assert.equal(second.status, 0, second.stderr);
    assert.match(second.stderr, /1 new.*; 1 ledger updated \(1 article analysed, 2 stored analyses reused\)/);
    store = openStore(db);
    try {
      const { id, members } = onlyStory(store);
      assert.equal(members.length, 3);
      assert.equal(store.getAnalyses(members, ANALYSIS_VERSION).size, 3);
      const stored = store.getReport(id)!;
      assert.equal(stored.stale, false);
      sameBytes(stored.json, await freshReportJson(store, id, generatorOf(stored.json)), 'the report from two stored analyses and one fresh is the fresh report, byte for byte');
    } finally {
      store.close();
    }
    // Nothing changed: nothing analysed, nothing computed.
    const again = runCli(['ingest', ...FIRST_TWO, ...THIRD, '--db', db, '--no-encoder']);
    assert.match(again.stderr, /3 duplicate.*; 0 ledgers updated$/m);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('refreshReports counts: one more article in an existing story is analysed, its story-mates read from the store', async () => {
  const dir = tempDir();
  const store = openStore(join(dir, 'news.db'));
  try {
    await ingestCorpus(FIRST_TWO, store);
    assert.deepEqual(await refreshReports(store, LEXICAL, GENERATOR, undefined, 1), { reports: 1, analysed: 2, reused: 0 });
    await ingestCorpus(THIRD, store);
    assert.deepEqual(await refreshReports(store, LEXICAL, GENERATOR, undefined, 1), { reports: 1, analysed: 1, reused: 2 });
    assert.deepEqual(await refreshReports(store, LEXICAL, GENERATOR, undefined, 1), { reports: 0, analysed: 0, reused: 0 });
    // All stored: the report from three stored analyses is the fresh one too.
    const { id, members } = onlyStory(store);
    const stored = store.getAnalyses(members, ANALYSIS_VERSION);
    const articles = store.articlesOf(id).map(articleOfRecord);
    const outcome = await computeReport({ story: { id, articles: members }, articles, stored: members.map((m) => stored.get(m)!), options: LEXICAL, generator: GENERATOR });
    assert.equal(outcome.analyses.length, 0);
    sameBytes(JSON.stringify(outcome.report), await freshReportJson(store, id), 'report from stored analyses only');
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('verbatim copies in one report job (same text, time and language on other sites) are analysed once; report and analyses as fresh', async () => {
  const { articles } = await readArticles([...FIRST_TWO]);
  const [wire, other] = articles as [Article, Article];
  const copy = (id: string, source: string): Article => ({ ...wire, id, source, url: null, origin: `copy:${id}` });
  // Same text but another publication time: dates are read against it, so it is analysed on its own.
  const later: Article = { ...wire, id: 'later-copy', source: 'Late Desk', published: '2031-01-05T10:00:00Z', origin: 'copy:later' };
  const members = [wire, copy('copy-a', 'Site A'), other, copy('copy-b', 'Site B'), later];
  const story = { id: 'verbatim', articles: members.map((a) => a.id) };
  const outcome = await computeReport({ story, articles: members, stored: members.map(() => null), options: LEXICAL, generator: GENERATOR });
  assert.deepEqual(outcome.analyses.map((a) => a.id), members.map((a) => a.id), 'every member gets its stored analysis');
  const data = new Map(outcome.analyses.map((a) => [a.id, a.data]));
  assert.equal(data.get('copy-a'), data.get(wire.id), 'the copy reuses the first analysis (the same bytes)');
  assert.equal(data.get('copy-b'), data.get(wire.id));
  assert.notEqual(data.get('later-copy'), data.get(wire.id), 'another publication time is analysed again');
  for (const a of members) assert.deepStrictEqual(decodeAnalysis(data.get(a.id)!, a), analyse(a), `${a.id}: its stored analysis is its own fresh analysis`);
  const fresh = await reportForStory(story, members, LEXICAL, GENERATOR);
  sameBytes(JSON.stringify(outcome.report), JSON.stringify(fresh), 'report with copies analysed once');
});

test('worker threads: the analyses computed there are stored with the reports; reports identical to fresh', async () => {
  const dir = tempDir();
  const store = openStore(join(dir, 'news.db'));
  try {
    const all = generatedStories(5, 3);
    const session = new CorpusIngester(store);
    await session.ingest(items(all.filter((a) => !a.id.endsWith('-2'))));
    const stories = store.listStories().filter((s) => s.size >= 2);
    assert.ok(stories.length >= 4, `enough stories for the worker threads (${stories.length})`);
    const members = stories.reduce((n, s) => n + s.size, 0);
    assert.deepEqual(await refreshReports(store, LEXICAL, GENERATOR, undefined, 2), { reports: stories.length, analysed: members, reused: 0 });

    await session.ingest(items(all.filter((a) => a.id.endsWith('-2'))));
    const grown = store.listStories().filter((s) => s.size >= 2);
    const total = grown.reduce((n, s) => n + s.size, 0);
    const summary = await refreshReports(store, LEXICAL, GENERATOR, undefined, 2);
    assert.equal(summary.analysed, total - members, 'only the new articles are analysed');
    assert.equal(summary.analysed + summary.reused, grown.filter((s) => s.reportSeq !== s.updatedSeq).reduce((n, s) => n + s.size, 0));
    for (const s of grown) {
      const ids = store.memberIds(s.id);
      assert.equal(store.getAnalyses(ids, ANALYSIS_VERSION).size, ids.length);
      sameBytes(store.getReport(s.id)!.json, await freshReportJson(store, s.id), `report of ${s.id}`);
    }
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a stored analysis of another version, or one that cannot be decoded, is computed again and overwritten', async () => {
  const dir = tempDir();
  const store = openStore(join(dir, 'news.db'));
  try {
    await ingestCorpus([...FIRST_TWO, ...THIRD], store);
    const { id, members } = onlyStory(store);
    const [old, damaged, current] = members as [string, string, string];
    const article = (key: string): Article => articleOfRecord(store.getArticle(key)!);
    store.saveAnalyses([
      { id: old, version: ANALYSIS_VERSION - 1, data: encodeAnalysis(analyse(article(old))) },
      { id: damaged, version: ANALYSIS_VERSION, data: Uint8Array.of(1, 2, 3) },
      { id: current, version: ANALYSIS_VERSION, data: encodeAnalysis(analyse(article(current))) },
    ]);
    assert.deepEqual([...store.getAnalyses(members, ANALYSIS_VERSION).keys()].sort(), [damaged, current].sort());

    // `story ID` (and the HTTP API) take the same path as the ingest ledgers.
    const report = await storyReport(store, id, LEXICAL, GENERATOR);
    sameBytes(JSON.stringify(report), await freshReportJson(store, id), 'storyReport');
    const stored = store.getAnalyses(members, ANALYSIS_VERSION);
    assert.equal(stored.size, 3, 'the old-version analysis was overwritten with this version');
    assert.equal(store.getAnalyses([old], ANALYSIS_VERSION - 1).size, 0);
    assert.deepEqual(decodeAnalysis(stored.get(damaged)!, article(damaged)), analyse(article(damaged)), 'the damaged one was replaced');
    assert.equal(store.getReport(id)!.json, JSON.stringify(report));
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('upgrade from schema 2: articles, stories and reports kept, no analyses yet; the next report stores them', async () => {
  const dir = tempDir();
  const path = join(dir, 'old.db');
  try {
    const v2 = openSqliteStore(path, { migrations: MIGRATIONS.slice(0, 2) });
    await ingestCorpus(FIRST_TWO, v2);
    const { id } = onlyStory(v2);
    v2.saveReport(id, '{"stories":[]}', v2.getStory(id)!.updatedSeq);
    v2.close();
    const raw = new Database(path, { readonly: true });
    assert.equal(raw.pragma('user_version', { simple: true }), 2);
    assert.equal(raw.prepare(`SELECT count(*) FROM sqlite_schema WHERE name = 'article_analyses'`).pluck().get(), 0);
    raw.close();

    const store = openStore(path);
    try {
      assert.equal(store.stats().schemaVersion, MIGRATIONS.length);
      const { members } = onlyStory(store);
      assert.equal(store.getReport(id)!.json, '{"stories":[]}', 'the stored report is kept');
      assert.equal(store.getAnalyses(members, ANALYSIS_VERSION).size, 0);
      await ingestCorpus(THIRD, store);
      assert.deepEqual(await refreshReports(store, LEXICAL, GENERATOR, undefined, 1), { reports: 1, analysed: 3, reused: 0 });
      assert.equal(store.getAnalyses(store.memberIds(id), ANALYSIS_VERSION).size, 3);
    } finally {
      store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
