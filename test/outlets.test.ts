/**
 * The outlet and network view (src/outlets): machine-rewrite traces with offsets, the per-outlet record and the
 * derivation edges on a small report we write, and the CLI over a store.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { outletNetwork, rewriteTraces } from '../src/outlets/index.js';
import type { Claim, DerivationPair, Report, ReportArticle, StoryReport } from '../src/types.js';
import { runCli } from './helpers/cli.js';

test('machine-rewrite traces: each leftover with its kind and exact offsets', () => {
  const text =
    'Here is the rewritten article: The council closed the bridge on Monday. As an AI language model, I cannot verify these claims.\n' +
    'Please note that this rewrite aims to preserve the original meaning. The mayor said repairs would take a week.';
  const traces = rewriteTraces('a1', text);
  assert.deepEqual(traces.map((t) => t.kind), ['rewrite-preamble', 'ai-disclaimer', 'rewrite-note']);
  for (const t of traces) assert.equal(text.slice(t.start, t.end), t.text);
  assert.deepEqual(rewriteTraces('a2', 'The council said the bridge, an AI-designed span, was safe.'), []);
});

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
  const net = outletNetwork([report]);
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
  assert.deepEqual(outletNetwork([report]), net, 'deterministic');
});

test('CLI: outlets and network over a store; dot output escapes hostile outlet names; they take no inputs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-outlets-'));
  try {
    const db = join(dir, 'news.db');
    const feed = [
      { id: 'a', source: 'Wire "X" \\ Agency', published: '2026-09-01T10:00:00Z', text: 'Floodwater closed 87 roads in Arden on Monday, officials said. The river rose four metres. Residents were told to boil water.' },
      { id: 'b', source: 'Copy <Site>', published: '2026-09-01T10:30:00Z', text: 'Floodwater closed 87 roads in Arden on Monday, officials said. The river rose four metres. Residents were told to boil water.' },
    ].map((x) => JSON.stringify(x)).join('\n');
    assert.equal(runCli(['ingest', '-', '--db', db], { input: `${feed}\n` }).status, 0);
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
    assert.equal(runCli(['network', '--db', db, '--format', 'html']).status, 2);
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
  const twice = outletNetwork([report([w, a], [story('s1', ['w', 'a'], [pair('w', 'a', 'b-from-a')])]), report([w, a], [story('s0', ['w', 'a'], [pair('w', 'a', 'b-from-a')])])]);
  const wire = twice.outlets.find((o) => o.outlet === 'Wire')!;
  assert.equal(wire.articles, 1);
  assert.equal(wire.firstShare, 1);
  assert.deepEqual(twice.edges.map((e) => e.articles), [1]);
  // A NUL in a name is white space: no edge names an outlet that does not exist.
  const forged = outletNetwork([report([mk('x', 'Wire\u0000Evil', '2026-09-01T10:00:00Z'), mk('y', 'Site', '2026-09-01T10:30:00Z')], [story('s', ['x', 'y'], [pair('x', 'y', 'b-from-a')])])]);
  assert.deepEqual(forged.edges.map((e) => [e.from, e.to]), [['Wire Evil', 'Site']]);
  // Two sites rewriting one source two days apart are not co-publishers.
  const far = outletNetwork([
    report(
      [mk('s', 'Wire', '2026-09-01T10:00:00Z'), mk('p', 'P', '2026-09-01T10:10:00Z'), mk('q', 'Q', '2026-09-03T10:10:00Z')],
      [story('s', ['s', 'p', 'q'], [pair('s', 'p', 'b-from-a'), pair('s', 'q', 'b-from-a')])],
    ),
  ]);
  assert.deepEqual(far.groups, []);
  // A date-time without an offset is UTC; a rewrite published before its source has no lag.
  const utc = outletNetwork([
    report(
      [mk('s', 'Wire', '2026-09-01T10:00:00'), mk('p', 'P', '2026-09-01T10:20:00'), mk('q', 'Q', '2026-09-01T09:00:00Z')],
      [story('s', ['s', 'p', 'q'], [pair('s', 'p', 'b-from-a'), pair('s', 'q', 'b-from-a')])],
    ),
  ]);
  assert.equal(utc.outlets.find((o) => o.outlet === 'P')!.medianLagMinutes, 20);
  assert.equal(utc.outlets.find((o) => o.outlet === 'Q')!.medianLagMinutes, null);
  // An article of the same outlet is not the source; another outlet's is.
  const own = outletNetwork([
    report(
      [mk('w', 'Wire', '2026-09-01T09:00:00Z'), mk('a0', 'Site A', '2026-09-01T08:00:00Z'), mk('a1', 'Site A', '2026-09-01T09:30:00Z')],
      [story('s', ['a0', 'w', 'a1'], [pair('a0', 'a1', 'b-from-a', 0.9), pair('w', 'a1', 'b-from-a', 0.8)])],
    ),
  ]);
  assert.deepEqual(own.outlets.find((o) => o.outlet === 'Site A')!.topSources, [{ outlet: 'Wire', articles: 1 }]);
});
