import { strict as assert } from 'node:assert';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { after, test } from 'node:test';
import { fsErrorMessage, formatOf, stemOf } from '../src/ingest/files.js';
import { formatProblem } from '../src/ingest/index.js';
import { MAX_ARTICLE_CHARS } from '../src/ingest/problem.js';
import { postItems } from '../src/server/post-body.js';
import { readAll } from './helpers/read-inputs.js';

const FIX = 'test/fixtures/ingest';
const tmp = mkdtempSync(join(tmpdir(), 'corroborate-ingest-inputs-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

const split = readAll;

function file(name: string, content: string | Buffer): string {
  const path = join(tmp, name);
  writeFileSync(path, content);
  return path;
}

test('directories recurse in sorted order, skipping dot-files; files of unknown type named in one line per folder', async () => {
  const r = await split([`${FIX}/tree`]);
  assert.deepEqual(r.problems.map(formatProblem), [
    `${FIX}/tree: 1 file of another type not read (notes.xyz): a folder is read for .txt .text .md .markdown .html .htm .xhtml .jsonl .ndjson .rss .atom .xml .feed files (also .gz)`,
  ]);
  assert.deepEqual(
    r.articles.map((a) => [a.id, a.origin]),
    [
      ['a-first', `${FIX}/tree/a/a-first.md`],
      ['b-second', `${FIX}/tree/b-second.txt`],
      ['c-line-1', `${FIX}/tree/c-third.jsonl:1`],
    ],
  );
});

test('the examples directory gives the three example articles', async () => {
  const r = await split(['examples']);
  assert.deepEqual(r.problems, []);
  assert.deepEqual(r.articles.map((a) => a.id), ['metro-ledger', 'northshore-daily', 'valley-courier']);
});

test('a named file of unknown extension is sniffed: text, or HTML when it starts with <', async () => {
  const html = file('page.data', readFileSync('examples/northshore-daily.html'));
  const r = await split([`${FIX}/text/no-extension-sniffed`, html]);
  assert.deepEqual(r.problems, []);
  assert.equal(r.articles[0]!.title, 'Sniffed as text');
  assert.equal(r.articles[1]!.id, 'page');
  assert.equal(r.articles[1]!.source, 'Northshore Daily');
});

test('stdin: JSONL, HTML and text are sniffed', async () => {
  const jsonl = await split(['-'], Readable.from([Buffer.from('\n{"text":"An article read from standard input as JSON Lines."}\n')]));
  assert.deepEqual(jsonl.problems, []);
  assert.deepEqual(jsonl.articles.map((a) => [a.id, a.origin]), [['stdin:2', '-:2']]);

  const html = await split(['-'], Readable.from([readFileSync('examples/northshore-daily.html')]));
  assert.equal(html.articles[0]!.origin, '-');
  assert.equal(html.articles[0]!.id, 'stdin');
  assert.ok(html.articles[0]!.text.startsWith('On Tuesday morning the Arden peaked'));

  const text = await split(['-'], Readable.from(['Headline from stdin\n\n', 'Body text from stdin, in two chunks.\n']));
  assert.deepEqual(
    text.articles.map((a) => [a.id, a.title, a.text, a.origin]),
    [['stdin', 'Headline from stdin', 'Body text from stdin, in two chunks.', '-']],
  );

  const empty = await split(['-'], Readable.from([' \n']));
  assert.deepEqual(empty.problems, [{ kind: 'problem', input: '-', message: 'empty input' }]);

  const twice = await split(['-', '-'], Readable.from(['Body text read once only, though named twice.']));
  assert.equal(twice.articles.length, 1);
  assert.deepEqual(twice.problems, [{ kind: 'problem', input: '-', message: 'stdin named more than once; read once' }]);
});

test('missing path, empty file, whitespace-only file', async () => {
  const empty = file('empty.txt', '');
  const blank = file('blank.md', ' \n\t\n');
  const r = await split(['no/such/file.txt', empty, blank]);
  assert.deepEqual(r.articles, []);
  assert.deepEqual(r.problems, [
    { kind: 'problem', input: 'no/such/file.txt', message: 'no such file or directory' },
    { kind: 'problem', input: empty, message: 'empty file' },
    { kind: 'problem', input: blank, message: 'empty file' },
  ]);
});

test('binary content and invalid UTF-8 are problems; the run goes on', async () => {
  const bin = file('image.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x0d, 0x0a]));
  const latin1 = file('latin1.txt', Buffer.from('Caf\xe9 opens\n\nThe caf\xe9 opened on Monday.', 'latin1'));
  const r = await split([bin, latin1, 'examples/metro-ledger.md']);
  assert.deepEqual(r.problems, [
    { kind: 'problem', input: bin, message: 'binary content (NUL bytes); not a text file' },
    { kind: 'problem', input: latin1, message: 'invalid UTF-8 (not a UTF-8 text file)' },
  ]);
  assert.deepEqual(r.articles.map((a) => a.id), ['metro-ledger']);
});

test('an HTML page declaring another charset is decoded with it', async () => {
  const page = `<html lang="fr"><head><meta charset="windows-1252"><title>Caf\xe9 du port</title></head><body><article>
<p>Le caf\xe9 du port de Port Ellery a rouvert lundi apr\xe8s trois mois de travaux, a annonc\xe9 la mairie.</p>
</article></body></html>`;
  const path = file('cafe.html', Buffer.from(page, 'latin1'));
  const r = await split([path]);
  assert.deepEqual(r.problems, []);
  assert.equal(r.articles[0]!.title, 'Café du port');
  assert.ok(r.articles[0]!.text.startsWith('Le café du port'));
  assert.equal(r.articles[0]!.language, 'fr');
});

test('a UTF-8 BOM is stripped', async () => {
  const path = file('bom.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Headline\n\nBody after a byte order mark.')]));
  const r = await split([path]);
  assert.equal(r.articles[0]!.title, 'Headline');
  assert.equal(r.articles[0]!.text, 'Body after a byte order mark.');
});

