import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitSentences } from '../src/analyse/sentences.js';
import { findNegations } from '../src/analyse/negation.js';
import type { Negation } from '../src/types.js';

function neg(t: string): Negation[] {
  const out = findNegations(t, splitSentences(t));
  for (const n of out) assert.equal(t.slice(n.start, n.end), n.text);
  return out;
}

test('cue words with exact spans and sentence numbers', () => {
  const t = 'The supply was not contaminated. Nobody was hurt and nothing was lost. He never left.';
  const n = neg(t);
  assert.deepEqual(n.map((x) => [x.text, x.sentence]), [['not', 0], ['Nobody', 1], ['nothing', 1], ['never', 2]]);
  assert.equal(n[0]!.start, t.indexOf('not'));
});

test("contractions: the n't part is the cue", () => {
  const t = 'Crews didn’t stop. They won\'t wait and cannot leave.';
  const n = neg(t);
  assert.deepEqual(n.map((x) => x.text), ['n’t', "n't", 'cannot']);
  assert.equal(n[0]!.start, t.indexOf('n’t'));
});

test('no, none, neither/nor, without, denied, refused, failed to', () => {
  const t = 'No homes and none of the roads were spared. Neither the mayor nor the chief came, without notice. ' +
    'The council denied it, refused to comment and failed to act.';
  assert.deepEqual(neg(t).map((x) => x.text), ['No', 'none', 'Neither', 'nor', 'without', 'denied', 'refused', 'failed']);
});

test('not cues: "No. 5", "not only", "no doubt", "failed" without "to", words containing "no"', () => {
  assert.deepEqual(neg('Gate No. 5 held. It was not only wet but cold. No doubt it rained. The pump failed. Nobel notes.').map((x) => x.text), []);
});
