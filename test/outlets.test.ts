/**
 * The outlet and network view (src/outlets): machine-rewrite traces with offsets, the per-outlet record and the
 * derivation edges on a small report we write, and the CLI over a store.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { outletDigest, outletNetwork, rewriteTraces } from '../src/outlets/index.js';
import { DIGEST_VERSION, openingOf } from '../src/outlets/digest.js';
import { createHash } from 'node:crypto';
import type { Article, Claim, DerivationPair, Report, ReportArticle, StoryReport } from '../src/types.js';
import { runCli } from './helpers/cli.js';
import { CorpusIngester } from '../src/corpus/ingest.js';
import { backfillDigests, storeOutletNetwork } from '../src/corpus/outlets.js';
import { refreshReports } from '../src/corpus/reports.js';
import { openStore } from '../src/store/index.js';
import { MIGRATIONS } from '../src/store/migrations.js';
import { openSqliteStore } from '../src/store/sqlite.js';

test('machine-rewrite traces: each leftover with its kind and exact offsets', () => {
  const text =
    'Here is the rewritten article: The council closed the bridge on Monday. As an AI language model, I cannot verify these claims.\n' +
    'Please note that this rewrite aims to preserve the original meaning. The mayor said repairs would take a week.';
  const traces = rewriteTraces('a1', text);
  assert.deepEqual(traces.map((t) => t.kind), ['rewrite-preamble', 'ai-disclaimer', 'rewrite-note']);
  for (const t of traces) assert.equal(text.slice(t.start, t.end), t.text);
  assert.deepEqual(rewriteTraces('a2', 'The council said the bridge, an AI-designed span, was safe.'), []);
});

/** The network of reports, each read as the outlet digest the store keeps. */
const networkOf = (reports: Report[]) => outletNetwork(reports.map(outletDigest));

function art(id: string, source: string, published: string, text = 'Text.'): ReportArticle {
  return { id, title: null, source, url: null, published, language: 'en', byline: null, text, sentences: [] };
}

function pair(a: string, b: string, direction: DerivationPair['direction'], confidence = 0.8): DerivationPair {
  return { a, b, direction, confidence, reuse: { aInB: 0.9, bInA: 0.9 }, revision: { aFromB: { level: 'light', score: 0.5 }, bFromA: { level: 'light', score: 0.5 } }, evidence: [{ kind: 'publication-order', detail: '', weight: 0.35 }] };
}

function quote(id: string, quotedIn: string[], status: Claim['status'], supportedIn: string[] = []): Claim {
  return { id, kind: 'quote', text: '“…”', status, articles: [...quotedIn, ...supportedIn], mentions: [], speaker: null, quotedIn, supportedIn };
}

test('outlet records and edges: rewrites, lags, unattested quotes, first in story, conflicts', () => {
  const articles = [
    art('w1', 'Wire', '2026-09-01T10:00:00Z'),
    art('n1', 'Site A', '2026-09-01T10:20:00Z'),
    art('m1', 'Site B', '2026-09-01T10:40:00Z'),
    art('h1', 'Honest', '2026-09-01T14:00:00Z'),
  ];
  const story: StoryReport = {
    id: 's1',
    articles: ['w1', 'n1', 'm1', 'h1'],
    claims: [quote('q1', ['w1', 'n1', 'm1'], 'corroborated'), quote('q2', ['n1'], 'single-source'), quote('q3', ['h1'], 'single-source', ['w1'])],
    conflicts: [{ id: 'c1', type: 'number', summary: '', claims: [], sides: [{ article: 'm1', start: 0, end: 1, text: 'x', value: '1' }, { article: 'w1', start: 0, end: 1, text: 'y', value: '2' }] }],
    alignments: [],
    derivation: [pair('w1', 'n1', 'b-from-a'), pair('w1', 'm1', 'b-from-a'), pair('n1', 'm1', 'b-from-a', 0.5), pair('w1', 'h1', 'independent')],
  } as unknown as StoryReport;
  const report = { schemaVersion: 3, generator: 't', articles, stories: [story], problems: [] } as Report;
  const net = networkOf([report]);
  const by = new Map(net.outlets.map((o) => [o.outlet, o]));
  assert.equal(by.get('Site A')!.rewrites, 1);
  assert.equal(by.get('Site A')!.medianLagMinutes, 20);
  assert.deepEqual(by.get('Site B')!.topSources, [{ outlet: 'Wire', articles: 1 }], 'the most confident source');
  assert.equal(by.get('Site B')!.medianLagMinutes, 40);
  assert.equal(by.get('Honest')!.rewrites, 0);
  assert.equal(by.get('Site A')!.quotes, 2);
  assert.equal(by.get('Site A')!.unattestedQuotes, 1);
  assert.equal(by.get('Site A')!.unattestedShare, 0.5);
  assert.equal(by.get('Honest')!.unattestedQuotes, 0, 'a quote another article supports is attested');
  assert.equal(by.get('Wire')!.firstShare, 1);
  assert.equal(by.get('Site B')!.conflictShare, 1);
  assert.equal(by.get('Site A')!.conflictShare, 0);
  assert.deepEqual(net.edges.map((e) => `${e.from}->${e.to}:${e.articles}`), ['Wire->Site A:1', 'Wire->Site B:1']);
  assert.deepEqual(net.groups, [{ outlets: ['Site A', 'Site B'], sharedSources: 1 }], 'both rewrote w1 within the window');
  assert.deepEqual(networkOf([report]), net, 'deterministic');
});

