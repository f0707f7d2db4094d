/**
 * Integration: the real analyse stage on examples/ (three fictional outlets on one flood), compared
 * lexically and with the sentence encoder; every planted difference must be reported, with exact
 * offsets.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyse } from '../src/analyse/index.js';
import { readInputs } from '../src/ingest/index.js';
import { compareStory } from '../src/compare/index.js';
import { embedSentences } from '../src/similarity/encoder.js';
import type { AnalysedArticle, Article, StoryReport } from '../src/types.js';

const EXAMPLES = join(dirname(fileURLToPath(import.meta.url)), '..', 'examples');

async function load(): Promise<AnalysedArticle[]> {
  const out: Article[] = [];
  for await (const x of readInputs([EXAMPLES])) if (!('kind' in x)) out.push(x);
  return out.map(analyse);
}

function checkReport(r: StoryReport, arts: AnalysedArticle[]): void {
  const text = new Map(arts.map((a) => [a.article.id, a.article.text]));
  const span = (s: { article: string; start: number; end: number; text: string }) => assert.equal(text.get(s.article)!.slice(s.start, s.end), s.text);
  for (const c of r.claims) c.mentions.forEach(span);
  for (const c of r.conflicts) c.sides.forEach(span);

  const V = 'valley-courier';
  const N = 'northshore-daily';
  const M = 'metro-ledger';
  const claim = (kind: string, pred: (t: string) => boolean) => r.claims.find((c) => c.kind === kind && pred(c.text));

  // The Marsh quote: only in valley-courier, stated nowhere else → single-source.
  const marsh = claim('quote', (t) => t.includes('single family without shelter'))!;
  assert.ok(marsh, 'Marsh quote');
  assert.deepEqual(marsh.quotedIn, [V]);
  assert.deepEqual(marsh.supportedIn, []);
  assert.equal(marsh.status, 'single-source');
  assert.equal(marsh.speaker, 'Elena Marsh');

  // The Reyes quote: quoted by valley-courier and northshore-daily, paraphrased by metro-ledger.
  const reyes = claim('quote', (t) => t.includes('faster than any model predicted'))!;
  assert.ok(reyes, 'Reyes quote');
  assert.deepEqual([...reyes.quotedIn!].sort(), [N, V]);
  assert.deepEqual(reyes.supportedIn, [M]);
  assert.equal(reyes.status, 'corroborated');
  assert.match(reyes.mentions.find((m) => m.article === M)!.text, /water had risen far faster/);

  // Residents evacuated: 1,200 vs 2,100.
  const evac = r.conflicts.find((c) => c.type === 'number' && c.sides.some((s) => s.value === '2100'))!;
  assert.ok(evac, 'number conflict');
  assert.ok(evac.sides.some((s) => s.article === V && s.value === '1200' && s.text.startsWith('1,200')));
  assert.ok(evac.sides.some((s) => s.article === M && s.text.startsWith('2,100')));
  for (const id of evac.claims) assert.equal(r.claims.find((c) => c.id === id)!.status, 'conflicting');

  // Harbor Wire Service attribution.
  const wire = claim('attribution', (t) => t === 'Harbor Wire Service')!;
  assert.ok(wire);
  assert.deepEqual([...wire.articles].sort(), [M, N]);

  // 6.4 metres: a paraphrase link and a corroborated statement.
  const mv = r.alignments.find((a) => new Set([a.a, a.b]).has(M) && new Set([a.a, a.b]).has(V))!;
  const crest = mv.links.find((l) => /peaked at 6\.4/.test(l.a.text + l.b.text) && /crested at 6\.4/.test(l.a.text + l.b.text))!;
  assert.ok(crest, 'crested/peaked link');
  assert.equal(crest.label, 'paraphrase');
  const crestStmt = r.claims.find((c) => c.kind === 'statement' && c.mentions.some((m) => m.text.includes('crested at 6.4')))!;
  assert.equal(crestStmt.status, 'corroborated');
  assert.ok(crestStmt.articles.length >= 2);

  // Single-source dates.
  const nov19 = claim('date', (t) => t === 'November 19')!;
  assert.deepEqual(nov19.articles, [M]);
  assert.equal(nov19.status, 'single-source');
  const mar2024 = claim('date', (t) => t === '3 March 2024')!;
  assert.deepEqual(mar2024.articles, [N]);
  assert.equal(mar2024.status, 'single-source');

  // Who blamed whom.
  const actor = r.conflicts.filter((c) => c.type === 'actor');
  assert.ok(actor.length >= 1);
  assert.ok(actor.some((c) => c.sides.some((s) => s.article === M && /water authority blamed the town council/.test(s.text))));

  // Contaminated or not.
  const neg = r.conflicts.filter((c) => c.type === 'negation' && c.sides.some((s) => /contaminated/.test(s.text)));
  assert.ok(neg.length >= 1);
  assert.ok(neg.some((c) => c.sides.some((s) => s.text === 'not contaminated') && c.sides.some((s) => s.article === M && s.text === 'contaminated')));

  // Derivation: northshore-daily and metro-ledger were published after valley-courier.
  for (const other of [N, M]) {
    const d = r.derivation.find((p) => new Set([p.a, p.b]).has(other) && new Set([p.a, p.b]).has(V))!;
    const expected = d.a === other ? 'a-from-b' : 'b-from-a';
    assert.equal(d.direction, expected, `${other} derived from ${V}`);
    assert.ok(d.evidence.some((e) => e.kind === 'publication-order'));
  }
}

test('examples: every planted difference is reported (lexical only)', async () => {
  const arts = await load();
  assert.equal(arts.length, 3);
  const r = compareStory({ id: 'flood', articles: arts.map((a) => a.article.id) }, arts, { get: () => undefined });
  checkReport(r, arts);
});

test('examples: every planted difference is reported (with the sentence encoder)', async () => {
  const arts = await load();
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-cmp-'));
  try {
    const vectors = await embedSentences(arts, { enabled: true, cacheDir: dir });
    const r = compareStory({ id: 'flood', articles: arts.map((a) => a.article.id) }, arts, vectors);
    checkReport(r, arts);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
