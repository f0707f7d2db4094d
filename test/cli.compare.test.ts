import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Claim, Conflict, Report, StoryReport } from '../src/types.js';
import { assertValidReport } from './helpers/schema.js';
import { runCli } from './helpers/cli.js';
import { seedsDir } from './helpers/texts.js';

/** The shipped examples, compared once through the real CLI (JSON), shared by the tests below. */
const examples = runCli(['compare', 'examples', '--format', 'json']);
const report = (examples.status === 0 ? JSON.parse(examples.stdout) : null) as Report | null;

function story(): StoryReport {
  assert.ok(report, `compare failed: ${examples.stderr}`);
  assert.equal(report.stories.length, 1, 'the three outlets tell one story');
  return report.stories[0]!;
}

function claimsOf(kind: Claim['kind']): Claim[] {
  return story().claims.filter((c) => c.kind === kind);
}

function conflictsOf(type: Conflict['type']): Conflict[] {
  return story().conflicts.filter((c) => c.type === type);
}

function textOf(article: string): string {
  const a = report!.articles.find((x) => x.id === article);
  assert.ok(a, `no article ${article}`);
  return a.text;
}

test('the examples report validates against the published schema', () => {
  assert.equal(examples.status, 0, examples.stderr);
  assertValidReport(report);
  assert.deepEqual(new Set(story().articles), new Set(['valley-courier', 'northshore-daily', 'metro-ledger']));
});

test('every mention and conflict side points at the exact text', () => {
  const s = story();
  const spans = [...s.claims.flatMap((c) => c.mentions), ...s.conflicts.flatMap((c) => c.sides)];
  assert.ok(spans.length > 20);
  for (const m of spans) assert.equal(textOf(m.article).slice(m.start, m.end), m.text);
});

test('the Marsh quote, only in the Valley Courier, is single-source (possible fabrication)', () => {
  const marsh = claimsOf('quote').find((c) => /single family without shelter/.test(c.text));
  assert.ok(marsh, 'Marsh quote missing from the ledger');
  assert.equal(marsh.status, 'single-source');
  assert.deepEqual(marsh.quotedIn, ['valley-courier']);
  assert.deepEqual(marsh.supportedIn, []);
  assert.match(marsh.speaker ?? '', /Marsh/);
});

test('the Reyes quote is quoted by two outlets and paraphrased by the third', () => {
  const reyes = claimsOf('quote').find((c) => /water rose faster than any model predicted/.test(c.text));
  assert.ok(reyes);
  assert.equal(reyes.status, 'corroborated');
  assert.deepEqual([...(reyes.quotedIn ?? [])].sort(), ['northshore-daily', 'valley-courier']);
  assert.deepEqual(reyes.supportedIn, ['metro-ledger']);
  assert.match(reyes.speaker ?? '', /Reyes/);
});

test('1,200 vs 2,100 residents evacuated is a number conflict with both sides', () => {
  const conflict = conflictsOf('number').find((c) => c.sides.some((s) => /2,100/.test(s.text)));
  assert.ok(conflict, JSON.stringify(story().conflicts.map((c) => c.summary)));
  const articles = new Set(conflict.sides.map((s) => s.article));
  assert.ok(articles.has('metro-ledger'));
  assert.ok(articles.has('valley-courier') || articles.has('northshore-daily'));
  assert.ok(conflict.sides.some((s) => /1,200/.test(s.text)));
});

test('the Harbor Wire Service attribution is in the ledger', () => {
  const wire = claimsOf('attribution').find((c) => /Harbor Wire Service/i.test(c.text));
  assert.ok(wire);
  assert.deepEqual([...wire.articles].sort(), ['metro-ledger', 'northshore-daily']);
});

test('the paraphrased crest fact (6.4 metres) is aligned and corroborated', () => {
  const s = story();
  const links = s.alignments.flatMap((a) => a.links).filter((l) => /6\.4 metres/.test(l.a.text) && /6\.4 metres/.test(l.b.text));
  assert.ok(links.length >= 2, 'the crest sentence should align across outlets');
  assert.ok(links.some((l) => l.label === 'paraphrase'));
  const number = claimsOf('number').find((c) => c.value === '6.4' || /6\.4/.test(c.text));
  assert.ok(number);
  assert.equal(number.status, 'corroborated');
});

