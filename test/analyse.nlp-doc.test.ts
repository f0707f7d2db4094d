/** The sentence-by-sentence compromise parse (with its cache) gives exactly the whole-text parse. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clearParseCaches, parseTerms, parseTermsUncached, type NlpTerm } from '../src/analyse/nlp-doc.js';
import { readArticles } from '../src/pipeline.js';

const texts = [
  ...(await readArticles(['examples'])).articles.map((a) => a.text),
  'Dr. A. B. Smith met Mr. Jones in St. Louis on Jan. 5. "We won\'t stop," he said.\n\nThe U.S. team left at 3 p.m. It cost $1.2m — or 1,200,000 dollars!',
  'No full stop at the end',
  '',
];

/** A term without its uid (which says which parse it came from, not what it is). */
const plain = (terms: readonly NlpTerm[]): Omit<NlpTerm, 'uid'>[] => terms.map(({ uid: _uid, ...t }) => t);

test('parseTerms equals the whole-text parse, cold and with the sentence cache warm', () => {
  clearParseCaches();
  for (const text of texts) assert.deepEqual(plain(parseTerms(text)), plain(parseTermsUncached(text)));
  // Warm: sentences of one text re-used inside another (a rewrite) come from the cache with shifted offsets.
  const [first, second] = texts;
  const mixed = `${second!.split('\n\n')[0]}\n\n${first}`;
  assert.deepEqual(plain(parseTerms(mixed)), plain(parseTermsUncached(mixed)));
  for (const text of texts) assert.deepEqual(plain(parseTerms(`Lead line here. ${text}`)), plain(parseTermsUncached(`Lead line here. ${text}`)));
});

test('a term uid stands for one parsed term: a sentence repeated in another text keeps its uids', () => {
  clearParseCaches();
  const sentence = 'The mayor said 87 localities were cut off.';
  const a = parseTerms(`First line here. ${sentence}`);
  const b = parseTerms(`Another opening, longer. ${sentence}`);
  const tail = (terms: readonly NlpTerm[]) => terms.slice(-8);
  assert.deepEqual(tail(a).map((t) => t.uid), tail(b).map((t) => t.uid));
  assert.notDeepEqual(a.slice(0, 3).map((t) => t.uid), b.slice(0, 3).map((t) => t.uid));
  const byUid = new Map<number, Omit<NlpTerm, 'uid' | 'start' | 'end'>>();
  for (const { uid, start: _s, end: _e, ...rest } of [...a, ...b, ...parseTermsUncached(sentence)]) {
    const seen = byUid.get(uid);
    if (seen) assert.deepEqual(rest, seen);
    else byUid.set(uid, rest);
  }
  assert.equal(new Set(parseTermsUncached(sentence).map((t) => t.uid)).size, parseTermsUncached(sentence).length);
});
