// Number readings that decide a verdict: a sign and an attached multiplier before a currency.
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { analyse } from '../src/analyse/index.js';
import { compareAnalysed } from '../src/pipeline.js';
import type { Article } from '../src/types.js';

function article(id: string, text: string): Article {
  return { id, title: null, text, source: id, url: null, published: '2031-01-12', language: 'en', byline: null, origin: `${id}.txt` };
}

test('"-5 degrees" conflicts with "5 degrees"; "2m euros" agrees with "2 million euros"', async () => {
  const a = article('a', 'The Harbour Council of Port Ellery said on Monday that temperatures fell to -5 degrees overnight and the repair fund reached 2m euros.');
  const b = article('b', 'The Harbour Council of Port Ellery said on Monday that temperatures fell to 5 degrees overnight and the repair fund reached 2 million euros.');
  const [story] = await compareAnalysed([a, b].map(analyse), { encoder: false, cacheDir: null }, 'one-story');
  const numbers = story!.claims.filter((c) => c.kind === 'number').map((c) => [c.status, c.mentions.map((m) => m.text).sort()]);
  assert.deepEqual(
    numbers.sort((x, y) => String(x[1]).localeCompare(String(y[1]))),
    [
      ['conflicting', ['-5 degrees']],
      ['corroborated', ['2 million euros', '2m euros']],
      ['conflicting', ['5 degrees']],
    ].sort((x, y) => String(x[1]).localeCompare(String(y[1]))),
  );
  assert.ok(story!.conflicts.some((c) => JSON.stringify(c).includes('-5 degrees') && JSON.stringify(c).includes('"5 degrees"')));
});
