import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareStory } from '../src/compare/index.js';
import { NO_VECTORS } from '../src/similarity/vector.js';
import type { AnalysedArticle, Claim, StoryReport } from '../src/types.js';
import { build } from './fixtures/compare/build.js';
import { wildfire } from './fixtures/compare/wildfire.js';

function run(arts: AnalysedArticle[]): StoryReport {
  return compareStory({ id: 'story-1', articles: arts.map((a) => a.article.id) }, arts, NO_VECTORS);
}
const find = (r: StoryReport, kind: Claim['kind'], text: string) => r.claims.find((c) => c.kind === kind && c.text.includes(text));

test('every claim mention is an exact span of its article', () => {
  const arts = wildfire();
  const r = run(arts);
  const byId = new Map(arts.map((a) => [a.article.id, a.article.text]));
  assert.ok(r.claims.length > 10);
  for (const c of r.claims) {
    assert.ok(c.mentions.length > 0, c.id);
    for (const m of c.mentions) assert.equal(byId.get(m.article)!.slice(m.start, m.end), m.text);
    for (const m of c.mentions) assert.ok(c.articles.includes(m.article));
  }
});

test('numbers, dates, entities, attributions: statuses by how many articles carry them', () => {
  const r = run(wildfire());
  const hectares = find(r, 'number', '1,500')!;
  assert.equal(hectares.status, 'corroborated');
  assert.equal(hectares.value, '1500');
  assert.deepEqual(hectares.articles, ['alpha-post', 'beta-news', 'gamma-times']);
  const meeting = find(r, 'date', '12 March 2026')!;
  assert.equal(meeting.status, 'single-source');
  assert.equal(meeting.value, '2026-03-12');
  assert.deepEqual(meeting.articles, ['beta-news']);
  assert.equal(find(r, 'date', 'Sunday')!.status, 'corroborated');
  const ortiz = find(r, 'entity', 'Lena Ortiz')!;
  assert.deepEqual(ortiz.articles, ['alpha-post', 'beta-news']);
  const wire = find(r, 'attribution', 'Coastline Press')!;
  assert.equal(wire.status, 'corroborated');
  assert.deepEqual(wire.articles, ['beta-news', 'gamma-times']);
});

test('statements: aligned sentences corroborate, unmatched ones are single-source', () => {
  const r = run(wildfire());
  const burned = find(r, 'statement', 'The fire burned 1,500 hectares')!;
  assert.equal(burned.status, 'corroborated');
  assert.equal(burned.mentions.length, 3);
  const volunteers = find(r, 'statement', 'Volunteers handed out water')!;
  assert.equal(volunteers.status, 'single-source');
  assert.deepEqual(volunteers.articles, ['alpha-post']);
});

test('quote ledger: quoted-and-paraphrased is corroborated; quoted once and stated nowhere is single-source', () => {
  const r = run(wildfire());
  const blaze = find(r, 'quote', 'The blaze spread faster')!;
  assert.deepEqual(blaze.quotedIn, ['alpha-post']);
  assert.deepEqual(blaze.supportedIn, ['beta-news']);
  assert.equal(blaze.status, 'corroborated');
  assert.equal(blaze.speaker, 'Lena Ortiz');
  const support = blaze.mentions.find((m) => m.article === 'beta-news')!;
  assert.equal(support.text, 'the fire had spread faster than forecasters had predicted');
  const saved = find(r, 'quote', 'We saved every house')!;
  assert.deepEqual(saved.quotedIn, ['alpha-post']);
  assert.deepEqual(saved.supportedIn, []);
  assert.equal(saved.status, 'single-source');
});

test('a quote printed by two outlets is quotedIn both', () => {
  const a = build({
    id: 'a',
    text: '“We will rebuild every bridge by spring,” Governor Ana Kell said on Monday.',
    quotes: [{ text: 'We will rebuild every bridge by spring,', direct: true, speaker: 'Ana Kell' }],
    entities: [{ name: 'Ana Kell', type: 'person', forms: ['Kell'] }],
  });
  const b = build({
    id: 'b',
    text: 'Kell promised: “We will rebuild every bridge by spring.”',
    quotes: [{ text: 'We will rebuild every bridge by spring.', direct: true, speaker: 'Kell' }],
    entities: [{ name: 'Kell', type: 'person' }],
  });
  const r = run([a, b]);
  const q = r.claims.filter((c) => c.kind === 'quote');
  assert.equal(q.length, 1);
  assert.deepEqual(q[0]!.quotedIn, ['a', 'b']);
  assert.equal(q[0]!.status, 'corroborated');
  assert.equal(r.conflicts.length, 0);
});

test('ids are stable (kind prefix + content hash) and independent of input order; order is deterministic', () => {
  const arts = wildfire();
  const r1 = run(arts);
  const r2 = run([arts[2]!, arts[0]!, arts[1]!]);
  for (const c of r1.claims) assert.match(c.id, /^(stmt|quote|num|date|ent|attr)-[0-9a-f]{12}(-\d+)?$/);
  const ids1 = new Set(r1.claims.filter((c) => c.kind !== 'statement').map((c) => c.id));
  const ids2 = new Set(r2.claims.filter((c) => c.kind !== 'statement').map((c) => c.id));
  assert.deepEqual(ids2, ids1);
  const kinds = r1.claims.map((c) => c.kind);
  const order = ['statement', 'quote', 'number', 'date', 'entity', 'attribution'];
  for (let i = 1; i < kinds.length; i++) assert.ok(order.indexOf(kinds[i - 1]!) <= order.indexOf(kinds[i]!));
});