test('dates only one outlet has are single-source', () => {
  const dates = claimsOf('date');
  // "until Thursday" is also 2026-11-19, but another event: the session date stays a claim of its own.
  const nov19 = dates.find((c) => c.value === '2026-11-19' && c.mentions.some((m) => /November 19/.test(m.text)));
  assert.ok(nov19, JSON.stringify(dates.map((d) => d.value)));
  assert.equal(nov19.status, 'single-source');
  assert.deepEqual(nov19.articles, ['metro-ledger']);
  const inspected = dates.find((c) => c.value === '2024-03-03');
  assert.ok(inspected);
  assert.deepEqual(inspected.articles, ['northshore-daily']);
});

test('who blamed whom is an actor conflict; contaminated or not is a negation conflict', () => {
  const actor = story().conflicts.find((c) => (c.type === 'actor' || c.type === 'meaning') && c.sides.some((s) => /blamed/.test(s.text)));
  assert.ok(actor, JSON.stringify(story().conflicts.map((c) => [c.type, c.summary])));
  assert.ok(actor.sides.some((s) => s.article === 'metro-ledger'));
  const negation = conflictsOf('negation').find((c) => c.sides.some((s) => /contaminated/.test(s.text)));
  assert.ok(negation);
  assert.ok(negation.sides.some((s) => s.article === 'metro-ledger'));
});

test('derivation points from the earlier Valley Courier to the later rewrites', () => {
  const pairs = story().derivation;
  assert.equal(pairs.length, 3);
  const vcNs = pairs.find((p) => new Set([p.a, p.b]).has('valley-courier') && new Set([p.a, p.b]).has('northshore-daily'));
  assert.ok(vcNs);
  const derivedFromVc = (vcNs.a === 'valley-courier' && vcNs.direction === 'b-from-a') || (vcNs.b === 'valley-courier' && vcNs.direction === 'a-from-b');
  assert.ok(derivedFromVc || vcNs.direction === 'common-source', JSON.stringify(vcNs));
  assert.ok(vcNs.evidence.length > 0);
});

