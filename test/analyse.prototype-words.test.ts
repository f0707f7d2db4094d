// Words that are names of Object.prototype ("constructor", "toString", "valueOf", ...) are words an article can
// hold: the word tables must answer only for their own keys (src/text/lookup-table.ts).
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { analyse } from '../src/analyse/index.js';
import { parseFeed } from '../src/ingest/feed.js';
import { parseFrontMatter } from '../src/ingest/frontmatter.js';
import { normalisePublished } from '../src/ingest/published.js';
import { compareAnalysed } from '../src/pipeline.js';
import type { Article } from '../src/types.js';

function article(id: string, text: string, language: string | null = 'en'): Article {
  return { id, title: null, text, source: null, url: null, published: '2031-03-04', language, byline: null, origin: `${id}.txt` };
}

const PROTOTYPE_WORDS = ['constructor', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', '__proto__', 'propertyIsEnumerable', 'toLocaleString'];

test('a title noun after a named person: "the constructor said" is read, not a crash', () => {
  const a = analyse(article('a', 'Mayor Lina Ostrova toured the Kessel bridge on Monday. The constructor said the deck would open in May.'));
  assert.equal(a.sentences.length, 2);
  assert.ok(a.entities.some((e) => e.name === 'Lina Ostrova' && e.type === 'person'));
});

test('number words: a prototype name is not a number word, a scale or a unit', () => {
  const two = analyse(article('a', 'Two constructor workers were hurt at the Kessel site.'));
  assert.deepEqual(
    two.numbers.map((n) => [n.text, n.value]),
    [['Two constructor workers', 2]],
  );
  const none = analyse(article('b', 'A constructor company hired workers for the Kessel bridge.'));
  assert.deepEqual(none.numbers, []);
  for (const w of PROTOTYPE_WORDS) {
    const a = analyse(article(w, `Crews found 5 ${w} faults and one ${w} in ${w} the ${w} report, a ${w} ${w} of twelve ${w}.`));
    for (const n of a.numbers) assert.ok(typeof n.value === 'number' && Number.isFinite(n.value), `${w}: ${JSON.stringify(n)}`);
    for (const n of a.numbers) assert.ok(n.unit === null || typeof n.unit === 'string', `${w}: ${JSON.stringify(n)}`);
  }
});

test('a feed entity named like a prototype property stays as written', () => {
  const f = parseFeed('<rss><channel><title>T</title><item><title>Harbour &constructor; plan &toString;</title><description>x</description></item></channel></rss>');
  assert.ok(typeof f !== 'string', String(f));
  assert.equal(f.items[0]!.title, 'Harbour &constructor; plan &toString;');
});

test('front matter and dates: prototype names are neither fields nor months', () => {
  assert.deepEqual(parseFrontMatter('---\nconstructor: x\ntoString: y\nsource: Y\n---\nBody'), { meta: { source: 'Y' }, body: 'Body' });
  assert.equal(normalisePublished('constructor 5, 2031'), null);
  assert.equal(normalisePublished('5 toString 2031'), null);
});

test('a story of articles full of prototype words compares, with no function source in the report', async () => {
  const text = (w: string): string => `The ${w} of the Kessel bridge said on Monday that 12 ${w} crews would finish by May. "The ${w} is safe," Mayor Lina Ostrova said.`;
  const analysed = PROTOTYPE_WORDS.map((w, i) => analyse(article(`p${i}`, text(w), i === 0 ? 'constructor' : 'en')));
  const stories = await compareAnalysed(analysed, { encoder: false, cacheDir: null }, 'one-story');
  assert.equal(stories.length, 1);
  assert.equal(stories[0]!.articles.length, PROTOTYPE_WORDS.length);
  assert.ok(!JSON.stringify(stories).includes('native code'));
});