test('duplicate ids across inputs: a file of a name already read is named by its path; the same file again is skipped', async () => {
  const other = join(tmp, 'dup');
  mkdirSync(other, { recursive: true });
  const copy = join(other, 'valley-courier.md');
  writeFileSync(copy, 'Another headline\n\nAnother article that happens to share the file stem.');
  const r = await split(['examples/valley-courier.txt', copy, 'examples/valley-courier.txt', copy]);
  assert.deepEqual(
    r.articles.map((a) => [a.id, a.origin]),
    [
      ['valley-courier', 'examples/valley-courier.txt'],
      [join(other, 'valley-courier'), copy],
    ],
  );
  assert.deepEqual(r.problems, [
    { kind: 'problem', input: 'examples/valley-courier.txt', message: "duplicate id 'valley-courier' (first from examples/valley-courier.txt)" },
    { kind: 'problem', input: copy, message: `duplicate id '${join(other, 'valley-courier')}' (first from ${copy})` },
  ]);
});

test('JSONL ids are the user\'s: the same id in two files is refused, never renamed; one file named twice is one article', async () => {
  mkdirSync(join(tmp, 'ids1'), { recursive: true });
  mkdirSync(join(tmp, 'ids2'), { recursive: true });
  // Each file's stem is the id of its line, as in the rename case of whole files; JSONL ids still stay as given.
  const a = file('ids1/x.jsonl', `${JSON.stringify({ id: 'x', text: 'The Velmora ferry resumed service on Monday.' })}\n`);
  const b = file('ids2/x.jsonl', `${JSON.stringify({ id: 'x', text: 'The Velmora bridge reopened on Tuesday.' })}\n`);
  const r = await split([a, b]);
  assert.deepEqual(r.articles.map((x) => x.id), ['x']);
  assert.deepEqual(r.problems.map((p) => p.message), [`id 'x' is already used by ${a}:1 for another text`]);
  // The same text file by two spellings of its path: one article, the second a duplicate.
  const t = file('ids1/story.txt', 'Ferry resumes\n\nThe Velmora ferry resumed service on Monday.\n');
  const again = join(tmp, 'ids2', '..', 'ids1', 'story.txt');
  const twice = await split([t, again]);
  assert.deepEqual(twice.articles.map((x) => x.id), ['story']);
  assert.deepEqual(twice.problems.map((p) => p.message), [`duplicate id 'story' (first from ${t})`]);
});

test('one article given as a text file and as a JSONL line whose text is wrapped differently is a copy under its id, not another text', async () => {
  mkdirSync(join(tmp, 'wrapped'), { recursive: true });
  const txt = file('wrapped/harbour.txt', 'The Velmora ferry resumed service on Monday.\nThe harbour master said the crossing was calm.\n');
  const lines = file(
    'wrapped/all.jsonl',
    `${JSON.stringify({ id: 'harbour', text: 'The Velmora ferry resumed service on Monday.\n\nThe harbour master said the crossing was calm.' })}\n` +
      `${JSON.stringify({ id: 'harbour', text: 'The Velmora ferry stayed in port on Monday.' })}\n`,
  );
  const r = await split([txt, lines]);
  assert.deepEqual(r.articles.map((x) => x.id), ['harbour']);
  assert.deepEqual(r.problems.map((p) => p.message), [
    `duplicate id 'harbour' (first from ${txt})`,
    `id 'harbour' is already used by ${txt} for another text`,
  ]);
});

