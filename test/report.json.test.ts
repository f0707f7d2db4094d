import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderJson } from '../src/report/json.js';
import { buildReport } from '../src/report/build.js';
import { assertValidReport } from './helpers/schema.js';
import { sampleReport, GAZETTE_TEXT } from './fixtures/report/sample-report.js';
import type { AnalysedArticle, Report } from '../src/types.js';

test('renderJson round-trips the report exactly', () => {
  const report = sampleReport();
  const json = renderJson(report);
  assert.deepEqual(JSON.parse(json), report);
  assertValidReport(JSON.parse(json));
});

test('renderJson: 2-space indent, trailing newline, schemaVersion first', () => {
  const json = renderJson(sampleReport());
  assert.ok(json.endsWith('}\n'));
  assert.ok(!json.endsWith('\n\n'));
  assert.ok(json.startsWith('{\n  "schemaVersion": 3,\n  "generator": "corroborate test-fixture",\n  "articles": [\n    {\n      "id": "riverside-gazette",'));
});

/** Rebuilds every object with its keys in reverse order. */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).reverse()) out[key] = reverseKeys((value as Record<string, unknown>)[key]);
    return out;
  }
  return value;
}

test('key order is fixed by the schema, not by how the producer built the objects', () => {
  const report = sampleReport();
  const shuffled = reverseKeys(report) as Report;
  assert.notEqual(JSON.stringify(shuffled), JSON.stringify(report));
  assert.equal(renderJson(shuffled), renderJson(report));
  const claim = renderJson(report).indexOf('"id": "q-5be1"');
  const after = renderJson(report).slice(claim, claim + 400);
  assert.ok(after.indexOf('"kind"') < after.indexOf('"text"') && after.indexOf('"text"') < after.indexOf('"status"'));
});

test('fields outside the schema are not emitted; absent optional fields stay absent', () => {
  const report = sampleReport();
  (report.stories[0]!.claims[0] as unknown as Record<string, unknown>)['debugScore'] = 0.3;
  (report.articles[0] as unknown as Record<string, unknown>)['origin'] = '/secret/path.txt';
  const parsed = JSON.parse(renderJson(report)) as Report;
  assert.equal('debugScore' in parsed.stories[0]!.claims[0]!, false);
  assert.equal('origin' in parsed.articles[0]!, false);
  assert.equal('speaker' in parsed.stories[0]!.claims[2]!, false);
  assertValidReport(parsed);
});

test('buildReport copies article fields and sentences, earliest published first whatever the input order', () => {
  const sample = sampleReport();
  const [g, c] = sample.articles as [Report['articles'][number], Report['articles'][number]];
  const analysed = [c, g].map(
    (a): AnalysedArticle => ({
      article: {
        id: a.id,
        title: a.title,
        text: a.text,
        source: a.source,
        url: a.url,
        published: a.published,
        language: a.language,
        byline: a.byline,
        origin: `/in/${a.id}.txt`,
      },
      sentences: a.sentences,
      entities: [],
      quotes: [],
      numbers: [],
      dates: [],
      attributions: [],
      negations: [],
    }),
  );
  const report = buildReport(analysed, sample.stories, sample.problems, 'corroborate 9.9.9');
  assert.equal(report.schemaVersion, 3);
  assert.equal(report.generator, 'corroborate 9.9.9');
  // The gazette (12 April) before the courier (13 April), though given second.
  assert.deepEqual(report.articles.map((a) => a.id), ['riverside-gazette', 'valley-courier']);
  assert.deepEqual(report.articles[0], g);
  assert.equal('origin' in report.articles[1]!, false);
  assert.equal(report.articles[0]!.text, GAZETTE_TEXT);
  assert.deepEqual(report.problems, sample.problems);
  assertValidReport(JSON.parse(renderJson(report)));
});
