import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { renderHtml } from '../src/report/html.js';
import { escapeHtml, safeId } from '../src/report/escape.js';
import { renderText } from '../src/report/text.js';
import { sampleReport, find, mention } from './fixtures/report/sample-report.js';
import { assertValidReport } from './helpers/schema.js';
import type { Report, ReportArticle, Sentence } from '../src/types.js';

// ───────────── helpers: a small tag/attribute scanner for our own, always double-quoted, markup ─────────────

interface Tag {
  name: string;
  closing: boolean;
  attrs: Map<string, string>;
  raw: string;
}

const ALLOWED_TAGS = new Set([
  'html', 'head', 'meta', 'title', 'style', 'body', 'header', 'h1', 'h2', 'h3', 'h4', 'p', 'section', 'span', 'ul',
  'li', 'code', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'a', 'div', 'mark', 'blockquote', 'strong', 'article', 'script',
]);
const ALLOWED_ATTRS = new Set(['class', 'id', 'href', 'title', 'data-links', 'data-m', 'lang', 'charset', 'http-equiv', 'content', 'name']);

/** Every tag in the document (outside <style>/<script> bodies), with its attributes. Throws on anything unparsable. */
function tags(html: string): Tag[] {
  const body = html.replace(/(<style>)[\s\S]*?(<\/style>)/, '$1$2').replace(/(<script>)[\s\S]*?(<\/script>)/, '$1$2');
  const out: Tag[] = [];
  for (const m of body.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9]*|!doctype)([^>]*)>/g)) {
    const [raw, slash, name, rest] = m as unknown as [string, string, string, string];
    const attrs = new Map<string, string>();
    const leftover = rest.replace(/\s([a-zA-Z-]+)(?:="([^"]*)")?/g, (_all, k: string, v: string | undefined) => {
      assert.equal(attrs.has(k), false, `duplicate attribute ${k} in ${raw}`);
      attrs.set(k.toLowerCase(), v ?? '');
      return '';
    });
    assert.equal(leftover.trim(), '', `unparsed attribute text in ${raw}`);
    out.push({ name: name.toLowerCase(), closing: slash === '/', attrs, raw });
  }
  return out;
}