test('a directory without supported files is one problem: its other files named, or that it is empty', async () => {
  const dir = join(tmp, 'nothing-here');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'data.csv'), 'a,b\n');
  writeFileSync(join(dir, '.hidden.txt'), 'A dot-file is not read.\n');
  const r = await split([dir]);
  assert.deepEqual(r.problems.map((p) => p.message), [
    '1 file of another type not read (data.csv): a folder is read for .txt .text .md .markdown .html .htm .xhtml .jsonl .ndjson .rss .atom .xml .feed files (also .gz)',
  ]);
  const empty = join(tmp, 'empty-folder');
  mkdirSync(empty, { recursive: true });
  assert.deepEqual((await split([empty])).problems.map((p) => p.message), [
    'no files to read in directory (a folder is read for .txt .text .md .markdown .html .htm .xhtml .jsonl .ndjson .rss .atom .xml .feed files (also .gz))',
  ]);
});

test('permission errors', async (t) => {
  assert.equal(fsErrorMessage({ code: 'EACCES' }), 'permission denied');
  assert.equal(fsErrorMessage({ code: 'EIO' }), 'cannot read (EIO)');
  if (process.getuid?.() === 0) {
    t.skip('running as root: file permissions are not enforced');
    return;
  }
  const path = file('locked.txt', 'Headline\n\nA file nobody may read.');
  chmodSync(path, 0o000);
  const r = await split([path]);
  assert.deepEqual(r.problems, [{ kind: 'problem', input: path, message: 'permission denied' }]);
});

test('formats, stems and problem lines', () => {
  assert.deepEqual(formatOf('a/b.HTML.gz'), { format: 'html', gz: true });
  assert.deepEqual(formatOf('feed.jsonl'), { format: 'jsonl', gz: false });
  assert.deepEqual(formatOf('notes.xyz'), { format: null, gz: false });
  assert.equal(stemOf('dir/page.html.gz'), 'page');
  assert.equal(stemOf('a.b.txt'), 'a.b');
  assert.equal(stemOf('README'), 'README');
  assert.equal(formatProblem({ kind: 'problem', input: 'f.jsonl', line: 3, message: 'line is not valid JSON' }), 'f.jsonl:3: line is not valid JSON');
  assert.equal(formatProblem({ kind: 'problem', input: 'x.txt', message: 'empty file' }), 'x.txt: empty file');
});

test('an article over MAX_ARTICLE_CHARS is reported with its line and skipped; the others are read (files and request bodies)', async () => {
  const long = 'Flood water rose in Velmora. '.repeat(Math.ceil((MAX_ARTICLE_CHARS + 1) / 29));
  const lines = [
    { id: 'before', text: 'The Velmora ferry resumed service on Monday.' },
    { id: 'big', text: long },
    { id: 'after', text: 'The Velmora bridge reopened on Tuesday.' },
  ].map((r) => JSON.stringify(r));
  const path = file('long.jsonl', `${lines.join('\n')}\n`);
  const r = await split([path]);
  assert.deepEqual(r.articles.map((a) => a.id), ['before', 'after']);
  assert.equal(r.problems.length, 1);
  assert.equal(
    formatProblem(r.problems[0]!),
    `${path}:2: text of 'big' is ${long.length.toLocaleString('en-US')} characters, over the limit of ${MAX_ARTICLE_CHARS.toLocaleString('en-US')} for one article`,
  );
  const posted: string[] = [];
  for await (const item of postItems('application/x-ndjson', Buffer.from(`${lines.join('\n')}\n`))) posted.push('kind' in item ? formatProblem(item) : item.id);
  assert.deepEqual(posted, ['before', `upload:2: text of 'big' is ${long.length.toLocaleString('en-US')} characters, over the limit of 1,000,000 for one article`, 'after']);
});

test('a note on an undated article names it by the id it is stored under (two same-name files in different folders)', async () => {
  const root = mkdtempSync(join(tmpdir(), 'corroborate-unread-'));
  try {
    for (const folder of ['s1', 's2']) {
      mkdirSync(join(root, folder));
      writeFileSync(join(root, folder, 'a.md'), `---\npublished: soon\n---\nHeadline ${folder}\n\nThe ferry from ${folder} sailed on time.\n`);
    }
    const r = await readAll([root]);
    assert.deepEqual(r.articles.map((a) => a.id), ['a', join(root, 's2', 'a')]);
    assert.deepEqual(
      r.problems.map((p) => [p.kept, p.message.replace(/ is not a date.*$/, '')]),
      [
        [true, `'published' "soon" of 'a'`],
        [true, `'published' "soon" of '${join(root, 's2', 'a')}'`],
      ],
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
