import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { readInputs } from '../src/ingest/index.js';
import { readJsonl } from '../src/ingest/jsonl.js';
import { isProblem } from '../src/ingest/problem.js';
import type { Article, InputProblem } from '../src/types.js';

const FEED = 'test/fixtures/ingest/jsonl/feed.jsonl';
const tmp = mkdtempSync(join(tmpdir(), 'corroborate-ingest-jsonl-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

async function split(items: AsyncIterable<Article | InputProblem>): Promise<{ articles: Article[]; problems: InputProblem[] }> {
  const articles: Article[] = [];
  const problems: InputProblem[] = [];
  for await (const item of items) {
    if (isProblem(item)) problems.push(item);
    else articles.push(item);
  }
  return { articles, problems };
}

function expectFeed(path: string, stem: string, r: { articles: Article[]; problems: InputProblem[] }): void {
  assert.deepEqual(
    r.articles.map((a) => [a.id, a.origin]),
    [
      ['f1', `${path}:1`],
      ['42', `${path}:3`],
      [`${stem}:9`, `${path}:9`],
    ],
  );
  assert.deepEqual(r.problems, [
    { kind: 'problem', input: path, line: 4, message: 'line is not valid JSON' },
    { kind: 'problem', input: path, line: 5, message: 'line is not a JSON object' },
    { kind: 'problem', input: path, line: 6, message: 'no non-empty string "text" field' },
    { kind: 'problem', input: path, line: 7, message: '"id" must be a string or a number' },
    { kind: 'problem', input: path, line: 9, message: `'title' of '${stem}:9' is a number, not text; read as none`, kept: true },
    { kind: 'problem', input: path, line: 10, message: 'no non-empty string "text" field' },
  ]);
}

test('good lines come through, bad lines are problems with their line numbers', async () => {
  const r = await split(readInputs([FEED]));
  expectFeed(FEED, 'feed', r);
  const [f1, n42, anon] = r.articles as [Article, Article, Article];
  assert.deepEqual(f1, {
    id: 'f1',
    title: 'Ferry resumes',
    text: 'The ferry link between Port Ellery and Marlow Island reopened on Sunday after a three-day suspension.',
    source: 'Island Gazette',
    url: null,
    published: '2031-11-16',
    language: 'en',
    byline: null,
    origin: `${FEED}:1`,
  });
  assert.equal(n42.text, 'Harbour master Ines Calloway said the first crossing left at 7:15 a.m. with 112 passengers aboard.\nA second vessel returns on Wednesday.');
  assert.equal(n42.language, 'en'); // detected
  assert.equal(anon.byline, 'Tobias Renn'); // `author` accepted
  assert.equal(anon.title, null); // a non-string title is read as none (with a note)
  assert.equal(anon.url, 'https://island-gazette.example/x');
});

test('.jsonl.gz streams the same records', async () => {
  const path = join(tmp, 'feed.jsonl.gz');
  writeFileSync(path, gzipSync(readFileSync(FEED)));
  expectFeed(path, 'feed', await split(readInputs([path])));
});

test('chunks split inside lines and inside UTF-8 sequences; CRLF lines; BOM', async () => {
  const bytes = Buffer.from('\uFEFF{"id":"ü1","text":"Fähre über Marlow – “Zitat”."}\r\n{"id":"ü2","text":"Zweite Zeile."}', 'utf8');
  const chunks = (async function* () {
    for (let i = 0; i < bytes.length; i += 3) yield bytes.subarray(i, i + 3);
  })();
  const r = await split(readJsonl({ input: '-', stem: 'stdin', chunks }));
  assert.deepEqual(r.problems, []);
  assert.deepEqual(
    r.articles.map((a) => [a.id, a.text, a.origin]),
    [
      ['ü1', 'Fähre über Marlow – “Zitat”.', '-:1'],
      ['ü2', 'Zweite Zeile.', '-:2'],
    ],
  );
});

test('an invalid UTF-8 line is reported and the rest goes on', async () => {
  const bytes = Buffer.concat([
    Buffer.from('{"id":"a","text":"First line is fine."}\n{"id":"b","text":"bad '),
    Buffer.from([0xc3, 0x28]),
    Buffer.from('"}\n{"id":"c","text":"Third line is fine."}\n'),
  ]);
  const r = await split(readJsonl({ input: 'x.jsonl', stem: 'x', chunks: [bytes] }));
  assert.deepEqual(r.articles.map((a) => a.id), ['a', 'c']);
  assert.deepEqual(r.problems, [{ kind: 'problem', input: 'x.jsonl', line: 2, message: 'invalid UTF-8' }]);
});

test('binary, empty and corrupt gzip JSONL inputs', async () => {
  const bin = await split(readJsonl({ input: 'b.jsonl', stem: 'b', chunks: [Buffer.from([0x7b, 0x00, 0x01, 0x0a])] }));
  assert.deepEqual(bin, { articles: [], problems: [{ kind: 'problem', input: 'b.jsonl', message: 'binary content (NUL bytes); not a text file' }] });
  const empty = await split(readJsonl({ input: 'e.jsonl', stem: 'e', chunks: [Buffer.from('\n  \n\n')] }));
  assert.deepEqual(empty.problems, [{ kind: 'problem', input: 'e.jsonl', message: 'empty file' }]);
  const path = join(tmp, 'broken.jsonl.gz');
  writeFileSync(path, Buffer.from('this is not gzip data at all'));
  const gz = await split(readInputs([path]));
  assert.deepEqual(gz.problems, [{ kind: 'problem', input: path, message: 'not a valid gzip file' }]);
});

test('an id used twice within a JSONL file: the later line is skipped with a problem naming the line, and saying whether its text is a copy', async () => {
  const path = join(tmp, 'dups.jsonl');
  writeFileSync(path, '{"id":"x","text":"First article with id x."}\n{"id":"x","text":"Second article with id x."}\n{"id":"x","text":"First article with id x."}\n');
  const r = await split(readInputs([path]));
  assert.deepEqual(r.articles.map((a) => a.text), ['First article with id x.']);
  assert.deepEqual(r.problems, [
    { kind: 'problem', input: path, line: 2, message: `id 'x' is already used by ${path}:1 for another text` },
    { kind: 'problem', input: path, line: 3, message: `duplicate id 'x' (first from ${path}:1)` },
  ]);
});

test('a line whose text or title holds a NUL character (\\u0000) is binary content: reported, the rest goes on', async () => {
  const path = join(tmp, 'nul.jsonl');
  writeFileSync(
    path,
    [
      JSON.stringify({ id: 'n1', text: 'The ferry\u0000 resumed.' }),
      JSON.stringify({ id: 'n2', text: 'The ferry resumed.', title: 'Fer\u0000ry' }),
      JSON.stringify({ id: 'n3', text: 'The ferry resumed on Tuesday.' }),
    ].join('\n') + '\n',
  );
  const { articles, problems } = await split(readInputs([path]));
  assert.deepEqual(articles.map((a) => a.id), ['n3']);
  assert.deepEqual(problems.map((p) => p.message), ['"text" contains a NUL character (\\u0000): binary content, not text', '"title" contains a NUL character (\\u0000): binary content, not text']);
});

test('a published value that is not a date: the article is read undated, with a note that names the value', async () => {
  const lines = [
    { id: 'ok', text: 'The ferry reopened on Sunday.', published: '2031-11-16' },
    { id: 'words', text: 'The ferry reopened on Sunday.', published: 'last week' },
    { id: 'number', text: 'The ferry reopened on Sunday.', published: 20311116 },
    { id: 'blank', text: 'The ferry reopened on Sunday.', published: '  ' },
    { id: 'none', text: 'The ferry reopened on Sunday.', published: null },
  ];
  const path = join(tmp, 'undated.jsonl');
  writeFileSync(path, lines.map((l) => `${JSON.stringify(l)}\n`).join('') + `${JSON.stringify({ id: 'words', text: 'Another text.', published: 'never' })}\n`);
  const r = await split(readInputs([path]));
  assert.deepEqual(
    r.articles.map((a) => [a.id, a.published]),
    [
      ['ok', '2031-11-16'],
      ['words', null],
      ['number', null],
      ['blank', null],
      ['none', null],
    ],
  );
  const why = 'is not a date (ISO 8601, RFC 2822, or a day with a month name and year); read as undated';
  // The note comes after the checks that may skip the article: line 6 (a taken id) is skipped, with no note.
  assert.deepEqual(r.problems, [
    { kind: 'problem', input: path, line: 2, message: `'published' "last week" of 'words' ${why}`, kept: true },
    { kind: 'problem', input: path, line: 3, message: `'published' 20311116 (not a string) of 'number' ${why}`, kept: true },
    { kind: 'problem', input: path, line: 6, message: `id 'words' is already used by ${path}:2 for another text` },
  ]);
});

test('a text field given as something else (number, list, object, boolean): read as none, with a note naming the field', async () => {
  const lines = [
    { id: 'odd', text: 'The ferry reopened on Sunday.', title: 12, source: ['Harbor Wire', 'Coast Daily'], url: { href: 'https://example.test/a' }, language: true, byline: 'A. Reyes', author: 7 },
    { id: 'fine', text: 'The ferry reopened on Monday.', title: 'Ferry back', source: null, url: '' },
  ];
  const path = join(tmp, 'odd-fields.jsonl');
  writeFileSync(path, lines.map((l) => `${JSON.stringify(l)}\n`).join(''));
  const r = await split(readInputs([path]));
  assert.deepEqual(
    r.articles.map((a) => [a.id, a.title, a.source, a.url, a.byline]),
    [
      ['odd', null, null, null, 'A. Reyes'],
      ['fine', 'Ferry back', null, null, null],
    ],
  );
  const note = (field: string, held: string) => ({ kind: 'problem', input: path, line: 1, message: `'${field}' of 'odd' is ${held}, not text; read as none`, kept: true });
  assert.deepEqual(r.problems, [note('title', 'a number'), note('source', 'a list'), note('url', 'an object'), note('language', 'a boolean'), note('author', 'a number')]);
});
