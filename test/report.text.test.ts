import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderText } from '../src/report/text.js';
import { stripControls } from '../src/report/sanitize.js';
import { sampleReport, find } from './fixtures/report/sample-report.js';

const ESC = '\u001b';
const SGR = /\u001b\[[0-9;]*m/g;

test('text report: header, conflicts with both sides, evidence and offsets', () => {
  const out = renderText(sampleReport(), { color: false });
  assert.match(out, /^Corroborate report · 2 articles · 1 story · corroborate test-fixture\n/);
  assert.match(out, /feed\.jsonl:3 — line is not JSON/);
  assert.match(out, /Story st-marren-flood · 2 articles/);
  assert.match(out, /Riverside Gazette\s+2031-04-12\s+Flood cuts off valley villages/);
  assert.match(out, /Valley Courier\s+2031-04-13/);
  assert.match(out, /CONFLICTS \(1\)\n  ✗ number — Inhabited localities cut off: 87 vs 78\n/);
  assert.match(out, /Riverside Gazette: «Floodwater closed 87 inhabited localities in the Marren valley/);
  assert.match(out, /\[18–41\] → 87/);
  assert.match(out, /Valley Courier: «Floodwater has cut off 78 inhabited localities[^»]*» \[23–46\] → 78/);
  // Conflicts come before quotes, quotes before claims, claims before derivation and alignment.
  const order = ['CONFLICTS', 'QUOTES', 'CLAIMS', 'DERIVATION', 'ALIGNMENT'].map((h) => out.indexOf(`\n${h}`));
  assert.deepEqual([...order].sort((a, b) => a - b), order);
  assert.ok(order.every((i) => i > 0));
});

test('text report: the single-source quote is flagged with its outlet and speaker; shared quotes counted', () => {
  const out = renderText(sampleReport(), { color: false, width: 200 });
  assert.match(out, /! possible fabrication — only in Riverside Gazette: “We will rebuild every bridge before winter,” — Tomas Elbe \[160–203\]/);
  assert.match(out, /✓ quoted by 2 of 2 outlets \(Riverside Gazette, Valley Courier\): “the dam at Orsk held” — Tomas Elbe/);
  assert.equal(out.match(/possible fabrication/g)?.length, 1);
});

test('text report: claims grouped by status and kind, derivation with evidence, alignment counts', () => {
  const out = renderText(sampleReport(), { color: false, width: 200 });
  assert.match(out, /CLAIMS other than quotes · 4 corroborated · 2 single-source · 2 conflicting/);
  assert.match(out, /number: 40 boats \(2\/2\)/);
  assert.match(out, /date: Tuesday \(2031-04-08\) — only in Riverside Gazette/);
  assert.match(out, /statements only in Valley Courier \(1\):\n {6}· Residents were told to boil water until Friday\.\n/);
  assert.match(out, /Valley Courier likely derived from Riverside Gazette \(confidence 0\.82;/);
  assert.match(out, /publication-order: Riverside Gazette published a day earlier \(−0\.30\)/);
  assert.match(out, /words in shared runs: Riverside Gazette from Valley Courier 61% \(light revision\), Valley Courier from Riverside Gazette 34% \(heavy revision\)/);
  assert.match(out, /Riverside Gazette ↔ Valley Courier: 1 same · 1 paraphrase · 1 partial · unmatched 1 \/ 1/);
});

test('derivation directions read the right way round', () => {
  const r = sampleReport();
  r.stories[0]!.derivation[0]!.direction = 'a-from-b';
  r.stories[0]!.derivation[0]!.confidence = 0.3;
  assert.match(renderText(r, { color: false }), /Riverside Gazette possibly derived from Valley Courier/);
  r.stories[0]!.derivation[0]!.direction = 'common-source';
  assert.match(renderText(r, { color: false }), /Riverside Gazette and Valley Courier possibly share a common source/);
});

test('colour codes only with color: true; red conflicts, yellow single-source, green corroborated', () => {
  const plain = renderText(sampleReport(), { color: false });
  assert.equal(plain.includes(ESC), false);
  const coloured = renderText(sampleReport(), { color: true });
  assert.match(coloured, /\u001b\[31m {2}✗ number — Inhabited localities/);
  assert.match(coloured, /\u001b\[33m {2}! possible fabrication/);
  assert.match(coloured, /\u001b\[32m {2}corroborated/);
  assert.equal(coloured.replace(SGR, ''), plain);
});

test('control characters in untrusted text are neutralised (no terminal escape injection)', () => {
  const r = sampleReport();
  const evil = 'Evil\u001b]0;pwned\u0007\u001b[2J\u009b31m\r\bTitle\u202e';
  r.articles[0]!.title = evil;
  r.articles[0]!.source = `Gazette\u001b[5m`;
  r.generator = 'gen\u0000\u001b[?1049h';
  r.stories[0]!.conflicts[0]!.summary = 'Localities \u001b[8mhidden\u001b[0m: 87 vs 78';
  r.stories[0]!.claims[0]!.speaker = 'Tomas\u0007 Elbe';
  r.problems[0]!.message = 'bad\u001b[1Aline';
  // Control characters inside the article text itself (the evidence context), offsets kept consistent.
  const a = r.articles[1]!;
  a.text = a.text.replace('Floodwater has', 'Flood\u001b[2Jwater has');
  const side = r.stories[0]!.conflicts[0]!.sides[1]!;
  Object.assign(side, find(a.text, '78 inhabited localities'));
  a.sentences[0] = { ...a.sentences[0]!, ...find(a.text, a.text.slice(0, a.text.indexOf('reported.') + 9)) };

  for (const color of [false, true]) {
    const out = renderText(r, { color, width: 120 });
    const withoutOurCodes = color ? out.replace(SGR, '') : out;
    assert.equal(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(withoutOurCodes), false, `color=${color}`);
    assert.match(withoutOurCodes, /Evil\uFFFD\]0;pwned\uFFFD\uFFFD\[2J\uFFFD31m\uFFFD\uFFFDTitle\uFFFD/);
    assert.match(withoutOurCodes, /Flood\uFFFD\[2Jwater has cut off 78/);
  }
  assert.equal(stripControls('a\tb\nc\u0085d'), 'a b\nc\uFFFDd');
});

test('wraps to the requested width and is deterministic', () => {
  const a = renderText(sampleReport(), { color: false, width: 50 });
  assert.equal(a, renderText(sampleReport(), { color: false, width: 50 }));
  for (const line of a.split('\n')) assert.ok(line.length <= 50, `too long: ${JSON.stringify(line)}`);
  // Wrapping only re-flows: the words are the same as at a large width.
  const words = (s: string) => s.split(/\s+/).filter(Boolean);
  assert.deepEqual(words(a), words(renderText(sampleReport(), { color: false, width: 400 })));
});

test('a story without conflicts, quotes or pairs says so', () => {
  const r = sampleReport();
  const s = r.stories[0]!;
  s.conflicts = [];
  s.claims = s.claims.filter((c) => c.kind !== 'quote');
  s.derivation = [];
  s.alignments = [];
  const out = renderText(r, { color: false });
  assert.match(out, /CONFLICTS: none found/);
  assert.match(out, /QUOTES: none found/);
  assert.match(out, /DERIVATION: no pairs assessed/);
  assert.match(out, /ALIGNMENT: no pairs/);
});

// ───────────── summary, ordering, the single-source cap, multi-sided conflicts ─────────────

import { busyReport } from './fixtures/report/busy-story.js';

test('text report: ends with exactly one newline', () => {
  for (const r of [sampleReport(), busyReport()]) {
    const out = renderText(r, { color: false });
    assert.ok(out.endsWith('\n'), 'ends with a newline');
    assert.equal(out.endsWith('\n\n'), false);
  }
});

test('text report: a summary block right after the header lets a reader learn the story', () => {
  const out = renderText(sampleReport(), { color: false });
  const lines = out.split('\n');
  const header = lines.findIndex((l) => l.startsWith('━━ Story'));
  const counts = lines.findIndex((l) => l.includes(' outlets · '));
  assert.ok(counts > header && counts <= header + 5, 'summary within a few lines of the story header');
  assert.equal(lines[counts], '  2 outlets · 1 conflict · 1 possible fabricated quote · 5 corroborated · 3 single-source claims');
  assert.equal(lines[counts + 1], '  conflict: Inhabited localities cut off: 87 vs 78');
  assert.equal(lines[counts + 2], '  derivation: Valley Courier likely derived from Riverside Gazette (0.82)');
  assert.ok(out.indexOf('derivation: Valley') < out.indexOf('\nCONFLICTS'));
});

test('text report: summary says when no derivation pair has a direction', () => {
  const r = sampleReport();
  r.stories[0]!.derivation[0]!.direction = 'undetermined';
  assert.match(renderText(r, { color: false }), /\n {2}derivation: no clear direction between any pair\n/);
});

test('text report: header lists articles by publication time, unknown dates last, outlet names', () => {
  const r = busyReport();
  // Put the later article first in the story: the header still lists the Gazette (04-12) first.
  r.stories[0]!.articles = ['harbour-herald', 'valley-courier', 'riverside-gazette'];
  const out = renderText(r, { color: false, width: 200 });
  const g = out.indexOf('  Riverside Gazette  ');
  const c = out.indexOf('  Valley Courier  ');
  const h = out.indexOf('  Harbour Herald  ');
  assert.ok(g > 0 && c > g && h > c, `order ${g} ${c} ${h}`);
  assert.match(out, / {2}Harbour Herald +date unknown {2}Rain and more rain {2}\[harbour-herald\]/);
});

test('text report: at most 5 single-source statements per article, the most informative, then "N more"', () => {
  const out = renderText(busyReport(), { color: false, width: 200 });
  assert.match(out, /statements only in Harbour Herald \(8\):\n/);
  const block = out.slice(out.indexOf('statements only in Harbour Herald'));
  const items = block
    .split('\n')
    .slice(1)
    .filter((l) => l.startsWith('      · '))
    .slice(0, 5)
    .map((l) => l.slice(8));
  // Ranked by findings (quote, number, date, entity inside the sentence), then position; shown in text order.
  assert.equal(items.length, 5);
  assert.ok(items.includes('Engineer Ilse Varn inspected 12 pumps on Monday.'));
  assert.ok(items.includes('The mayor said “we stand together” at the hall.'));
  assert.ok(items.includes('Floodwater closed 87 inhabited localities, officials said.'));
  // Ties (no findings) go by position: the first two plain sentences fill the rest.
  assert.ok(items.includes('The weather was grey.'));
  assert.ok(items.includes('Locals gathered at the square.'));
  assert.equal(items.includes('Schools stayed shut.'), false);
  // Shown in text order.
  assert.deepEqual(items, [
    'The weather was grey.',
    'Locals gathered at the square.',
    'Engineer Ilse Varn inspected 12 pumps on Monday.',
    'The mayor said “we stand together” at the hall.',
    'Floodwater closed 87 inhabited localities, officials said.',
  ]);
  assert.match(block, /\n {6}… and 3 more single-source sentences in Harbour Herald \(see --format html or json\)\n/);
  // The Courier's one single-source statement is listed without a "more" line.
  assert.match(out, /statements only in Valley Courier \(1\):\n {6}· Residents were told to boil water until Friday\.\n/);
  assert.equal(out.match(/… and \d+ more/g)?.length, 1);
});

test('text report: single-source findings are listed once per outlet', () => {
  const out = renderText(busyReport(), { color: false, width: 200 });
  assert.match(out, /number: 12 pumps — only in Harbour Herald\n/);
  assert.match(out, /date: Tuesday \(2031-04-08\) — only in Riverside Gazette; Monday — only in Harbour Herald\n/);
});

test('text report: a conflict with several sides groups them by the value they assert', () => {
  const out = renderText(busyReport(), { color: false, width: 200 });
  const block = out.slice(out.indexOf('CONFLICTS (1)'), out.indexOf('\nQUOTES'));
  assert.match(block, /\n {6}→ 87 — Riverside Gazette, Harbour Herald\n {10}Riverside Gazette: «[^»]+» \[18–41\]\n {10}Harbour Herald: «[^»]+» \[\d+–\d+\]\n {6}→ 78 — Valley Courier\n {10}Valley Courier: «/);
});

test('text report: readable at 100 columns on the busy story', () => {
  const out = renderText(busyReport(), { color: false });
  for (const line of out.split('\n')) assert.ok(line.length <= 100, `too long: ${JSON.stringify(line)}`);
});
