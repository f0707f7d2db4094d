import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareStory } from '../src/compare/index.js';
import { NO_VECTORS, vectorsFromMap } from '../src/similarity/vector.js';
import type { AnalysedArticle, StoryReport } from '../src/types.js';
import { build } from './fixtures/compare/build.js';
import { wildfire } from './fixtures/compare/wildfire.js';

function run(arts: AnalysedArticle[], vectors = NO_VECTORS): StoryReport {
  return compareStory({ id: 'story-1', articles: arts.map((a) => a.article.id) }, arts, vectors);
}

test('alignment of every pair, in story order, with exact sentence spans', () => {
  const arts = wildfire();
  const r = run(arts);
  assert.deepEqual(
    r.alignments.map((a) => [a.a, a.b]),
    [
      ['alpha-post', 'beta-news'],
      ['alpha-post', 'gamma-times'],
      ['beta-news', 'gamma-times'],
    ],
  );
  const byId = new Map(arts.map((a) => [a.article.id, a.article.text]));
  for (const al of r.alignments) {
    for (const l of al.links) {
      assert.equal(byId.get(l.a.article)!.slice(l.a.start, l.a.end), l.a.text);
      assert.equal(byId.get(l.b.article)!.slice(l.b.start, l.b.end), l.b.text);
      assert.ok(l.score >= 0 && l.score <= 1);
    }
  }
});

test('labels: same for a verbatim copy, paraphrase for reordered words, unmatched for new sentences', () => {
  const r = run(wildfire());
  const ag = r.alignments[1]!; // alpha–gamma
  const link = (i: number) => ag.links.find((l) => l.a.sentence === i);
  assert.equal(link(1)?.label, 'same');
  assert.equal(link(1)?.b.sentence, 1);
  assert.equal(link(0)?.label, 'paraphrase');
  assert.deepEqual(ag.unmatchedB, [2]); // schools closed: only gamma
  assert.ok(ag.unmatchedA.includes(6)); // volunteers: only alpha
  const ab = r.alignments[0]!;
  const crews = ab.links.find((l) => l.a.sentence === 1)!;
  assert.equal(crews.b.sentence, 1);
  assert.equal(crews.label, 'paraphrase'); // same words, different order
  assert.equal(ab.unmatchedB.includes(5), true); // the public meeting
});

test('many-to-one: a rewrite that merges two sentences links both to the merged one', () => {
  const a = build({
    id: 'a',
    text: 'The Tarn bridge closed at noon for urgent repairs to its cables.\n\nTraffic was diverted to Route 9 through Ellford village.\n\nThe mayor visited the hospital.',
  });
  const b = build({
    id: 'b',
    text: 'The Tarn bridge closed at noon for urgent cable repairs, and traffic was diverted to Route 9 through Ellford village.\n\nBakers in the market sold out early.',
  });
  const r = run([a, b]);
  const links = r.alignments[0]!.links;
  const toB0 = links.filter((l) => l.b.sentence === 0).map((l) => l.a.sentence).sort();
  assert.deepEqual(toB0, [0, 1]);
  assert.deepEqual(r.alignments[0]!.unmatchedA, [2]);
  assert.deepEqual(r.alignments[0]!.unmatchedB, [1]);
});

test('partial: a sentence that shares only part of its content', () => {
  const a = build({ id: 'a', text: 'Storm Odile cut power to 4,000 homes in Brancaster and closed the ferry port for two days.' });
  const b = build({ id: 'b', text: 'The ferry port in Brancaster reopened on Friday after the storm passed.' });
  const r = run([a, b]);
  const l = r.alignments[0]!.links[0];
  assert.ok(l, 'linked');
  assert.equal(l.label, 'partial');
});

test('the sentence encoder lifts a paraphrase with few shared words', () => {
  const a = build({ id: 'a', text: 'Officials in Dorrow ordered everyone out of the valley before the dam gave way.\n\nThe mayor thanked volunteers.' });
  const b = build({ id: 'b', text: 'Dorrow authorities evacuated all valley residents ahead of the dam failure.\n\nA school reopened downtown.' });
  const lexical = run([a, b]).alignments[0]!.links.find((l) => l.a.sentence === 0);
  // Fake 4-d vectors: the two evacuation sentences point the same way, the others elsewhere.
  const v = new Map<string, Float32Array>([
    [a.sentences[0]!.text, Float32Array.of(1, 0.1, 0, 0)],
    [b.sentences[0]!.text, Float32Array.of(0.95, 0.12, 0.05, 0)],
    [a.sentences[1]!.text, Float32Array.of(0, 0, 1, 0)],
    [b.sentences[1]!.text, Float32Array.of(0, 0.1, 0, 1)],
  ]);
  const withVec = run([a, b], vectorsFromMap(v)).alignments[0]!.links.find((l) => l.a.sentence === 0);
  assert.ok(withVec, 'linked with vectors');
  assert.ok(withVec.semantic !== null && withVec.semantic > 0.9);
  assert.ok(!lexical || withVec.score > lexical.score);
});

test('deterministic: the same input gives the same report', () => {
  assert.deepEqual(run(wildfire()), run(wildfire()));
});
