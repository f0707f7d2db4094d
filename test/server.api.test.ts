import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import Ajv2020Module from 'ajv/dist/2020.js';
import { openStore, type Store } from '../src/store/index.js';
import { ingestCorpus } from '../src/corpus/ingest.js';
import { API_ROUTES, createApp, type CorroborateApp } from '../src/server/app.js';
import { CONTENT_SECURITY_POLICY } from '../src/server/security.js';
import type { OpenApiDocument } from '../src/server/openapi.js';
import type { Report } from '../src/types.js';
import { DIGEST_VERSION, outletDigest } from '../src/outlets/index.js';
import { assertValidReport, reportSchemaPath } from './helpers/schema.js';
import { repoRoot } from './helpers/paths.js';
import type { PostOutcome, StoryList } from '../src/server/wire.js';

const fixtures = join(repoRoot, 'test', 'fixtures', 'server');
const dir = mkdtempSync(join(tmpdir(), 'corroborate-server-api-'));
let store: Store;
let app: CorroborateApp;
const logged: string[] = [];
let ferry = '';
let orchard = '';

before(async () => {
  store = openStore(join(dir, 'news.db'));
  await ingestCorpus([join(fixtures, 'ferry-courier.txt'), join(fixtures, 'ferry-northshore.txt'), join(fixtures, 'orchard-ledger.txt')], store);
  app = createApp({ store, uiDir: null, generator: 'corroborate test', encoder: false, cacheDir: join(dir, 'cache'), log: (line) => logged.push(line) });
  ferry = store.getArticle('ferry-courier')!.story!;
  orchard = store.getArticle('orchard-ledger')!.story!;
});
after(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Every response: the security headers; every JSON error: the error shape with the same status. */
async function call(path: string, init?: RequestInit): Promise<{ status: number; headers: Headers; body: unknown; text: string }> {
  const res = await app.request(path, init);
  assert.equal(res.headers.get('content-security-policy'), CONTENT_SECURITY_POLICY, `CSP on ${path}`);
  assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
  assert.equal(res.headers.get('referrer-policy'), 'no-referrer');
  const text = await res.text();
  const type = res.headers.get('content-type') ?? '';
  const body: unknown = type.startsWith('application/json') ? JSON.parse(text) : text;
  if (res.status >= 400 && type.startsWith('application/json')) {
    const err = (body as { error: { status: number; message: string } }).error;
    assert.equal(err.status, res.status);
    assert.equal(typeof err.message, 'string');
    assert.ok(!/\n\s+at /.test(err.message), 'no stack trace in an error message');
  }
  return { status: res.status, headers: res.headers, body, text };
}

type Body = NonNullable<RequestInit['body']>;
const json = (body: unknown): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

type List = StoryList;
async function list(query = ''): Promise<List> {
  const r = await call(`/api/v1/stories${query}`);
  assert.equal(r.status, 200, r.text);
  return r.body as List;
}

test('healthz', async () => {
  const r = await call('/healthz');
  assert.equal(r.status, 200);
  assert.deepEqual(r.body, { ok: true });
  assert.equal(r.headers.get('cache-control'), 'no-store');
});

test('story list: rows in the documented shape, newest first, counts null before a report', async () => {
  assert.notEqual(ferry, orchard);
  const page = await list();
  assert.equal(page.total, 2);
  assert.deepEqual(page.stories, [
    {
      id: ferry,
      size: 2,
      outlets: 2,
      sources: ['Northshore Daily', 'Valley Courier'],
      headline: 'Ferry Halvard runs aground near Tessel',
      firstPublished: '2026-11-02T08:00:00Z',
      lastPublished: '2026-11-02T15:30:00Z',
      singleSourceQuotes: null,
      conflicts: null,
      corroborated: null,
    },
    {
      id: orchard,
      size: 1,
      outlets: 1,
      sources: ['Metro Ledger'],
      headline: 'Orchard fire in Vellach destroys 40 hectares',
      firstPublished: '2026-10-20T10:00:00Z',
      lastPublished: '2026-10-20T10:00:00Z',
      singleSourceQuotes: null,
      conflicts: null,
      corroborated: null,
    },
  ]);
});

test('story list: search, filters, sort, paging', async () => {
  const ids = async (q: string) => (await list(q)).stories.map((s) => s.id);
  assert.deepEqual(await ids('?q=Marlow'), [ferry], 'an entity name is a word');
  assert.deepEqual(await ids('?q=marlow%20TUGS'), [ferry]);
  assert.deepEqual(await ids('?q=Saska'), [orchard]);
  assert.deepEqual(await ids('?q=marlow%20saska'), [], 'all words must match (in one article)');
  assert.deepEqual(await ids('?q=hectares'), [orchard], 'titles and texts');
  assert.deepEqual(await ids('?q=%3Cscript%3E'), [], 'markup is just words');
  assert.deepEqual(await ids('?outlet=Metro%20Ledger'), [orchard]);
  assert.deepEqual(await ids('?outlet=Northshore%20Daily'), [ferry]);
  assert.deepEqual(await ids('?outlet=Nobody'), []);
  assert.deepEqual(await ids('?since=2026-11-01'), [ferry]);
  assert.deepEqual(await ids('?until=2026-10-20'), [orchard], 'until a day includes it');
  assert.deepEqual(await ids('?since=2026-10-01&until=2026-11-02'), [ferry, orchard]);
  assert.deepEqual(await ids('?sort=biggest'), [ferry, orchard]);
  assert.deepEqual(await ids('?q=&since=&outlet='), [ferry, orchard], 'empty parameters are absent');
  const page = await list('?limit=1&offset=1');
  assert.equal(page.total, 2);
  assert.deepEqual(page.stories.map((s) => s.id), [orchard]);
  assert.deepEqual(await list('?offset=5'), { total: 2, stories: [] });
});

test('story report: the compare schema, stored, and its counts in the list', async () => {
  const r = await call(`/api/v1/stories/${encodeURIComponent(ferry)}`);
  assert.equal(r.status, 200);
  assert.match(r.headers.get('content-type') ?? '', /^application\/json/);
  assertValidReport(r.body);
  const report = r.body as Report;
  assert.equal(report.stories[0]!.id, ferry);
  assert.deepEqual(report.articles.map((a) => a.id).sort(), ['ferry-courier', 'ferry-northshore']);
  const conflict = report.stories[0]!.conflicts.find((c) => c.sides.some((s) => s.value === '212'));
  assert.ok(conflict, '212 vs 221 passengers is a conflict');
  assert.equal(store.getReport(ferry)?.stale, false, 'stored');
  const again = await call(`/api/v1/stories/${encodeURIComponent(ferry)}`);
  assert.deepEqual(again.body, r.body, 'the stored report is served as computed');
  const row = (await list()).stories.find((s) => s.id === ferry)!;
  const quotes = report.stories[0]!.claims.filter((c) => c.kind === 'quote' && c.status === 'single-source').length;
  const corroborated = report.stories[0]!.claims.filter((c) => c.status === 'corroborated').length;
  assert.deepEqual([row.singleSourceQuotes, row.conflicts, row.corroborated], [quotes, report.stories[0]!.conflicts.length, corroborated]);
  assert.ok(row.conflicts! >= 1 && row.corroborated! >= 1);

  const single = await call(`/api/v1/stories/${encodeURIComponent(orchard)}`);
  assert.equal(single.status, 200);
  assertValidReport(single.body);
});

test('article by id, with its story; outlets', async () => {
  const r = await call('/api/v1/articles/ferry-courier');
  assert.equal(r.status, 200);
  const text = readFileSync(join(fixtures, 'ferry-courier.txt'), 'utf8');
  const body = r.body as Record<string, unknown>;
  assert.deepEqual(Object.keys(body), ['id', 'title', 'text', 'source', 'url', 'published', 'language', 'byline', 'story']);
  assert.equal(body['title'], 'Ferry Halvard runs aground near Tessel');
  assert.ok(text.includes(String(body['text'])));
  assert.equal(body['source'], 'Valley Courier');
  assert.equal(body['url'], 'https://valley-courier.example/news/halvard-aground');
  assert.equal(body['published'], '2026-11-02T08:00:00Z');
  assert.equal(body['language'], 'en');
  assert.equal(body['story'], ferry);
  const outlets = await call('/api/v1/outlets');
  assert.deepEqual(outlets.body, {
    outlets: [
      { source: 'Metro Ledger', articles: 1 },
      { source: 'Northshore Daily', articles: 1 },
      { source: 'Valley Courier', articles: 1 },
    ],
  });
});

test('POST JSON articles: new, duplicate, conflict, bad items; content ids; story reports ready; searchable at once', async () => {
  const courier = store.getArticle('ferry-courier')!;
  const r = await call(
    '/api/v1/articles',
    json({
      articles: [
        {
          title: 'Halvard passengers demand refunds',
          source: 'Coast Herald',
          published: '2026-11-03',
          text: 'Passengers of the ferry Halvard, which ran aground near Tessel on Monday with 212 people aboard, demanded refunds from Quillon Lines. "The tide was lower than the charts showed," harbour master Ines Marlow said.',
        },
        { text: courier.text, source: 'Valley Courier', title: 'a copy' },
        { id: 'ferry-courier', text: 'Other text entirely about a zeppelin over Vellach.', source: 'Valley Courier' },
        { title: 'no text' },
        'not an object',
        { id: 'dir/slash id', text: 'Zeppelin Orla circled over the Vellach orchards on Tuesday, pilot Ana Rusk said.', source: 'Metro Ledger', published: '2026-11-05' },
      ],
    }),
  );
  assert.equal(r.status, 201, r.text);
  const out = r.body as PostOutcome;
  assert.deepEqual([out.added, out.duplicates, out.conflicts, out.skipped], [2, 1, 1, 2]);
  assert.deepEqual(out.problems, [
    { line: 4, message: 'no non-empty string "text" field' },
    { line: 5, message: 'line is not a JSON object' },
  ]);
  assert.equal(out.articles.length, 4);
  const [added, dup, conflict, slash] = out.articles;
  assert.match(added!.id, /^[0-9a-f]{12}$/, 'an id from the content');
  assert.deepEqual([added!.status, added!.story], ['new', ferry], 'joins the ferry story');
  assert.deepEqual(dup, { id: 'ferry-courier', status: 'duplicate', story: ferry });
  assert.deepEqual(conflict, { id: 'ferry-courier', status: 'conflict', story: ferry });
  assert.equal(slash!.id, 'dir/slash id');
  assert.deepEqual(out.stories, [ferry, slash!.story]);
  assert.equal(store.getReport(ferry)?.stale, false, 'the changed story of two or more articles has its report');
  assert.equal(store.getArticle('ferry-courier')!.text, courier.text, 'a conflict never overwrites');
  assert.deepEqual((await list('?q=zeppelin')).stories.map((s) => s.id), [slash!.story], 'searchable right after the POST');
  const got = await call(`/api/v1/articles/${encodeURIComponent('dir/slash id')}`);
  assert.equal(got.status, 200);
  assert.equal((got.body as { source: string }).source, 'Metro Ledger');

  const again = await call('/api/v1/articles', json({ articles: [{ title: 'Halvard passengers demand refunds', source: 'Coast Herald', text: store.getArticle(added!.id)!.text }] }));
  assert.deepEqual((again.body as typeof out).articles, [{ id: added!.id, status: 'duplicate', story: ferry }], 'posting the same content again');
});

test('POST: a note on an article sent without an id names the id it was given (its content id)', async () => {
  const r = await call('/api/v1/articles', json({ articles: [{ published: 'soon', text: 'A note about the Vellach ferry timetable for the winter months.' }] }));
  assert.equal(r.status, 201, r.text);
  const out = r.body as PostOutcome;
  const id = out.articles[0]!.id;
  assert.match(id, /^[0-9a-f]{12}$/);
  assert.deepEqual(out.problems, [
    { line: 1, message: `'published' "soon" of '${id}' is not a date (ISO 8601, RFC 2822, or a day with a month name and year); read as undated`, kept: true },
  ]);
  assert.equal(out.skipped, 0);
});

test('POST JSON lines: line numbers for bad lines', async () => {
  const body = [
    JSON.stringify({ id: 'orchard-follow', source: 'Valley Courier', published: '2026-10-21', text: 'Owner Teodor Saska said 40 hectares of the Vellach orchards burned on Sunday; police are still looking for the cause of the fire.' }),
    '{not json',
    '',
    JSON.stringify({ id: 7, published: 'Friday', text: 'Numeric ids are strings: a short note about the Vellach market opening on Friday.' }),
    JSON.stringify({ id: true, text: 'x' }),
  ].join('\n');
  for (const type of ['application/x-ndjson', 'application/jsonl; charset=utf-8']) {
    const r = await call('/api/v1/articles', { method: 'POST', headers: { 'content-type': type }, body });
    assert.equal(r.status, 201, r.text);
    const out = r.body as { added: number; duplicates: number; skipped: number; problems: unknown[]; articles: { id: string; status: string }[] };
    assert.deepEqual(out.problems, [
      { line: 2, message: 'line is not valid JSON' },
      {
        line: 4,
        message: `'published' "Friday" of '7' is not a date (ISO 8601, RFC 2822, or a day with a month name and year); read as undated`,
        kept: true,
      },
      { line: 5, message: '"id" must be a string or a number' },
    ]);
    assert.equal(out.skipped, 2, 'a note on an article that was read is not a skip');
    assert.deepEqual(out.articles.map((a) => a.id), ['orchard-follow', '7']);
    assert.deepEqual(out.articles.map((a) => a.status), type === 'application/x-ndjson' ? ['new', 'new'] : ['duplicate', 'duplicate']);
  }
  assert.equal(store.getArticle('orchard-follow')!.story, orchard);
});

test('POST a saved HTML page: extracted, never fetched; url and source from the body win', async () => {
  const html = readFileSync(join(fixtures, 'page.html'), 'utf8');
  const r = await call('/api/v1/articles', json({ html, url: 'https://harbour-gazette.example/halvard', source: 'Harbour Gazette' }));
  assert.equal(r.status, 201, r.text);
  const out = r.body as { added: number; articles: { id: string; status: string }[] };
  assert.equal(out.added, 1);
  const a = store.getArticle(out.articles[0]!.id)!;
  assert.equal(a.title, 'Halvard back in service');
  assert.equal(a.url, 'https://harbour-gazette.example/halvard');
  assert.equal(a.source, 'Harbour Gazette');
  assert.ok(a.text.startsWith('The ferry Halvard returned to service'));
  const empty = await call('/api/v1/articles', json({ html: '<html><body><p>too short</p></body></html>' }));
  assert.equal(empty.status, 201);
  assert.deepEqual((empty.body as { problems: unknown }).problems, [{ line: null, message: 'no article text found' }]);
});

test('400: every parameter is checked and named', async () => {
  const cases: Array<[string, RegExp]> = [
    ['/api/v1/stories?limit=0', /'limit'.*1 to 200/],
    ['/api/v1/stories?limit=201', /'limit'/],
    ['/api/v1/stories?limit=1.5', /'limit'/],
    ['/api/v1/stories?limit=ten', /'limit'/],
    ['/api/v1/stories?offset=-1', /'offset'/],
    ['/api/v1/stories?sort=oldest', /'sort' must be one of newest, biggest/],
    ['/api/v1/stories?since=2026-13-01', /'since'/],
    ['/api/v1/stories?since=2026-02-30', /'since'/],
    ['/api/v1/stories?until=yesterday', /'until'/],
    ['/api/v1/stories?since=2026-11-05&until=2026-11-01', /'since'.*after 'until'/],
    ['/api/v1/stories?page=2', /unknown query parameter 'page'/],
    ['/api/v1/stories?q=a&q=b', /'q' is given more than once/],
    [`/api/v1/stories?q=${'x'.repeat(501)}`, /'q' is longer than 500/],
    ['/api/v1/stories?q=*', /'q' has no words to search for/],
    ['/api/v1/stories?q=%ff%fe', /'q' has no words to search for/],
    ['/api/v1/stories?outlet=a%00b', /'outlet' contains control characters/],
    [`/api/v1/stories/${'s'.repeat(1001)}`, /'id' is longer/],
    ['/api/v1/articles/a%01b', /'id' contains control characters/],
    ['/api/v1/outlets?x=1', /unknown query parameter 'x'/],
    ['/healthz?x=1', /no query parameters/],
  ];
  for (const [path, message] of cases) {
    const r = await call(path);
    assert.equal(r.status, 400, path);
    assert.match((r.body as { error: { message: string } }).error.message, message, path);
  }
});

test('POST bodies: 400, 413, 415 with JSON errors; nothing stored', async () => {
  const before = store.stats().articles;
  const post = (body: Body, type = 'application/json') => call('/api/v1/articles', { method: 'POST', headers: { 'content-type': type }, body });
  const bad: Array<[Body, number, RegExp, string?]> = [
    ['{"articles": [', 400, /not valid JSON/],
    [new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), 400, /not valid UTF-8/],
    ['[1, 2]', 400, /must be a JSON object/],
    ['{}', 400, /needs a field 'articles'/],
    ['{"articles": {}}', 400, /'articles' must be an array/],
    ['{"articles": []}', 400, /'articles' is empty/],
    [JSON.stringify({ articles: Array.from({ length: 1001 }, () => ({ text: 'x' })) }), 400, /at most 1000/],
    ['{"articles": [{"text": "x"}], "html": "<p>"}', 400, /cannot be combined/],
    ['{"html": ""}', 400, /'html' must be a non-empty string/],
    ['{"html": "<p>x</p>", "url": 5}', 400, /'url' must be a string/],
    ['{"articles": [{"text": "x"}], "extra": 1}', 400, /unknown field 'extra'/],
    ['text=hello', 415, /'application\/x-www-form-urlencoded' is not accepted/, 'application/x-www-form-urlencoded'],
    ['hello', 415, /'text\/plain' is not accepted/, 'text/plain'],
    ['{"articles": [{"text": "x"}]}', 415, /charset 'iso-8859-1'/, 'application/json; charset=iso-8859-1'],
  ];
  for (const [body, status, message, type] of bad) {
    const r = await post(body, type);
    assert.equal(r.status, status, `${String(body).slice(0, 40)} → ${r.text}`);
    assert.match((r.body as { error: { message: string } }).error.message, message);
  }
  const noType = await call('/api/v1/articles', { method: 'POST', body: new Uint8Array([0x7b, 0x7d]) });
  assert.equal(noType.status, 415);
  assert.match((noType.body as { error: { message: string } }).error.message, /Content-Type is missing/);

  const big = `{"articles": [{"text": "${'a'.repeat(10 * 1024 * 1024)}"}]}`;
  const tooLarge = await post(big);
  assert.equal(tooLarge.status, 413);
  assert.match((tooLarge.body as { error: { message: string } }).error.message, /larger than 10 MiB/);
  // No Content-Length (a chunked upload): counted as it arrives.
  const chunk = new Uint8Array(1024 * 1024).fill(0x61);
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent++ < 12) controller.enqueue(chunk);
      else controller.close();
    },
  });
  const chunked = await call('/api/v1/articles', { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body: stream, duplex: 'half' } as RequestInit);
  assert.equal(chunked.status, 413);
  assert.ok(sent < 13, 'reading stopped at the limit');
  assert.equal(store.stats().articles, before);
});

