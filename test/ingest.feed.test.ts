import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { after, test } from 'node:test';
import { formatOf } from '../src/ingest/files.js';
import { cleanId, decodeFeed, feedDate, htmlToText, looksLikeFeed, parseFeed, personName, type ParsedFeed } from '../src/ingest/feed.js';
import { formatProblem } from '../src/ingest/index.js';
import { parseXml } from '../src/ingest/xml.js';
import type { Report } from '../src/types.js';
import { runCli } from './helpers/cli.js';
import { readAll } from './helpers/read-inputs.js';

const FIX = 'test/fixtures/ingest/feeds';
const tmp = mkdtempSync(join(tmpdir(), 'corroborate-ingest-feed-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

const split = readAll;

function file(name: string, content: string | Buffer): string {
  const path = join(tmp, name);
  writeFileSync(path, content);
  return path;
}

function feed(xml: string): ParsedFeed {
  const f = parseFeed(xml);
  assert.ok(typeof f !== 'string', `not parsed: ${String(f)}`);
  return f;
}

test('feed extensions, optionally gzipped, are feeds', () => {
  for (const name of ['a.rss', 'a.atom', 'a.xml', 'a.feed', 'a.RSS.gz', 'a.xml.gz']) assert.equal(formatOf(name).format, 'feed', name);
  assert.equal(formatOf('a.rss.gz').gz, true);
});

test('RSS 2.0: content:encoded in CDATA beats description; entities decoded; metadata from item and channel', async () => {
  const path = `${FIX}/harbour-gazette.rss`;
  const r = await split([path]);
  const first = r.articles[0]!;
  assert.deepEqual(first, {
    id: 'gazette-2026-0412',
    title: 'Ferry pier reopens after storm repairs',
    // The figure and its caption are dropped; &amp; and &#8217; inside CDATA are HTML and decoded.
    text:
      'The north ferry pier in Port Ellery reopened on Tuesday after six weeks of repairs & inspections.\n\n' +
      'The harbour master said the town\u2019s two ferries would run a full timetable from Wednesday.',
    source: 'Port Ellery Harbour Gazette',
    url: 'https://harbour-gazette.example/news/ferry-pier',
    published: '2026-11-17T09:30:00Z',
    language: 'en',
    byline: 'Mira Okonkwo',
    origin: `${path}#1`,
  });
});

test('RSS 2.0: escaped HTML description, relative link, EST date, e-mail author, id from the link', async () => {
  const path = `${FIX}/harbour-gazette.rss`;
  const second = (await split([path])).articles[1]!;
  assert.equal(second.title, 'Fish & chips shop wins regional award');
  assert.equal(
    second.text,
    'The Salt Cellar on Quay Street won the coastal food prize & a cheque for 500 pounds.\n\n' +
      'Its owner said it\u2019s the shop\u2019s first award in thirty years.',
  );
  assert.equal(second.url, 'https://harbour-gazette.example/news/fish-award');
  assert.equal(second.id, 'https://harbour-gazette.example/news/fish-award');
  assert.equal(second.published, '2026-11-16T23:05:00Z');
  assert.equal(second.byline, 'Jonas Friel');
  assert.equal(second.origin, `${path}#2`);
});

test('an item with a title only has its title as text; one with neither is a problem naming the item', async () => {
  const path = `${FIX}/harbour-gazette.rss`;
  const r = await split([path]);
  assert.equal(r.articles.length, 3);
  const third = r.articles[2]!;
  assert.equal(third.text, 'Tide tables for December published');
  // A guid that is a permalink (the default) is the url too.
  assert.equal(third.url, 'https://harbour-gazette.example/news/tide-tables');
  assert.equal(third.id, 'https://harbour-gazette.example/news/tide-tables');
  assert.deepEqual(r.problems, [{ kind: 'problem', input: path, message: 'item 4: no title and no text' }]);
  assert.equal(formatProblem(r.problems[0]!), `${path}: item 4: no title and no text`);
});

test('Atom: HTML and XHTML content, summary with paragraphs, alternate links, authors inherited, xml:lang', async () => {
  const path = `${FIX}/ridgeway-herald.atom`;
  const r = await split([path]);
  assert.deepEqual(r.problems, []);
  assert.deepEqual(
    r.articles.map((a) => [a.id, a.title, a.text, a.url, a.published, a.byline, a.language, a.source, a.origin]),
    [
      [
        'tag:ridgeway-herald.example,2026:library',
        'Library extension approved',
        'A new wing\n\nRidgeway council approved a 2.1 million euro extension to the town library on Monday.\n\nWork starts in March & ends in 2028.',
        'https://ridgeway-herald.example/2026/11/library',
        '2026-11-17T10:15:00+01:00',
        'Anselm Dray',
        'en',
        'Ridgeway Herald',
        `${path}#1`,
      ],
      [
        'tag:ridgeway-herald.example,2026:markt',
        'Marktplatz wird neu gepflastert',
        'Der Marktplatz von Ridgeway wird ab Januar neu gepflastert.\n\nDie Arbeiten dauern vier Monate.',
        'https://ridgeway-herald.example/2026/11/markt',
        '2026-11-16',
        'Ridgeway Herald Newsroom',
        'de',
        'Ridgeway Herald',
        `${path}#2`,
      ],
      [
        'tag:ridgeway-herald.example,2026:bus',
        'Bus route 7 changes',
        'Route 7 will no longer stop at Elm Square.\n\nFrom Monday it runs along Canal Road instead.',
        null,
        null,
        'Ridgeway Herald Newsroom',
        'en',
        'Ridgeway Herald',
        `${path}#3`,
      ],
    ],
  );
});

test('RSS 1.0 (RDF): items beside the channel, dc:date, dc:creator, dc:language', async () => {
  const path = `${FIX}/lakeside-bulletin.xml`;
  const r = await split([path]);
  assert.deepEqual(r.problems, []);
  assert.deepEqual(r.articles, [
    {
      id: 'https://lakeside-bulletin.example/rowing',
      title: 'Rowing club marks centenary',
      text: 'The Lakeside Rowing Club celebrated its hundredth season on Saturday with a regatta of 40 boats.',
      source: 'Lakeside Bulletin',
      url: 'https://lakeside-bulletin.example/rowing',
      published: '2026-11-14T16:00:00Z',
      language: 'en',
      byline: 'Petra Lind',
      origin: `${path}#1`,
    },
  ]);
});

test('XML entities: predefined, numeric, DTD-declared; HTML entities inside bodies', () => {
  const f = feed(`<?xml version="1.0"?>
<!DOCTYPE rss [ <!ENTITY town "Port Ellery"> ]>
<rss version="2.0"><channel><title>Tom &apos;n&apos; Jerry&#x2019;s &quot;Weekly&quot;</title>
<item><title>&town; &lt;b&gt;quay&lt;/b&gt; a &lt; b &#8217;</title><description>&lt;p&gt;Caf&amp;eacute; &amp;amp; bar&amp;nbsp;open&lt;/p&gt;</description></item>
</channel></rss>`);
  assert.equal(f.title, 'Tom \'n\' Jerry\u2019s "Weekly"');
  // RSS titles often carry escaped markup: tags dropped, a lone '<' kept.
  assert.equal(f.items[0]!.title, 'Port Ellery quay a < b \u2019');
  assert.equal(f.items[0]!.text, 'Caf\u00e9 & bar open');
});

test('not well-formed or not a feed: one problem naming the file, and the run goes on', async () => {
  const broken = `${FIX}/broken.xml`;
  const notFeed = file('catalogue.xml', '<?xml version="1.0"?><catalogue><book>Tides</book></catalogue>');
  const empty = file('empty-channel.rss', '<rss version="2.0"><channel><title>Nothing yet</title></channel></rss>');
  const r = await split([broken, notFeed, empty, `${FIX}/lakeside-bulletin.xml`]);
  assert.deepEqual(r.problems, [
    { kind: 'problem', input: broken, message: 'not well-formed XML (line 7: end tag </channel> does not match <item>)' },
    { kind: 'problem', input: notFeed, message: 'not an RSS or Atom feed (root element <catalogue>)' },
    { kind: 'problem', input: empty, message: 'feed has no items' },
  ]);
  assert.deepEqual(r.articles.map((a) => a.id), ['https://lakeside-bulletin.example/rowing']);
});

test('well-formedness errors are found, with their line', () => {
  const cases: Array<[string, string]> = [
    ['<rss><channel></channel></rss>\n<rss/>', 'line 2: a second root element'],
    ['<rss><channel a=1></channel></rss>', 'line 1: unquoted value of attribute a'],
    ['<rss><channel>\n\n<item>', 'line 3: <item> is not closed'],
    ['<rss><channel><![CDATA[ open', 'line 1: unterminated CDATA section'],
    ['<rss><channel><title>bell \u0007</title></channel></rss>', 'line 1: control character U+0007 (not allowed in XML)'],
    ['<rss><channel><title>&#1;</title></channel></rss>', 'line 1: invalid character reference &#1;'],
    ['<rss a="1" a="2"/>', 'line 1: duplicate attribute a'],
    ['just text', 'line 1: text before the root element'],
  ];
  for (const [xml, message] of cases) assert.equal(parseFeed(xml), `not well-formed XML (${message})`, xml);
  const ok = parseXml('<a xmlns:x="urn:x"><x:b c="1&amp;2"/><!-- c --><?pi?><![CDATA[<raw>]]></a>');
  assert.ok(ok.ok);
  assert.deepEqual(ok.root.children, [
    { kind: 'element', name: 'x:b', local: 'b', ns: 'urn:x', attributes: [{ name: 'c', local: 'c', ns: '', value: '1&2' }], children: [] },
    { kind: 'text', text: '<raw>' },
  ]);
});

test('feeds in the wild: a bare & and an HTML entity such as &nbsp; do not lose the feed', () => {
  const f = parseFeed('<rss><channel><title>Fish & chips</title><item><title>Quay&nbsp;news</title><description>Caf&eacute; &amp; bar</description></item></channel></rss>');
  assert.ok(typeof f !== 'string', String(f));
  assert.equal(f.title, 'Fish & chips');
  assert.equal(f.items[0]!.title, 'Quay news');
  assert.equal(f.items[0]!.text, 'Café & bar');
});

test('an RSS feed carrying atom:link elements does not mistake them for the item link', () => {
  const f = feed(`<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>T</title>
<item><atom:link href="https://elsewhere.example/self" rel="self"/><link>https://t.example/a</link><description>Body.</description></item>
</channel></rss>`);
  assert.equal(f.items[0]!.url, 'https://t.example/a');
});

test('ids print on one line: control and format characters removed; fallback id from the file stem', async () => {
  assert.equal(cleanId('abc&def\u2028ghi\u202e\u0085x\n'), 'abc&def ghi x');
  const path = file('quay-notes.rss', `<rss version="2.0"><channel><title>Quay Notes</title>
<item><guid>note&#x2028;7&#x85;</guid><description>A note with a guid that spans two lines.</description></item>
<item><description>A note without guid or link.</description></item>
</channel></rss>`);
  const r = await split([path]);
  assert.deepEqual(r.problems, []);
  assert.deepEqual(r.articles.map((a) => [a.id, a.source, a.url]), [
    ['note 7', 'Quay Notes', null],
    ['quay-notes#2', 'Quay Notes', null],
  ]);
});

test('source falls back to the host of the link; byline and date helpers', () => {
  const f = feed('<rss version="2.0"><channel><item><link>https://www.pier-post.example/x</link><title>Pier</title></item></channel></rss>');
  assert.equal(f.title, null);
  assert.equal(f.items[0]!.url, 'https://www.pier-post.example/x');
  assert.equal(personName('desk@pier.example (Ana Lüders)'), 'Ana Lüders');
  assert.equal(personName('Ana Lüders <desk@pier.example>'), 'Ana Lüders');
  assert.equal(personName('desk@pier.example'), null);
  assert.equal(personName('By Ana Lüders'), 'Ana Lüders');
  assert.equal(feedDate('Tue, 17 Nov 2026 09:30:00 PDT'), '2026-11-17T16:30:00Z');
  assert.equal(feedDate('Tue, 17 Nov 2026 09:30:00 +0100'), '2026-11-17T08:30:00Z');
  assert.equal(feedDate('soon'), null);
});

test('a feed with no channel title gets the host as source', async () => {
  const path = file('untitled.rss', '<rss version="2.0"><channel><item><link>https://www.pier-post.example/x</link><title>Pier repaired</title></item></channel></rss>');
  const r = await split([path]);
  assert.equal(r.articles[0]!.source, 'pier-post.example');
});

test('htmlToText: paragraphs, <br>, lists, entities; plain text keeps its blank lines', () => {
  assert.equal(htmlToText('<p>One &amp; <b>two</b></p><ul><li>three</li><li>four</li></ul>five<br>six<script>x()</script>'), 'One & two\n\nthree\n\nfour\n\nfive\n\nsix');
  assert.equal(htmlToText('First  line\nsame paragraph.\n\nSecond &rsquo;para&rsquo;.'), 'First line same paragraph.\n\nSecond \u2019para\u2019.');
  assert.equal(htmlToText('a < b and c > d'), 'a < b and c > d');
});

test('gzipped feeds are read like the others', async () => {
  const path = file('harbour.rss.gz', gzipSync(readFileSync(`${FIX}/harbour-gazette.rss`)));
  const r = await split([path]);
  assert.deepEqual(r.articles.map((a) => a.id), ['gazette-2026-0412', 'https://harbour-gazette.example/news/fish-award', 'https://harbour-gazette.example/news/tide-tables']);
  assert.equal(r.articles[0]!.origin, `${path}#1`);
  assert.deepEqual(r.problems, [{ kind: 'problem', input: path, message: 'item 4: no title and no text' }]);
});

test('a directory reads its feed files in sorted order; files of unknown extension are named, not read', async () => {
  const r = await split([FIX]);
  assert.deepEqual(
    r.problems.map((p) => [p.input, p.message]),
    [
      [`${FIX}/broken.xml`, 'not well-formed XML (line 7: end tag </channel> does not match <item>)'],
      [`${FIX}/harbour-gazette.rss`, 'item 4: no title and no text'],
      [FIX, '1 file of another type not read (channel-dump): a folder is read for .txt .text .md .markdown .html .htm .xhtml .jsonl .ndjson .rss .atom .xml .feed files (also .gz)'],
    ],
  );
  assert.deepEqual(r.articles.map((a) => a.origin), [
    `${FIX}/harbour-gazette.rss#1`,
    `${FIX}/harbour-gazette.rss#2`,
    `${FIX}/harbour-gazette.rss#3`,
    `${FIX}/lakeside-bulletin.xml#1`,
    `${FIX}/ridgeway-herald.atom#1`,
    `${FIX}/ridgeway-herald.atom#2`,
    `${FIX}/ridgeway-herald.atom#3`,
    `${FIX}/story/coastal-wire.rss#1`,
    `${FIX}/story/coastal-wire.rss#2`,
    `${FIX}/story/coastal-wire.rss#3`,
  ]);
});

test('sniffing: a named file of unknown extension that starts like a feed is one; XHTML and HTML stay HTML', async () => {
  assert.equal(looksLikeFeed('\n  <rss version="2.0">'), true);
  assert.equal(looksLikeFeed('<feed xmlns="http://www.w3.org/2005/Atom">'), true);
  assert.equal(looksLikeFeed('<rdf:RDF xmlns:rdf="x">'), true);
  assert.equal(looksLikeFeed('<?xml version="1.0"?>\n<!-- c -->\n<catalogue/>'), true);
  assert.equal(looksLikeFeed('<?xml version="1.0"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "x.dtd">\n<html xmlns="http://www.w3.org/1999/xhtml">'), false);
  assert.equal(looksLikeFeed('<!doctype html><html>'), false);
  assert.equal(looksLikeFeed('<feedback>'), false);

  const xhtml = file('page.data', `<?xml version="1.0" encoding="UTF-8"?>\n${readFileSync('examples/northshore-daily.html', 'utf8')}`);
  const atom = file('ridgeway.data', readFileSync(`${FIX}/ridgeway-herald.atom`));
  const r = await split([`${FIX}/channel-dump`, xhtml, atom]);
  assert.deepEqual(r.problems, []);
  assert.deepEqual(
    r.articles.map((a) => [a.id, a.source, a.origin]),
    [
      ['https://millbrook-notes.example/allotments', 'Millbrook Notes', `${FIX}/channel-dump#1`],
      ['page', 'Northshore Daily', xhtml],
      ['tag:ridgeway-herald.example,2026:library', 'Ridgeway Herald', `${atom}#1`],
      ['tag:ridgeway-herald.example,2026:markt', 'Ridgeway Herald', `${atom}#2`],
      ['tag:ridgeway-herald.example,2026:bus', 'Ridgeway Herald', `${atom}#3`],
    ],
  );
});

test('stdin: a feed is sniffed; HTML on stdin is still HTML', async () => {
  const r = await split(['-'], Readable.from([readFileSync(`${FIX}/lakeside-bulletin.xml`)]));
  assert.deepEqual(r.articles.map((a) => [a.id, a.origin]), [['https://lakeside-bulletin.example/rowing', '-#1']]);
  const html = await split(['-'], Readable.from([readFileSync('examples/northshore-daily.html')]));
  assert.equal(html.articles[0]!.id, 'stdin');
  assert.equal(html.articles[0]!.origin, '-');
});

test('encodings: declared windows-1252, UTF-16 with a BOM; invalid UTF-8 without a declaration is a problem', async () => {
  const body = '<rss version="2.0"><channel><title>Caf\u00e9 News</title><item><title>Caf\u00e9 reopens</title></item></channel></rss>';
  const latin = Buffer.from(`<?xml version="1.0" encoding="windows-1252"?>${body}`, 'latin1');
  const decoded = decodeFeed('x', latin);
  assert.equal(typeof decoded, 'string');
  assert.equal(feed(decoded as string).items[0]!.title, 'Caf\u00e9 reopens');

  const utf16 = file('utf16.rss', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`<?xml version="1.0" encoding="UTF-16"?>${body}`, 'utf16le')]));
  const undeclared = file('latin.rss', Buffer.from(body, 'latin1'));
  const r = await split([utf16, undeclared]);
  assert.deepEqual(r.articles.map((a) => [a.title, a.source]), [['Caf\u00e9 reopens', 'Caf\u00e9 News']]);
  assert.deepEqual(r.problems, [{ kind: 'problem', input: undeclared, message: 'invalid UTF-8 (not a UTF-8 text file)' }]);
});

