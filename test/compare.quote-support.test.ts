/**
 * Quote support by meaning (issue 11): a direct quote that another article states in its own words, attributed to
 * the same speaker, is supported there (with that article's words as the evidence), not single-source. Fictional
 * articles, run through the real analysis; lexical paraphrase head (no sentence vectors).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse } from '../src/analyse/index.js';
import { compareStory } from '../src/compare/index.js';
import { NO_VECTORS } from '../src/similarity/vector.js';
import { quotedWords } from '../src/text/spans.js';
import type { Article, StoryReport } from '../src/types.js';

const article = (id: string, text: string): Article => ({
  id, title: null, text, source: `Outlet ${id}`, url: null, published: '2026-11-30T10:00:00Z', language: 'en', byline: null, origin: 'test',
});

const QUOTING = article(
  'a',
  'Floods cut off the valley on Monday. Mayor Ivo Karsk visited the dam at Arden. ' +
    '“Our first task is to raise a flood wall along the river bank at Arden,” Karsk said, “and nobody in the valley will be left behind.” ' +
    'The council meets again on Friday.',
);
const sameSpeaker = article(
  'b',
  'Floods cut off the valley on Monday. Mayor Ivo Karsk visited the dam at Arden. ' +
    'Karsk said that the immediate priority is the construction of a flood wall along the river bank at Arden. ' +
    'The council meets again on Friday.',
);
const otherSpeaker = article(
  'c',
  'Floods cut off the valley on Monday. Mayor Ivo Karsk visited the dam at Arden. ' +
    'Councillor Nora Vance said that the immediate priority is the construction of a flood wall along the river bank at Arden. ' +
    'The council meets again on Friday.',
);
const unrelated = article(
  'd',
  'Floods cut off the valley on Monday. Mayor Ivo Karsk visited the dam at Arden. ' +
    'Karsk said that the school in Tolsk will stay closed until the roads reopen. ' +
    'The council meets again on Friday.',
);

function quoteClaim(r: StoryReport) {
  const q = r.claims.find((c) => c.kind === 'quote' && c.text.includes('flood wall'));
  assert.ok(q, 'the flood-wall quote is a claim');
  return q;
}
const run = (arts: Article[]): StoryReport => {
  const analysed = arts.map(analyse);
  return compareStory({ id: 's', articles: arts.map((a) => a.id) }, analysed, NO_VECTORS);
};

test('the same speaker stating the quote in other words supports it; the evidence is that article’s words', () => {
  const q = quoteClaim(run([QUOTING, sameSpeaker]));
  assert.deepEqual([q.quotedIn, q.supportedIn, q.status], [['a'], ['b'], 'corroborated']);
  const evidence = q.mentions.find((m) => m.article === 'b')!;
  assert.equal(sameSpeaker.text.slice(evidence.start, evidence.end), evidence.text);
  assert.match(evidence.text, /construction of a flood wall along the river bank at Arden/);
});

test('the words in another person’s mouth, or another statement of the same speaker, do not support it', () => {
  for (const other of [otherSpeaker, unrelated]) {
    const q = quoteClaim(run([QUOTING, other]));
    assert.deepEqual(q.supportedIn, [], other.id);
    assert.notEqual(q.status, 'corroborated', other.id);
  }
});

test('the quoted words of a quotation broken by its reporting clause are its parts, not the clause', () => {
  const analysed = analyse(QUOTING);
  const q = analysed.quotes.find((x) => x.direct)!;
  assert.equal(q.fragments?.length, 2);
  assert.equal(quotedWords(q), 'Our first task is to raise a flood wall along the river bank at Arden, and nobody in the valley will be left behind.');
});