test('text and HTML renderings of the examples work through the CLI', () => {
  const text = runCli(['compare', 'examples']);
  assert.equal(text.status, 0, text.stderr);
  assert.match(text.stdout, /conflict/i);
  assert.match(text.stdout, /single.source/i);
  assert.doesNotMatch(text.stdout, /\u001b\[/, 'no colour when not a TTY');
  const out = join(mkdtempSync(join(tmpdir(), 'corroborate-html-')), 'r.html');
  const html = runCli(['compare', 'examples', '--format', 'html', '--out', out]);
  assert.equal(html.status, 0, html.stderr);
  const page = readFileSync(out, 'utf8');
  assert.match(page, /^<!doctype html>/i);
  assert.doesNotMatch(page, /(src|href)\s*=\s*["']?https?:/i);
});

test('hostile article text is escaped in the HTML report', () => {
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-xss-'));
  const hostile = '<script>alert(1)</script> The <img src=x onerror=alert(2)> Dunmore ferry resumed service on Monday, <a href="javascript:alert(3)">the operator</a> said.';
  writeFileSync(join(dir, 'a.jsonl'), `${JSON.stringify({ id: 'x<b>1', title: '<script>alert(4)</script>', source: '"><svg onload=alert(5)>', text: hostile })}\n${JSON.stringify({ id: 'x2', text: 'The Dunmore ferry resumed service on Monday, the operator said.' })}\n`);
  const out = join(dir, 'r.html');
  const r = runCli(['compare', join(dir, 'a.jsonl'), '--format', 'html', '--out', out, '--no-encoder']);
  assert.equal(r.status, 0, r.stderr);
  const page = readFileSync(out, 'utf8');
  assert.doesNotMatch(page, /<script>alert/);
  assert.doesNotMatch(page, /<img[^>]*onerror/i);
  assert.doesNotMatch(page, /<svg/i);
  assert.doesNotMatch(page, /href\s*=\s*["']?javascript:/i);
  // Shown as text (the number in it may carry a claim mark of its own).
  assert.match(page, /&lt;script&gt;alert\((?:<[^<>]+>)*1(?:<[^<>]+>)*\)&lt;\/script&gt;/);
});

test('seeds: one story with the findings a careful reader makes', { skip: !existsSync(seedsDir) && 'needs ../shared/examples/seeds' }, () => {
  const r = runCli(['compare', join(seedsDir, 'seeds.articles.jsonl'), '--format', 'json']);
  assert.equal(r.status, 0, r.stderr);
  const seeds = JSON.parse(r.stdout) as Report;
  assertValidReport(seeds);
  assert.equal(seeds.stories.length, 1);
  const s = seeds.stories[0]!;
  const corroborated = s.claims.filter((c) => c.status === 'corroborated');
  const has = (re: RegExp) => corroborated.some((c) => re.test(c.text) || c.mentions.some((m) => re.test(m.text)));
  assert.ok(has(/November 30/), 'the date');
  assert.ok(has(/security zone|safety zone/i), 'the security zone');
  assert.ok(has(/Krasnoarmeysk/), 'Krasnoarmeysk');
  assert.ok(has(/Volchansk/), 'Volchansk');
  assert.ok(corroborated.some((c) => c.kind === 'number' && c.value === '87'), 'the 87 localities');
  const [a0, a1] = s.articles;
  const singleQuotes = s.claims.filter((c) => c.kind === 'quote' && c.status === 'single-source' && c.quotedIn?.length === 1);
  assert.ok(singleQuotes.length >= 3, 'direct quotes the other article has nowhere');
  const quoting = new Set(singleQuotes.map((c) => c.quotedIn![0]));
  assert.equal(quoting.size, 1);
  const tass = s.claims.find((c) => c.kind === 'attribution' && /TASS/.test(c.text));
  assert.ok(tass);
  assert.equal(tass.status, 'single-source');
  const onlyDate = s.claims.find((c) => c.kind === 'date' && c.status === 'single-source' && c.mentions.some((m) => /November 1st/.test(m.text)));
  assert.ok(onlyDate, 'the date only one has');
  assert.equal(onlyDate.articles[0], tass.articles[0]);
  assert.ok([a0, a1].includes(tass.articles[0]));
  const changed = s.conflicts.find((c) => c.type === 'meaning' && c.sides.some((side) => /initiative/.test(side.text)));
  assert.ok(changed, `the sentence that changed meaning: ${JSON.stringify(s.conflicts.map((c) => c.summary))}`);
});

test('--one-story: inputs the story decision keeps apart are compared as one story, with the id and order it would give one', () => {
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-one-story-'));
  const file = join(dir, 'two.jsonl');
  writeFileSync(
    file,
    [
      { id: 'ferry', source: 'Harbour Post', published: '2026-04-02', text: 'The Dunmore ferry resumed service on Monday after a week of repairs to its ramp, the harbour office said.' },
      { id: 'library', source: 'Valley Courier', published: '2026-04-01', text: 'The Tesk library will open on Sundays from May, the town council decided after a petition signed by 900 residents.' },
    ]
      .map((a) => JSON.stringify(a))
      .join('\n') + '\n',
  );
  const apart = runCli(['compare', file, '--format', 'json', '--no-encoder']);
  assert.equal(apart.status, 0, apart.stderr);
  assert.equal((JSON.parse(apart.stdout) as Report).stories.length, 2, 'two unrelated reports are two stories');
  const one = runCli(['compare', file, '--format', 'json', '--no-encoder', '--one-story']);
  assert.equal(one.status, 0, one.stderr);
  const joined = JSON.parse(one.stdout) as Report;
  assertValidReport(joined);
  assert.equal(joined.stories.length, 1);
  assert.deepEqual(joined.stories[0]!.articles, ['library', 'ferry'], 'canonical order: published, then id');
  assert.match(one.stderr, /2 articles, 1 story/);
  // On the examples, which are one story anyway, the flag changes nothing.
  const examplesOne = runCli(['compare', 'examples', '--format', 'json', '--one-story']);
  assert.equal(examplesOne.status, 0, examplesOne.stderr);
  assert.deepEqual(JSON.parse(examplesOne.stdout), report);
});
