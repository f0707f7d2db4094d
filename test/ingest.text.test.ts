import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { readInputs } from '../src/ingest/index.js';
import { parseFrontMatter } from '../src/ingest/frontmatter.js';
import { isProblem } from '../src/ingest/problem.js';
import { splitHeadline } from '../src/ingest/text.js';
import type { Article, InputProblem } from '../src/types.js';

const FIX = 'test/fixtures/ingest/text';

async function collect(paths: string[]): Promise<{ articles: Article[]; problems: InputProblem[] }> {
  const articles: Article[] = [];
  const problems: InputProblem[] = [];
  for await (const item of readInputs(paths)) {
    if (isProblem(item)) problems.push(item);
    else articles.push(item);
  }
  return { articles, problems };
}

async function one(path: string): Promise<Article> {
  const { articles, problems } = await collect([path]);
  assert.deepEqual(problems, []);
  assert.equal(articles.length, 1);
  return articles[0]!;
}

test('valley-courier.txt: front matter, headline, body', async () => {
  const a = await one('examples/valley-courier.txt');
  assert.equal(a.id, 'valley-courier');
  assert.equal(a.title, 'Arden River floods Kessington, 1,200 residents evacuated');
  assert.equal(a.source, 'Valley Courier');
  assert.equal(a.published, '2026-11-17T07:10:00Z');
  assert.equal(a.url, 'https://valley-courier.example/news/arden-flood');
  assert.equal(a.byline, 'Dana Whitfield');
  assert.equal(a.language, 'en');
  assert.equal(a.origin, 'examples/valley-courier.txt');
  assert.ok(a.text.startsWith('The Arden River burst its banks in Kessington early on Tuesday'));
  assert.ok(a.text.endsWith('if no further rain arrives.'));
  assert.ok(!a.text.includes('---') && !a.text.includes('source:'));
  // Only CRLF→LF and trimming: the text is a verbatim slice of the file.
  assert.ok(readFileSync('examples/valley-courier.txt', 'utf8').includes(a.text));
  assert.equal(a.text.split('\n\n').length, 9);
});

test('metro-ledger.md: front matter without url or author', async () => {
  const a = await one('examples/metro-ledger.md');
  assert.equal(a.id, 'metro-ledger');
  assert.equal(a.title, 'Thousands flee as Arden River swamps Kessington');
  assert.equal(a.source, 'Metro Ledger');
  assert.equal(a.published, '2026-11-17T12:00:00Z');
  assert.equal(a.url, null);
  assert.equal(a.byline, null);
  assert.ok(a.text.startsWith('Floodwater from the Arden River swept through Kessington on Tuesday'));
});

test('headline rule: first line + blank line is the title; text is exactly the rest', async () => {
  const a = await one(`${FIX}/harbour-headline.txt`);
  assert.equal(a.title, 'Ferry service to Marlow Island resumes after storm');
  assert.equal(
    a.text,
    'The ferry link between Port Ellery and Marlow Island reopened on Sunday after a three-day suspension.\n\n' +
      'Harbour master Ines Calloway said the first crossing left at 7:15 a.m. with 112 passengers aboard.',
  );
  assert.equal(a.source, null);
  assert.equal(a.published, null);
});

test('no blank line after the first line: no title, the whole text kept', async () => {
  const a = await one(`${FIX}/one-per-line.txt`);
  assert.equal(a.title, null);
  assert.ok(a.text.startsWith('The ferry link between Port Ellery and Marlow Island reopened on Sunday.\nHarbour master'));
});

test('front matter: id, quoted title, case-insensitive keys, language tag, bad date → null with a note, unknown keys ignored', async () => {
  const { articles, problems } = await collect([`${FIX}/lighthouse.md`]);
  // The date the file gives is not lost without a word: a note (kept, not a skip) names it.
  assert.deepEqual(problems, [
    {
      kind: 'problem',
      input: `${FIX}/lighthouse.md`,
      message: `'published' "last Tuesday-ish" of 'lighthouse-2031' is not a date (ISO 8601, RFC 2822, or a day with a month name and year); read as undated`,
      kept: true,
    },
  ]);
  assert.equal(articles.length, 1);
  const a = articles[0]!;
  assert.equal(a.id, 'lighthouse-2031');
  assert.equal(a.title, 'Marlow lighthouse relit after repairs');
  assert.equal(a.source, 'Island Gazette');
  assert.equal(a.url, 'https://island-gazette.example/lighthouse');
  assert.equal(a.byline, 'Tobias Renn');
  assert.equal(a.language, 'en');
  assert.equal(a.published, null);
  // The Markdown heading repeating the front-matter title is the headline, not text.
  assert.ok(a.text.startsWith('The lighthouse on Marlow Point shone again'));
  assert.ok(!a.text.includes('colour'));
});

test('CRLF file: CRLF→LF, front matter still found, month-name date → ISO date', async () => {
  const raw = readFileSync(`${FIX}/crlf-frontmatter.txt`, 'utf8');
  assert.ok(raw.includes('\r\n'));
  const a = await one(`${FIX}/crlf-frontmatter.txt`);
  assert.equal(a.title, 'Ferry fares to rise in spring');
  assert.equal(a.source, 'Port Ellery Post');
  assert.equal(a.published, '2031-11-17');
  assert.ok(!a.text.includes('\r'));
  assert.equal(a.text, 'The Port Ellery ferry company will raise fares by 4% from 1 March, its director said on Monday.');
});

test('splitHeadline edge cases', () => {
  const long = `${'A long opening paragraph that runs on. '.repeat(8)}\n\nSecond paragraph.`;
  assert.deepEqual(splitHeadline(long), { title: null, text: long.trimEnd() });
  assert.deepEqual(splitHeadline('Only a headline\n\n'), { title: null, text: 'Only a headline' });
  assert.deepEqual(splitHeadline('\n\nTitle\n\n\nBody.\n'), { title: 'Title', text: 'Body.' });
  // With a known title, a different first line stays in the text.
  assert.deepEqual(splitHeadline('First paragraph.\n\nSecond.', { knownTitle: 'T' }), { title: 'T', text: 'First paragraph.\n\nSecond.' });
  assert.deepEqual(splitHeadline('# Heading\nBody line.', { markdown: true }), { title: 'Heading', text: 'Body line.' });
  assert.deepEqual(splitHeadline('# Heading\nBody line.'), { title: null, text: '# Heading\nBody line.' });
});

test('parseFrontMatter: only a well-formed block at the very top', () => {
  assert.deepEqual(parseFrontMatter('---\nsource: X\ndate: 2031-01-02\n---\nBody'), {
    meta: { source: 'X', published: '2031-01-02' },
    body: 'Body',
  });
  assert.equal(parseFrontMatter('---\nsource: X\nBody without a closing line'), null);
  assert.equal(parseFrontMatter('---\nThis is prose, not a key.\n---\nBody'), null);
  assert.equal(parseFrontMatter('Body\n---\nsource: X\n---\n'), null);
});