test('CLI: outlets and network over a store; dot output escapes hostile outlet names; they take no inputs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-outlets-'));
  try {
    const db = join(dir, 'news.db');
    const feed = [
      { id: 'a', source: 'Wire "X" \\ Agency', published: '2026-09-01T10:00:00Z', text: 'Floodwater closed 87 roads in Arden on Monday, officials said. The river rose four metres. Residents were told to boil water.' },
      { id: 'b', source: 'Copy <Site>', published: '2026-09-01T10:30:00Z', text: 'Floodwater closed 87 roads in Arden on Monday, officials said. The river rose four metres. Residents were told to boil water.' },
    ].map((x) => JSON.stringify(x)).join('\n');
    assert.equal(runCli(['ingest', '-', '--db', db, '--no-ledgers'], { input: `${feed}\n` }).status, 0);
    assert.match(runCli(['outlets', '--db', db]).stdout, /1 story has no current report and is not counted: 'corroborate ingest' with no input computes them/);
    // With no input, ingest only brings the reports up to date, and says so; it never creates a store.
    const refresh = runCli(['ingest', '--db', db]);
    assert.equal(refresh.status, 0, refresh.stderr);
    assert.match(refresh.stderr, /0 read .*; 1 ledger updated/);
    assert.match(refresh.stderr, /no input given: only the reports were brought up to date \(give - to read standard input\)/);
    const typo = runCli(['ingest', '--db', join(dir, 'typo.db')]);
    assert.equal(typo.status, 4);
    assert.match(typo.stderr, /^corroborate: no store at .*typo\.db: 'ingest' with no input brings an existing store's reports up to date; give articles to create one\n$/);
    assert.equal(existsSync(join(dir, 'typo.db')), false);
    const noLedgers = runCli(['ingest', '--db', db, '--no-ledgers']);
    assert.equal(noLedgers.status, 2);
    assert.match(noLedgers.stderr, /'ingest --no-ledgers' needs an input/);
    const text = runCli(['outlets', '--db', db]);
    assert.equal(text.status, 0, text.stderr);
    assert.match(text.stdout, /^outlet +articles/);
    assert.match(text.stdout, /Copy <Site>/);
    const dot = runCli(['network', '--db', db, '--format', 'dot']);
    assert.equal(dot.status, 0, dot.stderr);
    assert.match(dot.stdout, /^digraph outlets \{/);
    assert.ok(dot.stdout.includes('"Wire \\"X\\" \\\\ Agency"'), dot.stdout);
    const json = JSON.parse(runCli(['network', '--db', db]).stdout) as { edges: unknown[] };
    assert.ok(Array.isArray(json.edges));
    assert.equal(runCli(['outlets', 'x.jsonl', '--db', db]).status, 2);
    assert.equal(runCli(['network', '--db', db, '--format', 'text']).status, 2);
    assert.equal(runCli(['outlets', '--db', db, '--format', 'dot']).status, 2);
    // One self-contained page for either command: the names as text, the arrow linked to its pairs.
    for (const command of ['outlets', 'network']) {
      const html = runCli([command, '--db', db, '--format', 'html']);
      assert.equal(html.status, 0, html.stderr);
      assert.match(html.stdout, /^<!doctype html>/);
      assert.ok(html.stdout.includes('Copy &lt;Site&gt;') && !html.stdout.includes('<Site>'), 'the hostile name is escaped');
      assert.match(html.stdout, /<a href="#edge-1"><title>Wire &quot;X&quot; \\ Agency → Copy &lt;Site&gt;: 1 article/);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('review regressions: an article named by two reports counts once; names cannot forge edges; the window holds; UTC; own outlet is no source', () => {
  const mk = (id: string, source: string, published: string): ReportArticle => art(id, source, published);
  const story = (id: string, ids: string[], derivation: DerivationPair[]): StoryReport =>
    ({ id, articles: ids, claims: [], conflicts: [], alignments: [], derivation }) as unknown as StoryReport;
  const report = (articles: ReportArticle[], stories: StoryReport[]): Report => ({ schemaVersion: 3, generator: 't', articles, stories, problems: [] }) as Report;
  // The same article in a current and a stale report: once.
  const w = mk('w', 'Wire', '2026-09-01T10:00:00Z');
  const a = mk('a', 'Site A', '2026-09-01T10:20:00Z');
  const twice = networkOf([report([w, a], [story('s1', ['w', 'a'], [pair('w', 'a', 'b-from-a')])]), report([w, a], [story('s0', ['w', 'a'], [pair('w', 'a', 'b-from-a')])])]);
  const wire = twice.outlets.find((o) => o.outlet === 'Wire')!;
  assert.equal(wire.articles, 1);
  assert.equal(wire.firstShare, 1);
  assert.deepEqual(twice.edges.map((e) => e.articles), [1]);
  // A NUL in a name is white space: no edge names an outlet that does not exist.
  const forged = networkOf([report([mk('x', 'Wire\u0000Evil', '2026-09-01T10:00:00Z'), mk('y', 'Site', '2026-09-01T10:30:00Z')], [story('s', ['x', 'y'], [pair('x', 'y', 'b-from-a')])])]);
  assert.deepEqual(forged.edges.map((e) => [e.from, e.to]), [['Wire Evil', 'Site']]);
  // Two sites rewriting one source two days apart are not co-publishers.
  const far = networkOf([
    report(
      [mk('s', 'Wire', '2026-09-01T10:00:00Z'), mk('p', 'P', '2026-09-01T10:10:00Z'), mk('q', 'Q', '2026-09-03T10:10:00Z')],
      [story('s', ['s', 'p', 'q'], [pair('s', 'p', 'b-from-a'), pair('s', 'q', 'b-from-a')])],
    ),
  ]);
  assert.deepEqual(far.groups, []);
  // A date-time without an offset is UTC; a rewrite published before its source has no lag.
  const utc = networkOf([
    report(
      [mk('s', 'Wire', '2026-09-01T10:00:00'), mk('p', 'P', '2026-09-01T10:20:00'), mk('q', 'Q', '2026-09-01T09:00:00Z')],
      [story('s', ['s', 'p', 'q'], [pair('s', 'p', 'b-from-a'), pair('s', 'q', 'b-from-a')])],
    ),
  ]);
  assert.equal(utc.outlets.find((o) => o.outlet === 'P')!.medianLagMinutes, 20);
  assert.equal(utc.outlets.find((o) => o.outlet === 'Q')!.medianLagMinutes, null);
  // An article of the same outlet is not the source; another outlet's is.
  const own = networkOf([
    report(
      [mk('w', 'Wire', '2026-09-01T09:00:00Z'), mk('a0', 'Site A', '2026-09-01T08:00:00Z'), mk('a1', 'Site A', '2026-09-01T09:30:00Z')],
      [story('s', ['a0', 'w', 'a1'], [pair('a0', 'a1', 'b-from-a', 0.9), pair('w', 'a1', 'b-from-a', 0.8)])],
    ),
  ]);
  assert.deepEqual(own.outlets.find((o) => o.outlet === 'Site A')!.topSources, [{ outlet: 'Wire', articles: 1 }]);
});

test('templated openings: the same first words across an outlet\'s stories, with example spans; not a one-off', () => {
  assert.deepEqual(openingOf('  BREAKING: According to 12 local sources, the dam'), {
    start: 2,
    words: ['breaking', 'according', 'to', '#', 'local', 'sources'],
    ends: [10, 21, 24, 27, 33, 41],
    text: 'BREAKING: According to 12 local sources',
  });
  const a = openingOf('\n“BREAKING: according to 12 local sources” the dam held.')!;
  const b = openingOf('Breaking — According to 7 local sources, a fire broke out.')!;
  assert.deepEqual(a.words, b.words, 'case, punctuation and digits aside');
  const tass1 = openingOf('MOSCOW, Dec 5 (TASS) — The Russian army said')!;
  const tass2 = openingOf('Moscow, November 30 (TASS) — A spokesman said')!;
  assert.deepEqual(tass1.words.slice(0, 4), tass2.words.slice(0, 4), 'a dateline: month names and days aside');
  assert.equal(openingOf(' … '), null);

  const lede = (n: number): string => `BREAKING: According to ${n} local sources, event ${n} happened in the valley.`;
  const articles = [1, 2, 3, 4].map((n) => art(`t${n}`, 'Template Site', `2026-09-0${n}T10:00:00Z`, `\n${lede(n)}`));
  const other = [1, 2].map((n) => art(`o${n}`, 'Other Site', `2026-09-0${n}T10:00:00Z`, `Officials said on Monday that ${n} roads closed.`));
  const months = ['Sep', 'October', 'Nov', 'December'];
  const wire = [1, 2, 3, 4].map((n) => art(`w${n}`, 'Wire', `2026-09-0${n}T09:00:00Z`, `MOSCOW, ${months[n - 1]} ${n + 20} (TASS) — ${['The army', 'A spokesman', 'Officials in', 'Rescuers have'][n - 1]} said ${n} things.`));
  const stories = [1, 2, 3, 4].map((n) => ({ id: `s${n}`, articles: [`w${n}`, `t${n}`, ...(n <= 2 ? [`o${n}`] : [])], claims: [], conflicts: [], alignments: [], derivation: [] }) as unknown as StoryReport);
  const net = networkOf([{ schemaVersion: 3, generator: 't', articles: [...wire, ...articles, ...other], stories, problems: [] } as Report]);
  const dateline = net.outlets.find((o) => o.outlet === 'Wire')!.templates;
  assert.deepEqual(dateline.map((t) => [t.opening, t.articles]), [['MOSCOW, Sep 21 (TASS)', 4]], 'the dateline, not the words after it');
  const site = net.outlets.find((o) => o.outlet === 'Template Site')!;
  assert.equal(site.templates.length, 1);
  const t = site.templates[0]!;
  assert.deepEqual([t.opening, t.articles, t.stories, t.share], ['BREAKING: According to 1 local sources', 4, 4, 1]);
  assert.deepEqual(t.examples[1], { article: 't2', start: 1, end: 1 + 'BREAKING: According to 2 local sources'.length, text: 'BREAKING: According to 2 local sources' });
  assert.equal(site.templates.length, 1, 'the shorter prefixes of the same opening are not listed again');
  assert.deepEqual(net.outlets.find((o) => o.outlet === 'Other Site')!.templates, [], 'two stories are not a template');
});

test('the outlet digest is pinned: a change to what it holds (traces, openings, names, sources) must bump DIGEST_VERSION', () => {
  const articles = [
    art('w', 'Wire', '2026-09-01T10:00:00Z', 'ARDEN, Sept 1 (Wire) — Floodwater closed 87 roads, officials said.'),
    art('s', ' Copy\u0000Site ', '2026-09-01T10:30:00Z', 'Here is the rewritten article: Floodwater closed 87 roads in Arden, officials said.'),
  ];
  const story = {
    id: 's1',
    articles: ['w', 's'],
    claims: [quote('q1', ['s'], 'single-source')],
    conflicts: [{ id: 'c1', type: 'number', summary: '', claims: [], sides: [{ article: 's', start: 0, end: 1, text: 'x', value: '1' }] }],
    alignments: [],
    derivation: [pair('w', 's', 'b-from-a', 0.8), pair('s', 'w', 'a-from-b', 0.3)],
  } as unknown as StoryReport;
  const digest = outletDigest({ articles, stories: [story] });
  assert.equal(digest.version, DIGEST_VERSION);
  const hash = createHash('sha256').update(JSON.stringify(digest)).digest('hex').slice(0, 16);
  assert.equal(hash, 'cc3b54522a957593', `the digest changed (${JSON.stringify(digest)}): bump DIGEST_VERSION in src/outlets/digest.ts, then pin the new hash`);
});

test('a store from before digests: upgraded on open, the view reads its reports, ingest gives them digests', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-outlets-v4-'));
  try {
    const path = join(dir, 'old.db');
    const v4 = openSqliteStore(path, { migrations: MIGRATIONS.slice(0, 4) });
    const texts = ['Floodwater closed 87 roads in Arden on Monday, officials said. The river rose four metres. Residents were told to boil water.'];
    async function* items(): AsyncGenerator<Article> {
      yield { id: 'a', title: 'Flood', text: texts[0]!, source: 'Wire', url: null, published: '2026-09-01T10:00:00Z', language: 'en', byline: null, origin: 'test' };
      yield { id: 'b', title: 'Flood copy', text: texts[0]!.replace('officials said', 'officials told reporters'), source: 'Copy Site', url: null, published: '2026-09-01T10:30:00Z', language: 'en', byline: null, origin: 'test' };
    }
    await new CorpusIngester(v4).ingest(items());
    await refreshReports(v4, { encoder: false, cacheDir: null }, 'test', undefined, 1);
    assert.equal(v4.stats().reports, 1);
    v4.close();
    const store = openStore(path);
    try {
      assert.equal(store.stats().schemaVersion, MIGRATIONS.length);
      const story = store.getArticle('a')!.story!;
      assert.equal(store.getReportDigest(story)!.digest, null, 'no digest yet');
      const net = storeOutletNetwork(store);
      assert.deepEqual(net.edges.map((e) => [e.from, e.to]), [['Wire', 'Copy Site']]);
      assert.equal(backfillDigests(store), 1);
      assert.ok(store.getReportDigest(story)!.digest);
      assert.deepEqual(storeOutletNetwork(store), net);
    } finally {
      store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
