/** Sentence-level re-use in analysis: a cache never changes a result, only the time it takes. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse } from '../src/analyse/index.js';
import { splitSentences } from '../src/analyse/sentences.js';
import { sentenceSegments } from '../src/analyse/segment-cache.js';
import { BoundedCache, clearBoundedCaches } from '../src/text/bounded-cache.js';
import { clearParseCaches } from '../src/analyse/nlp-doc.js';
import type { Article } from '../src/types.js';

const wire = [
  'The regional governor said on Monday that 87 inhabited localities remain in the security zone.',
  '“We will not leave them,” Governor Ivo Karsk told reporters in Velmora on November 30.',
  'About two hundred and fifty people were moved from Arden and Tolsk, officials said, at a cost of $1.2 million.',
  'Last week the river rose by 6.4 metres, the highest in 12 years.',
];
const article = (id: string, text: string, published: string): Article => ({
  id, title: null, text, source: `Outlet ${id}`, url: null, published, language: 'en', byline: null, origin: 'test',
});
// Rewrites: the same sentences, some dropped, two swapped, a new lead, another publication day.
const copies = [
  article('w', wire.join(' '), '2026-12-01T08:00:00Z'),
  article('c1', `Breaking: officials in Velmora spoke. ${wire[0]} ${wire[2]}\n\n${wire[1]}`, '2026-12-01T10:00:00Z'),
  article('c2', `${wire[3]} ${wire[1]} ${wire[0]}`, '2026-12-02T01:00:00Z'),
  article('c3', `${wire[2]}\n\n${wire[3]}\n\n${wire[0]}`, '2026-12-01T20:00:00Z'),
];

function cold(a: Article): ReturnType<typeof analyse> {
  clearBoundedCaches();
  clearParseCaches();
  return analyse(a);
}

test('every article analyses the same with caches warmed by its copies as with every cache empty', () => {
  const expected = copies.map(cold);
  clearBoundedCaches();
  clearParseCaches();
  for (let round = 0; round < 2; round++) {
    copies.forEach((a, i) => assert.deepEqual(analyse(a), expected[i], `${a.id}, round ${round}`));
  }
  // The copies really share findings at other offsets (what the cache re-uses).
  const inC3 = expected[3]!.numbers.find((n) => n.text === '87 inhabited localities');
  const inW = expected[0]!.numbers.find((n) => n.text === '87 inhabited localities');
  assert.ok(inC3 && inW && inC3.start !== inW.start);
  assert.equal(copies[3]!.text.slice(inC3.start, inC3.end), '87 inhabited localities');
});

test('segments: the sentences, plus any text the splitter left between them; none for white space', () => {
  const text = 'One two. Three four.';
  const sentences = splitSentences(text);
  assert.deepEqual(sentenceSegments(text, sentences), sentences.map((s) => ({ start: s.start, end: s.end })));
  const fake = [{ start: 0, end: 8, text: 'One two.', index: 0, paragraph: 0 }];
  assert.deepEqual(sentenceSegments(text, fake), [{ start: 0, end: 8 }, { start: 8, end: 20 }]);
  assert.deepEqual(sentenceSegments('   ', []), []);
  assert.deepEqual(sentenceSegments('No sentences given', []), [{ start: 0, end: 18 }]);
});

test('BoundedCache holds at most its limit and keeps what is used', () => {
  const cache = new BoundedCache<number>(4);
  for (let i = 0; i < 10; i++) {
    cache.set(`k${i}`, i);
    assert.equal(cache.get('k0'), 0);
    assert.ok(cache.size <= 4, `size ${cache.size}`);
  }
  assert.equal(cache.get('k0'), 0, 'used at every step, so kept');
  assert.equal(cache.get('k1'), undefined, 'never used again, so dropped');
  assert.equal(cache.get('k9'), 9);
});
