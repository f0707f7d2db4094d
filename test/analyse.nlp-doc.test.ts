/** The sentence-by-sentence compromise parse (with its cache) gives exactly the whole-text parse. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clearParseCaches, parseTerms, parseTermsUncached } from '../src/analyse/nlp-doc.js';
import { readArticles } from '../src/pipeline.js';

const texts = [
  ...(await readArticles(['examples'])).articles.map((a) => a.text),
  'Dr. A. B. Smith met Mr. Jones in St. Louis on Jan. 5. "We won\'t stop," he said.\n\nThe U.S. team left at 3 p.m. It cost $1.2m — or 1,200,000 dollars!',
  'No full stop at the end',
  '',
];

test('parseTerms equals the whole-text parse, cold and with the sentence cache warm', () => {
  clearParseCaches();
  for (const text of texts) assert.deepEqual(parseTerms(text), parseTermsUncached(text));
  // Warm: sentences of one text re-used inside another (a rewrite) come from the cache with shifted offsets.
  const [first, second] = texts;
  const mixed = `${second!.split('\n\n')[0]}\n\n${first}`;
  assert.deepEqual(parseTerms(mixed), parseTermsUncached(mixed));
  for (const text of texts) assert.deepEqual(parseTerms(`Lead line here. ${text}`), parseTermsUncached(`Lead line here. ${text}`));
});