test('404 and 405 as JSON', async () => {
  const missing = await call('/api/v1/stories/no-such-story');
  assert.equal(missing.status, 404);
  assert.deepEqual(missing.body, { error: { status: 404, message: "no story 'no-such-story' in news.db" } });
  const article = await call('/api/v1/articles/nope');
  assert.deepEqual(article.body, { error: { status: 404, message: "no article 'nope' in news.db" } });
  for (const path of ['/api/v1/nothing', '/api/v2/stories', '/api/v1/stories/a/b', '/api']) {
    const r = await call(path);
    assert.equal(r.status, 404, path);
    assert.match(r.headers.get('content-type') ?? '', /^application\/json/);
  }
  const r = await call('/api/v1/stories', { method: 'DELETE' });
  assert.equal(r.status, 405);
  assert.equal(r.headers.get('allow'), 'GET, HEAD');
  const p = await call('/api/v1/articles', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{}' });
  assert.equal(p.status, 405);
  assert.equal(p.headers.get('allow'), 'POST');
  const ui = await call('/');
  assert.equal(ui.status, 404, 'no UI built in this app');
  assert.match(ui.headers.get('content-type') ?? '', /^text\/plain/);
  assert.match(ui.text, /npm run build/);
});

test('403: other sites (Host, Origin) cannot use the API', async () => {
  const guarded = createApp({ store, uiDir: null, generator: 'corroborate test', encoder: false, cacheDir: join(dir, 'cache'), allowedHosts: ['127.0.0.1', 'localhost'] });
  const rebinding = await guarded.request('http://evil.example/api/v1/stories', { headers: { host: 'evil.example' } });
  assert.equal(rebinding.status, 403);
  assert.equal(rebinding.headers.get('content-security-policy'), CONTENT_SECURITY_POLICY);
  const local = await guarded.request('http://127.0.0.1:8080/api/v1/stories', { headers: { host: '127.0.0.1:8080' } });
  assert.equal(local.status, 200);
  const crossSite = await guarded.request('http://127.0.0.1:8080/api/v1/articles', {
    method: 'POST',
    headers: { host: '127.0.0.1:8080', origin: 'https://evil.example', 'content-type': 'application/json' },
    body: JSON.stringify({ articles: [{ text: 'Injected from another site about the Halvard ferry.' }] }),
  });
  assert.equal(crossSite.status, 403);
  assert.equal(store.getArticle('nope'), null);
  const sameSite = await guarded.request('http://127.0.0.1:8080/api/v1/articles', {
    method: 'POST',
    headers: { host: '127.0.0.1:8080', origin: 'http://127.0.0.1:8080', 'content-type': 'application/json' },
    body: '{"articles": [{"text": ""}]}',
  });
  assert.equal(sameSite.status, 201);
});

test('500: "internal error" to the client, the details on the log', async () => {
  const broken = new Proxy(store, {
    get(target, key, receiver) {
      if (key === 'outlets') return () => { throw new TypeError('simulated bug in outlets'); };
      const value: unknown = Reflect.get(target, key, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  const lines: string[] = [];
  const bad = createApp({ store: broken, uiDir: null, generator: 'corroborate test', encoder: false, cacheDir: join(dir, 'cache'), log: (l) => lines.push(l) });
  const r = await bad.request('/api/v1/outlets');
  assert.equal(r.status, 500);
  assert.equal(r.headers.get('content-security-policy'), CONTENT_SECURITY_POLICY);
  assert.deepEqual(await r.json(), { error: { status: 500, message: 'internal error' } });
  assert.equal(lines.length, 1);
  assert.match(lines[0]!, /GET \/api\/v1\/outlets: TypeError: simulated bug in outlets\n\s+at /);
  assert.deepEqual(logged, [], 'user errors are not logged');
});

test('OpenAPI: parses, lists every route, every $ref resolves, responses match their schemas', async () => {
  const r = await call('/api/v1/openapi.json');
  assert.equal(r.status, 200);
  const doc = r.body as OpenApiDocument;
  assert.equal(doc.openapi, '3.1.0');
  const documented = Object.entries(doc.paths).flatMap(([path, item]) => Object.keys(item).map((m) => `${m.toUpperCase()} ${path}`)).sort();
  const routes = API_ROUTES.map((route) => `${route.method} ${route.path.replace(/:(\w+)/g, '{$1}')}`).sort();
  assert.deepEqual(documented, routes);
  const registered = new Set(app.routes.map((route) => `${route.method} ${route.path}`));
  for (const route of API_ROUTES) assert.ok(registered.has(`${route.method} ${route.path}`), `${route.method} ${route.path} is served`);

  const text = JSON.stringify(doc);
  for (const m of text.matchAll(/"\$ref":"#\/([^"]+)"/g)) {
    let node: unknown = doc;
    for (const part of m[1]!.split('/')) node = (node as Record<string, unknown>)[part];
    assert.ok(node !== undefined, `$ref #/${m[1]} resolves`);
  }
  const docSchema = JSON.parse(readFileSync(reportSchemaPath, 'utf8')) as Record<string, unknown>;
  assert.equal((doc.components.schemas['Report'] as { title?: unknown }).title, docSchema['title']);

  type Ajv = InstanceType<typeof Ajv2020Module.default>;
  const Ctor = ((Ajv2020Module as unknown as { default?: new (o: object) => Ajv }).default ?? (Ajv2020Module as unknown as new (o: object) => Ajv));
  const ajv = new Ctor({ strict: false, allErrors: true });
  ajv.addSchema({ $id: 'https://corroborate.test/openapi', components: doc.components });
  const check = (schema: string, value: unknown) => {
    const validate = ajv.getSchema(`https://corroborate.test/openapi#/components/schemas/${schema}`)!;
    assert.ok(validate(value), `${schema}: ${JSON.stringify(validate.errors)}`);
  };
  check('StoryList', (await call('/api/v1/stories')).body);
  check('Article', (await call('/api/v1/articles/ferry-courier')).body);
  check('OutletList', (await call('/api/v1/outlets')).body);
  check('OutletNetwork', (await call('/api/v1/network')).body);
  const someOutlet = (await call('/api/v1/network')).body as { outlets: { outlet: string }[] };
  check('OutletView', (await call(`/api/v1/outlets/${encodeURIComponent(someOutlet.outlets[0]!.outlet)}`)).body);
  const someEdge = (someOutlet as unknown as { edges: { from: string; to: string }[] }).edges[0]!;
  check('OutletEdge', (await call(`/api/v1/network/edge?from=${encodeURIComponent(someEdge.from)}&to=${encodeURIComponent(someEdge.to)}`)).body);
  check('Error', (await call('/api/v1/network?since=yesterday')).body);
  check('Report', (await call(`/api/v1/stories/${encodeURIComponent(ferry)}`)).body);
  check('Error', (await call('/api/v1/stories/nope')).body);
  check('PostResult', (await call('/api/v1/articles', json({ articles: [{ text: 'The Vellach market opens on Friday, the mayor Ilse Brun said.' }, {}] }))).body);
});

test('a merged story id answers the live story', async () => {
  const put = store.putArticle({ id: 'stray', title: 'Stray', text: 'A stray note about the Halvard.', source: 'Coast Herald', url: null, published: '2026-11-06', language: 'en', byline: null, origin: 'test' });
  store.createStory('stray-story', [put.seq]);
  store.mergeStories('stray-story', ferry);
  const r = await call('/api/v1/stories/stray-story');
  assert.equal(r.status, 200);
  assertValidReport(r.body);
  assert.equal((r.body as Report).stories[0]!.id, ferry);
  assert.ok((r.body as Report).articles.some((a) => a.id === 'stray'));
});

test('one outlet of the network: its record, edges and groups; unknown names 404; the view follows new articles', async () => {
  type Net = { outlets: { outlet: string; articles: number }[]; edges: { from: string; to: string }[]; groups: { outlets: string[] }[] };
  const net = (await call('/api/v1/network')).body as Net;
  assert.ok(net.outlets.length >= 2);
  let edgesRead = 0;
  for (const o of net.outlets) {
    const r = await call(`/api/v1/outlets/${encodeURIComponent(o.outlet)}`);
    assert.equal(r.status, 200, o.outlet);
    const view = r.body as { outlet: { outlet: string; articles: number }; incoming: Net['edges']; outgoing: Net['edges']; groups: Net['groups'] };
    assert.deepEqual(view.outlet, o);
    const summary = (e: Net['edges'][number]): string => `${e.from} → ${e.to}: ${(e as { articles?: number }).articles}`;
    assert.deepEqual(view.incoming.map(summary), net.edges.filter((e) => e.to === o.outlet).map(summary));
    assert.deepEqual(view.outgoing.map(summary), net.edges.filter((e) => e.from === o.outlet).map(summary));
    // Each edge's pairs: the network lists edges without them, /network/edge gives them.
    for (const e of view.incoming) {
      edgesRead++;
      assert.equal('pairs' in (net.edges.find((x) => x.from === e.from && x.to === e.to) ?? {}), false);
      const edge = await call(`/api/v1/network/edge?from=${encodeURIComponent(e.from)}&to=${encodeURIComponent(e.to)}`);
      assert.equal(edge.status, 200);
      assert.deepEqual(edge.body, e);
      assert.ok((edge.body as unknown as { pairs: unknown[] }).pairs.length > 0);
    }
    assert.deepEqual(view.groups, net.groups.filter((g) => g.outlets.includes(o.outlet)));
  }
  assert.ok(edgesRead > 0, 'the fixture has a derivation edge');
  const missing = await call(`/api/v1/outlets/${encodeURIComponent('No Such <Outlet>')}`);
  assert.equal(missing.status, 404);
  assert.match((missing.body as { error: { message: string } }).error.message, /no outlet 'No Such <Outlet>'/);
  assert.equal((await call('/api/v1/outlets/Coast%20Herald?since=2026-02-30')).status, 400);
  assert.equal((await call('/api/v1/outlets/Coast%20Herald?until=2026-01-01')).status, 400);
  assert.equal((await call('/api/v1/network/edge?from=Coast%20Herald')).status, 400, 'both ends are required');
  assert.equal((await call('/api/v1/network/edge?from=A&to=B&to=C')).status, 400);
  const noEdge = await call(`/api/v1/network/edge?from=${encodeURIComponent(net.outlets[0]!.outlet)}&to=${encodeURIComponent('<nobody>')}`);
  assert.equal(noEdge.status, 404);
  assert.match((noEdge.body as { error: { message: string } }).error.message, /no edge from '.*' to '<nobody>'/);

  // A new article from a new outlet (a slash and markup in its name) shows up: the memo is not stale.
  const name = 'Ridge/Valley <b>Post</b>';
  const posted = await call('/api/v1/articles', json({ articles: [{ id: 'ridge-1', text: 'The Ostvik lighthouse reopened on Saturday after a year of repairs, the harbour board said.', source: name, published: '2026-11-20T09:00:00Z' }] }));
  assert.equal(posted.status, 201);
  await app.ingestIdle();
  const after = (await call('/api/v1/network')).body as Net;
  assert.equal(after.outlets.length, net.outlets.length + 1);
  const view = await call(`/api/v1/outlets/${encodeURIComponent(name)}`);
  assert.equal(view.status, 200);
  assert.equal((view.body as { outlet: { articles: number; firstShare: number } }).outlet.articles, 1);
  assert.equal((view.body as { outlet: { articles: number; firstShare: number } }).outlet.firstShare, 1);
});

test('the network view follows a report rewritten at the same tick (the memo keys on report writes)', async () => {
  type Net = { edges: { from: string; to: string }[] };
  const before = (await call('/api/v1/network')).body as Net;
  const stored = store.getReport(ferry)!;
  const report = JSON.parse(stored.json) as Report;
  assert.ok(report.stories[0]!.derivation.some((p) => p.direction === 'a-from-b' || p.direction === 'b-from-a'), 'the ferry story has a derived pair');
  for (const p of report.stories[0]!.derivation) p.direction = 'independent';
  store.saveReport(ferry, JSON.stringify(report), stored.seq, undefined, { version: DIGEST_VERSION, data: JSON.stringify(outletDigest(report)) });
  const after = (await call('/api/v1/network')).body as Net;
  assert.ok(after.edges.length < before.edges.length, `${before.edges.length} edges before, ${after.edges.length} after`);
});