test('corroborate compare <feed> compares the items of the feed end to end', () => {
  const path = `${FIX}/story/coastal-wire.rss`;
  const result = runCli(['compare', path, '--format', 'json']);
  assert.equal(result.status, 0, result.stderr);
  const report = JSON.parse(result.stdout) as Report;
  assert.deepEqual(report.problems, []);
  assert.deepEqual(report.articles.map((a) => [a.id, a.source, a.published]), [
    ['coastal-wire-carrow-1', 'Coastal Wire', '2026-11-18T07:00:00Z'],
    ['coastal-wire-carrow-2', 'Coastal Wire', '2026-11-18T12:30:00Z'],
    ['coastal-wire-carrow-3', 'Coastal Wire', '2026-11-18T15:45:00Z'],
  ]);
  assert.equal(report.stories.length, 1);
  const story = report.stories[0]!;
  assert.deepEqual(story.articles, ['coastal-wire-carrow-1', 'coastal-wire-carrow-2', 'coastal-wire-carrow-3']);
  // The evacuated homes: 60 in the first two items, 80 in the third.
  const homes = story.conflicts.find((c) => c.type === 'number' && c.sides.some((s) => s.value === '80'));
  assert.ok(homes, `no 60-vs-80 conflict in ${JSON.stringify(story.conflicts.map((c) => c.summary))}`);
  assert.deepEqual(new Set(homes.sides.map((s) => s.value)), new Set(['60', '80']));
  const quote = story.claims.find((c) => c.kind === 'quote' && /ground is still moving/.test(c.text));
  assert.ok(quote);
  assert.equal(quote.status, 'corroborated');
});

test('an item whose dates do not read is kept undated, with a note naming the first date given; one that reads has none', async () => {
  const path = file(
    'dates.rss',
    '<rss version="2.0"><channel><title>Marlow Post</title>' +
      '<item><guid>d1</guid><title>Ferry fares rise</title><pubDate>sometime in spring</pubDate><description>The Port Ellery ferry company raised fares.</description></item>' +
      '<item><guid>d2</guid><title>Ferry fares rise</title><pubDate>Tue, 17 Nov 2026 09:30:00 GMT</pubDate><description>The Port Ellery ferry company raised fares.</description></item>' +
      '</channel></rss>',
  );
  const r = await split([path]);
  assert.deepEqual(r.articles.map((a) => [a.id, a.published]), [
    ['d1', null],
    ['d2', '2026-11-17T09:30:00Z'],
  ]);
  assert.deepEqual(r.problems.map((p) => [p.kept, formatProblem(p)]), [
    [true, `${path}: 'published' "sometime in spring" of 'd1' is not a date (ISO 8601, RFC 2822, or a day with a month name and year); read as undated`],
  ]);
});