/** The text content of an HTML fragment: tags removed, our five entities decoded. */
function textOf(fragment: string): string {
  return fragment
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&#61;/g, '=')
    .replace(/&#96;/g, '`')
    .replace(/&amp;/g, '&');
}

// ───────────── the hostile report ─────────────

const SCRIPT = '<script>alert(1)</script>';
const IMG = '<img src=x onerror=alert(1)>';
const JS_LINK = '<a href="javascript:alert(1)">click</a>';
const SVG = '"><svg onload=alert(1)>';
const SQ = "' onmouseover='alert(1)' x='";
const CSS = '</style><style>@import url(http://evil.example/x.css)</style>';

function sentencesOf(text: string, parts: string[]): Sentence[] {
  return parts.map((p, index) => ({ ...find(text, p), index, paragraph: index < 2 ? 0 : 1 }));
}

function hostileReport(): Report {
  const idA = `"><svg onload=alert(1)>`;
  const idB = 'b&<i>';
  const s1 = `Officials said ${SCRIPT} closed 87 roads.`;
  const s2 = `The mayor said ${SVG} was fine.`;
  const s3 = `See ${JS_LINK} and ${IMG} now.`;
  const textA = `${s1} ${s2}\n\n${s3}`;
  const t1 = `Officials said 78 roads closed ${SQ}.`;
  const t2 = `Style trick ${CSS} done.`;
  const textB = `${t1}\n\n${t2}`;
  const artA: ReportArticle = {
    id: idA,
    title: `${SCRIPT} Title ${IMG}`,
    source: `Evil ${SVG} News`,
    url: 'javascript:alert(1)',
    published: `2031-01-01${SQ}`,
    language: `en${SVG}`,
    byline: IMG,
    text: textA,
    sentences: sentencesOf(textA, [s1, s2, s3]),
  };
  const artB: ReportArticle = {
    id: idB,
    title: JS_LINK,
    source: null,
    url: 'http://evil.example/track.gif',
    published: null,
    language: null,
    byline: null,
    text: textB,
    sentences: sentencesOf(textB, [t1, t2]).map((s, i) => ({ ...s, paragraph: i })),
  };
  const ref = (a: ReportArticle, i: number) => {
    const s = a.sentences[i]!;
    return { article: a.id, sentence: i, start: s.start, end: s.end, text: s.text };
  };
  return {
    schemaVersion: 3,
    generator: `corroborate ${SCRIPT}`,
    articles: [artA, artB],
    stories: [
      {
        id: `story ${SVG}`,
        articles: [idA, idB],
        claims: [
          {
            id: `q-${SVG}`,
            kind: 'quote',
            text: `${SVG} was fine ${SCRIPT}`,
            status: 'single-source',
            articles: [idA],
            mentions: [mention(idA, textA, SVG)],
            speaker: `${IMG} Mayor`,
            quotedIn: [idA],
            supportedIn: [],
          },
          {
            id: 'n-1',
            kind: 'number',
            text: `87 roads ${JS_LINK}`,
            status: 'conflicting',
            articles: [idA],
            mentions: [mention(idA, textA, '87 roads'), mention(idA, textA, SCRIPT)],
            value: `87${SQ}`,
          },
          {
            id: 'e-1',
            kind: 'entity',
            text: CSS,
            status: 'corroborated',
            articles: [idA, idB],
            mentions: [mention(idA, textA, IMG), mention(idB, textB, CSS)],
          },
        ],
        alignments: [
          {
            a: idA,
            b: idB,
            links: [{ a: ref(artA, 0), b: ref(artB, 0), label: 'partial', score: 0.5, lexical: 0.5, semantic: null, slotConflicts: [`number: ${SCRIPT}`] }],
            unmatchedA: [1, 2],
            unmatchedB: [1],
          },
        ],
        conflicts: [
          {
            id: `cf ${IMG}`,
            type: 'number',
            summary: `Roads closed: ${SCRIPT} vs ${IMG}`,
            sides: [
              { ...mention(idA, textA, '87 roads'), value: `87 ${SVG}` },
              { ...mention(idB, textB, '78 roads'), value: `78 ${JS_LINK}` },
            ],
            claims: ['n-1'],
          },
        ],
        derivation: [
          {
            a: idA,
            b: idB,
            direction: 'undetermined',
            confidence: 0.1,
            reuse: { aInB: 0.2, bInA: 0.3 },
            revision: { aFromB: { level: 'non', score: 0.05 }, bFromA: { level: 'non', score: 0.04 } },
            evidence: [{ kind: 'text-reuse', detail: `${SCRIPT}${IMG}`, weight: 0.1 }],
          },
        ],
        comparison: { mode: 'all-pairs', pairs: 1, encoder: false },
        copyGroups: [],
      },
    ],
    problems: [{ kind: 'problem', input: `${IMG}.jsonl`, line: 2, message: `bad ${SCRIPT}` }],
  };
}

// ───────────── tests ─────────────

test('escapeHtml escapes the five HTML metacharacters; safeId keeps ids to [A-Za-z0-9_-]', () => {
  assert.equal(escapeHtml(`<a href="x" title='y'>&amp;</a>`), '&lt;a href&#61;&quot;x&quot; title&#61;&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
  assert.equal(escapeHtml('`x`'), '&#96;x&#96;');
  assert.equal(safeId('valley-courier_2'), 'valley-courier_2');
  assert.match(safeId('"><svg onload=alert(1)>'), /^[A-Za-z0-9_-]+$/);
  assert.notEqual(safeId('a.b'), safeId('a_b'));
  assert.equal(safeId('a.b'), safeId('a.b'));
});

test('the hostile report is a valid report (so the XSS test exercises real input)', () => {
  assertValidReport(hostileReport());
});

test('HTML: no article-derived markup survives unescaped', () => {
  const html = renderHtml(hostileReport());
  assert.equal(html.includes('<script>alert'), false);
  assert.equal(/<img/i.test(html), false);
  assert.equal(/<svg/i.test(html), false);
  assert.equal(/<i>/i.test(html), false);
  assert.equal(/href\s*=\s*["']?\s*javascript:/i.test(html), false);
  assert.equal(/<a href="javascript/i.test(html), false);
  // The payloads are shown, as text.
  assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
  assert.ok(html.includes('&lt;img src&#61;x onerror&#61;alert(1)&gt;'));
  assert.ok(html.includes('&quot;&gt;&lt;svg onload&#61;alert(1)&gt;'));
  assert.ok(html.includes('javascript:alert(1)'), 'the javascript: url is shown as text');
  assert.ok(html.includes('&#39; onmouseover&#61;&#39;alert(1)&#39; x&#61;&#39;'));
  assert.equal(/onerror=|onload=|onmouseover=/i.test(html), false);
});

test('HTML: only our tags and attributes; no event handlers; exactly one script, ours', () => {
  const html = renderHtml(hostileReport());
  const all = tags(html);
  for (const t of all) {
    if (t.name === '!doctype') continue;
    assert.ok(ALLOWED_TAGS.has(t.name), `unexpected tag ${t.raw}`);
    for (const [k, v] of t.attrs) {
      assert.ok(ALLOWED_ATTRS.has(k), `unexpected attribute ${k} in ${t.raw}`);
      assert.equal(/^on/i.test(k), false);
      if (k === 'id' || k === 'data-links' || k === 'data-m') assert.match(v, /^[A-Za-z0-9_ -]+$/, `${k}="${v}"`);
      if (k === 'class') assert.match(v, /^[A-Za-z0-9_ -]+$/, `class="${v}"`);
      if (k === 'href') assert.match(v, /^#[A-Za-z0-9_-]+$/, `href="${v}"`);
    }
  }
  assert.equal(html.match(/<script/gi)?.length, 1);
  assert.equal(all.filter((t) => t.name === 'script' && !t.closing).length, 1);
  assert.equal(/\son\w+\s*=/i.test(all.map((t) => t.raw).join('')), false, 'no on*= inside a tag');
});

test('HTML: no external requests — no http(s) src/href, no @import or url( in styles, CSP forbids the rest', () => {
  const html = renderHtml(hostileReport());
  assert.equal(/\s(?:src|href|action|srcset|poster|data)\s*=\s*["']?\s*(?:https?:)?\/\//i.test(html), false);
  const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]!);
  assert.equal(styles.length, 1);
  assert.equal(/@import|url\(/i.test(styles[0]!), false);
  assert.equal(/<link\b/i.test(html), false);
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html);
  assert.ok(csp, 'CSP meta present');
  assert.match(csp[1]!, /^default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-[A-Za-z0-9+/=]+'; img-src data:/);
  // The CSP hash matches the one inline script exactly, so nothing else can run.
  const script = /<script>([\s\S]*?)<\/script>/.exec(html)![1]!;
  const hash = createHash('sha256').update(script, 'utf8').digest('base64');
  assert.ok(csp[1]!.includes(`'sha256-${hash}'`));
  // CSP comes before any content.
  assert.ok(html.indexOf('Content-Security-Policy') < html.indexOf('<body>'));
});

test('HTML: the text renderer is safe on the same hostile report', () => {
  const out = renderText(hostileReport(), { color: false });
  assert.equal(out.includes('\u001b'), false);
  assert.match(out, /possible fabrication/);
});

test('HTML: conflicts on top with both sides highlighted, then the columns, ledgers, derivation', () => {
  const html = renderHtml(sampleReport());
  const at = (s: string): number => {
    const i = html.indexOf(s);
    assert.ok(i >= 0, `missing ${s}`);
    return i;
  };
  const order = [
    at('<section class="conflicts">'),
    at('<section class="texts">'),
    at('<section class="claims">'),
    at('<section class="quotes">'),
    at('<section class="derivation">'),
    at('<section class="alignment">'),
  ];
  assert.deepEqual([...order].sort((a, b) => a - b), order);
  assert.match(html, /<span class="summary">Inhabited localities cut off: 87 vs 78<\/span>/);
  assert.match(html, /Floodwater closed <mark class="ev">87 inhabited localities<\/mark> in the Marren valley/);
  assert.match(html, /Floodwater has cut off <mark class="ev">78 inhabited localities<\/mark>/);
  assert.match(html, /asserts <strong>87<\/strong> · <a href="#x-0-cf-localities-0">chars 18–41<\/a>/);
});

test('HTML: sentences carry ids, alignment classes and links to their partners', () => {
  const html = renderHtml(sampleReport());
  assert.match(html, /<span id="s-riverside-gazette-0" class="sent st-partial has-cf" data-links="s-valley-courier-0"/);
  assert.match(html, /<span id="s-riverside-gazette-1" class="sent st-paraphrase" data-links="s-valley-courier-1"/);
  assert.match(html, /<span id="s-riverside-gazette-2" class="sent st-unmatched" title=/);
  assert.match(html, /<span id="s-riverside-gazette-3" class="sent st-same" data-links="s-valley-courier-2"/);
  assert.match(html, /<span id="s-valley-courier-3" class="sent st-unmatched"/);
  assert.match(html, /title="partial: Valley Courier, sentence 1 \(score 0\.61\) — differs: number: 87 vs 78"/);
});

test('HTML: every claim mention has an anchor the ledger links to; every internal link resolves', () => {
  const report = sampleReport();
  const html = renderHtml(report);
  const all = tags(html);
  const ids = all.map((t) => t.attrs.get('id')).filter((x): x is string => x !== undefined);
  assert.equal(new Set(ids).size, ids.length, 'ids are unique');
  const idSet = new Set(ids);
  for (const t of all) {
    const href = t.attrs.get('href');
    if (href) assert.ok(idSet.has(href.slice(1)), `dangling link ${href}`);
    for (const id of (t.attrs.get('data-links') ?? '').split(' ').filter(Boolean)) assert.ok(idSet.has(id), `dangling data-link ${id}`);
  }
  const story = report.stories[0]!;
  for (const c of story.claims) {
    c.mentions.forEach((_m, k) => {
      const anchor = `m-0-${c.id}-${k}`;
      assert.ok(idSet.has(anchor), `anchor ${anchor}`);
      assert.ok(html.includes(`href="#${anchor}"`), `ledger link to ${anchor}`);
    });
  }
  // The highlighted segments for a mention spell exactly the mention's text.
  const segs = [...html.matchAll(/<span class="[^"]*" data-m="([^"]*)"[^>]*>([^<]*)<\/span>/g)]
    .filter((m) => m[1]!.split(' ').includes('m-0-n-87aa-0'))
    .map((m) => textOf(m[2]!));
  assert.deepEqual(segs, ['87 inhabited localities']);
  assert.match(html, /<span class="mk k-number cf c-conflicting" data-m="m-0-n-87aa-0 x-0-cf-localities-0"/);
  assert.match(html, /<span class="mk k-quote c-single-source" data-m="m-0-q-5be1-0"/);
});

test('HTML: each article column shows the whole text, once, in order', () => {
  const report = sampleReport();
  const html = renderHtml(report);
  for (const a of report.articles) {
    const start = html.indexOf(`<div class="body">`, html.indexOf(`<article class="col" id="a-${a.id}">`));
    const end = html.indexOf('</div></article>', start);
    const shown = textOf(html.slice(start, end)).replace(/\s+/g, ' ').trim();
    assert.equal(shown, a.text.replace(/\s+/g, ' ').trim());
  }
  // Also with hostile text: the columns show the payloads as text, whole.
  const hostile = hostileReport();
  const h = renderHtml(hostile);
  const first = h.indexOf('<div class="body">');
  const shown = textOf(h.slice(first, h.indexOf('</div></article>', first))).replace(/\s+/g, ' ').trim();
  assert.equal(shown, hostile.articles[0]!.text.replace(/\s+/g, ' ').trim());
});

test('HTML: ledgers show status, the possible-fabrication flag, speakers; derivation phrased', () => {
  const html = renderHtml(sampleReport());
  const quotes = html.slice(html.indexOf('<section class="quotes">'), html.indexOf('<section class="derivation">'));
  assert.match(
    quotes,
    /<tr class="row-single-source row-fabrication"><td>“We will rebuild every bridge before winter,”<\/td><td>Tomas Elbe<\/td><td>Riverside Gazette<\/td><td>—<\/td><td><span class="status s-single-source">single-source<\/span> <span class="flag">⚠ possible fabrication<\/span>/,
  );
  assert.match(quotes, /<td>“the dam at Orsk held”<\/td><td>Tomas Elbe<\/td><td>Riverside Gazette, Valley Courier<\/td>/);
  assert.equal(quotes.match(/possible fabrication/g)?.length, 1);
  const claims = html.slice(html.indexOf('<section class="claims">'), html.indexOf('<section class="quotes">'));
  assert.equal(claims.match(/<tr[ >]/g)?.length, 11); // header + 10 claims
  assert.ok(claims.indexOf('s-conflicting') < claims.indexOf('s-single-source'));
  assert.ok(claims.indexOf('s-single-source') < claims.indexOf('s-corroborated'));
  assert.match(html, /<strong>Valley Courier likely derived from Riverside Gazette<\/strong> <span class="muted">· confidence 0\.82/);
});

test('HTML: deterministic, and ids stay unique when an article is in two stories', () => {
  assert.equal(renderHtml(sampleReport()), renderHtml(sampleReport()));
  const r = sampleReport();
  r.stories.push({ ...structuredClone(r.stories[0]!), id: 'st-second' });
  const html = renderHtml(r);
  const ids = tags(html).map((t) => t.attrs.get('id')).filter((x): x is string => x !== undefined);
  assert.equal(new Set(ids).size, ids.length);
  assert.match(html, /id="s-1-riverside-gazette-0"[^>]*data-links="s-1-valley-courier-0"/);
});

test('HTML: offsets out of range do not break the page', () => {
  const r = sampleReport();
  const c = r.stories[0]!.claims[2]!;
  c.mentions[0] = { ...c.mentions[0]!, start: 5000, end: 5010 };
  r.articles[1]!.sentences[1] = { ...r.articles[1]!.sentences[1]!, start: 3, end: 2 };
  const html = renderHtml(r);
  assert.match(html, /<span>Riverside Gazette 5000–5010<\/span>/, 'unlinkable mention shown without a link');
  tags(html); // still well-formed
});

// ───────────── summary block, chronological order, multi-sided conflicts, ledger status rows ─────────────

import { busyReport } from './fixtures/report/busy-story.js';

test('the busy fixture is a valid report', () => {
  assertValidReport(busyReport());
});

test('HTML: a summary block at the top of each story, before the outlets and conflicts', () => {
  const html = renderHtml(sampleReport());
  const block = /<div class="summary-block">([\s\S]*?)<\/div>/.exec(html);
  assert.ok(block, 'summary block present');
  const text = textOf(block[1]!).replace(/\s+/g, ' ');
  assert.match(text, /^ ?2 outlets 1 conflict 1 possible fabricated quote 5 corroborated claims 3 single-source claims/);
  assert.match(text, /number Inhabited localities cut off: 87 vs 78/);
  assert.match(text, /Derivation: Valley Courier likely derived from Riverside Gazette \(0\.82\)/);
  assert.match(block[1]!, /<span class="chip ch-conflicts"><strong>1<\/strong> conflict<\/span>/);
  const at = html.indexOf('<div class="summary-block">');
  assert.ok(at > html.indexOf('<h2>') && at < html.indexOf('<table class="outlets">') && at < html.indexOf('<section class="conflicts">'));
  // Escaped like everything else.
  const hostile = renderHtml(hostileReport());
  const hb = /<div class="summary-block">([\s\S]*?)<\/div>/.exec(hostile)![1]!;
  assert.equal(/<script|<img|<svg/i.test(hb), false);
  assert.ok(hb.includes('Roads closed: &lt;script&gt;'));
});

test('HTML: outlets table and columns follow publication time, unknown dates last', () => {
  const r = busyReport();
  r.stories[0]!.articles = ['harbour-herald', 'valley-courier', 'riverside-gazette'];
  const html = renderHtml(r);
  const table = html.slice(html.indexOf('<table class="outlets">'), html.indexOf('</table>', html.indexOf('<table class="outlets">')));
  const rows = [...table.matchAll(/<a href="#a-([^"]+)">/g)].map((m) => m[1]);
  assert.deepEqual(rows, ['riverside-gazette', 'valley-courier', 'harbour-herald']);
  const cols = [...html.matchAll(/<article class="col" id="a-([^"]+)">/g)].map((m) => m[1]);
  assert.deepEqual(cols, ['riverside-gazette', 'valley-courier', 'harbour-herald']);
});

test('HTML: a conflict with several sides groups them by value, every side with its highlighted evidence', () => {
  const html = renderHtml(busyReport());
  const conflict = html.slice(html.indexOf('<div class="conflict">'), html.indexOf('<section class="texts">'));
  const camps = conflict.split('<div class="camp ').slice(1);
  assert.equal(camps.length, 2);
  assert.match(camps[0]!, /^camp-0"><div class="camp-head"><strong>87<\/strong> <span class="muted">· 2 outlets: Riverside Gazette, Harbour Herald<\/span><\/div>/);
  assert.equal(camps[0]!.match(/<div class="side">/g)?.length, 2);
  assert.equal(camps[0]!.match(/<mark class="ev">87 inhabited localities<\/mark>/g)?.length, 2);
  assert.match(camps[1]!, /^camp-1">\n<div class="side"><div class="who">Valley Courier/);
  assert.match(camps[1]!, /<mark class="ev">78 inhabited localities<\/mark>/);
  // Each side links to its own evidence anchor in the column, and that anchor exists.
  for (const k of [0, 1, 2]) {
    assert.ok(conflict.includes(`href="#x-0-cf-localities-${k}"`), `side ${k} link`);
    assert.ok(html.includes(`id="x-0-cf-localities-${k}"`), `side ${k} anchor`);
  }
});

test('HTML: ledger rows carry their status for colouring; possible fabrications marked', () => {
  const html = renderHtml(sampleReport());
  const claims = html.slice(html.indexOf('<section class="claims">'), html.indexOf('<section class="quotes">'));
  assert.match(claims, /<table class="ledger">/);
  assert.equal(claims.match(/<tr class="row-conflicting">/g)?.length, 2);
  assert.equal(claims.match(/<tr class="row-corroborated">/g)?.length, 5);
  assert.equal(claims.match(/<tr class="row-single-source">/g)?.length, 3);
  const quotes = html.slice(html.indexOf('<section class="quotes">'), html.indexOf('<section class="derivation">'));
  assert.match(quotes, /<tr class="row-single-source row-fabrication"><td>“We will rebuild/);
  assert.match(html, /tr\.row-conflicting td:first-child\{box-shadow:inset 4px 0 0 var\(--red\)\}/);
});
