import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { extractArticle, readHtml, stripSiteName } from '../src/ingest/html.js';
import { readInputs } from '../src/ingest/index.js';
import { isProblem } from '../src/ingest/problem.js';
import type { Article, InputProblem } from '../src/types.js';

const FIX = 'test/fixtures/ingest/html';
const tmp = mkdtempSync(join(tmpdir(), 'corroborate-ingest-html-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

async function collect(paths: string[]): Promise<Array<Article | InputProblem>> {
  const out: Array<Article | InputProblem> = [];
  for await (const item of readInputs(paths)) out.push(item);
  return out;
}

async function one(path: string): Promise<Article> {
  const items = await collect([path]);
  assert.equal(items.length, 1);
  const a = items[0]!;
  assert.ok(!isProblem(a), JSON.stringify(a));
  return a;
}

test('northshore-daily.html: metadata and exactly the 8 article paragraphs', async () => {
  const a = await one('examples/northshore-daily.html');
  assert.equal(a.id, 'northshore-daily');
  assert.equal(a.title, 'Kessington flood: river hits record 6.4 metres');
  assert.equal(a.source, 'Northshore Daily');
  assert.equal(a.url, 'https://northshore-daily.example/2026/11/17/kessington-flood');
  assert.equal(a.published, '2026-11-17T09:30:00Z');
  assert.equal(a.byline, 'Priya Anand');
  assert.equal(a.language, 'en');
  assert.equal(a.origin, 'examples/northshore-daily.html');
  const paras = a.text.split('\n\n');
  assert.equal(paras.length, 8);
  assert.ok(paras[0]!.startsWith('On Tuesday morning the Arden peaked'));
  assert.equal(paras[7], 'Forecasters expect the river to drop below 4 metres by Friday if the rain holds off.');
  for (const junk of ['Most read', 'All rights reserved', 'Home', 'Weather', 'By Priya Anand', 'Harbour festival']) {
    assert.ok(!a.text.includes(junk), junk);
  }
  assert.ok(!/\s{3,}|[ \t]\n|\n[ \t]/.test(a.text));
});

test('short real article passes; suffix site name, JSON-LD date, figure, furniture and link lines dropped', async () => {
  const a = await one(`${FIX}/short-brief.htm`);
  assert.equal(a.id, 'short-brief');
  assert.equal(a.title, 'Bridge closed after lorry fire');
  assert.equal(a.source, 'Port Ellery Post');
  assert.equal(a.published, '2031-03-04T16:20:00+01:00');
  assert.equal(a.language, 'en');
  assert.equal(a.url, null);
  assert.equal(
    a.text,
    'The Ellery Bridge was closed for six hours on Tuesday after a lorry caught fire on the eastbound carriageway.\n\n' +
      'Nobody was hurt, the fire service said. The road reopened at 6 p.m.',
  );
});

test('a page without an article is a problem, not an article', async () => {
  const items = await collect([`${FIX}/nav-only.html`]);
  assert.deepEqual(items, [{ kind: 'problem', input: `${FIX}/nav-only.html`, message: 'no article text found' }]);
  assert.equal(extractArticle(''), null);
  assert.equal(extractArticle('<html><body><p>Too short.</p></body></html>'), null);
});

test('.html.gz is gunzipped and its id is the stem', async () => {
  const path = join(tmp, 'northshore-daily.html.gz');
  writeFileSync(path, gzipSync(readFileSync('examples/northshore-daily.html')));
  const a = await one(path);
  assert.equal(a.id, 'northshore-daily');
  assert.equal(a.origin, path);
  assert.ok(a.text.startsWith('On Tuesday morning the Arden peaked'));
});

test('no <title>: h1 title, <time datetime>, og:url, host as source, detected language, byline element', async () => {
  const html = `<html><head>
<meta property="og:url" content="https://www.ellery-bote.example/faehre">
<link rel="canonical" href="/faehre-wieder-in-betrieb">
</head><body><article>
<h1>Fähre fährt wieder</h1>
<p class="byline">Von Jana Albers</p>
<time datetime="2031-11-16T08:00:00Z">Sonntag</time>
<p>Die Fähre zwischen Port Ellery und der Insel Marlow fährt nach dem Sturm wieder, sagte der Hafenmeister am Sonntag.</p>
<p>Die erste Überfahrt begann um 7.15 Uhr mit 112 Fahrgästen an Bord, der Betrieb läuft seitdem nach Fahrplan.</p>
</article></body></html>`;
  const page = extractArticle(html);
  assert.ok(page);
  assert.equal(page.url, 'https://www.ellery-bote.example/faehre-wieder-in-betrieb');
  assert.equal(page.source, 'ellery-bote.example');
  assert.equal(page.published, '2031-11-16T08:00:00Z');
  assert.equal(page.language, null);
  assert.equal(page.title, 'Fähre fährt wieder');
  assert.equal(page.byline, 'Jana Albers');
  // Headline, byline and the <time> line are not body text.
  assert.ok(page.text.startsWith('Die Fähre zwischen Port Ellery'));
  assert.equal(page.text.split('\n\n').length, 2);
  const items: Array<Article | InputProblem> = [];
  for await (const x of readHtml({ input: 'x.html', origin: 'x.html', stem: 'x', content: html })) items.push(x);
  assert.equal((items[0] as Article).language, 'de');
});

test('stripSiteName removes only the site name', () => {
  assert.equal(stripSiteName('Flood hits town | Northshore Daily', 'Northshore Daily'), 'Flood hits town');
  assert.equal(stripSiteName('Northshore Daily - Flood hits town', 'Northshore Daily'), 'Flood hits town');
  assert.equal(stripSiteName('Flood hits town | Weather', 'Northshore Daily'), 'Flood hits town | Weather');
  assert.equal(stripSiteName('Flood hits town | Weather', null), 'Flood hits town | Weather');
});
