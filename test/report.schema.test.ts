import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { assertValidReport, reportSchemaPath } from './helpers/schema.js';
import { sampleReport } from './fixtures/report/sample-report.js';
import { renderJson } from '../src/report/json.js';
import type { Report } from '../src/types.js';

/** A deep, loosely-typed copy for breaking the report in ways the types forbid. */
function loose(report: Report): Record<string, any> {
  return JSON.parse(JSON.stringify(report)) as Record<string, any>;
}

test('the sample report is valid against docs/report.schema.json', () => {
  assertValidReport(sampleReport());
  assertValidReport(JSON.parse(renderJson(sampleReport())));
});

test('an empty report is valid', () => {
  assertValidReport({ schemaVersion: 3, generator: 'x', articles: [], stories: [], problems: [] });
});

test('the schema is draft 2020-12 with the published $id and descriptions on every property', () => {
  const schema = JSON.parse(readFileSync(reportSchemaPath, 'utf8')) as Record<string, any>;
  assert.equal(schema['$schema'], 'https://json-schema.org/draft/2020-12/schema');
  assert.equal(schema['$id'], `https://corroborate.dev/schema/report-${schema['properties'].schemaVersion.const}.json`);
  assert.equal(schema['title'], `Corroborate report, schema version ${schema['properties'].schemaVersion.const}`);
  const missing: string[] = [];
  const visit = (node: Record<string, any>, path: string): void => {
    if (node['type'] === 'object') assert.equal(node['additionalProperties'], false, `${path} allows additional properties`);
    for (const [key, prop] of Object.entries((node['properties'] ?? {}) as Record<string, Record<string, any>>)) {
      if (typeof prop['description'] !== 'string' || prop['description'].length < 5) missing.push(`${path}.${key}`);
      visit(prop, `${path}.${key}`);
    }
  };
  visit(schema, '$');
  for (const [name, def] of Object.entries(schema['$defs'] as Record<string, Record<string, any>>)) visit(def, name);
  assert.deepEqual(missing, []);
});

const breakers: [string, (r: Record<string, any>) => void, RegExp][] = [
  ['a bad claim status', (r) => (r.stories[0].claims[0].status = 'confirmed'), /status must be equal to one of the allowed values/],
  ['a mention without text', (r) => delete r.stories[0].claims[2].mentions[0].text, /mentions\/0 must have required property 'text'/],
  ['a mention without article', (r) => delete r.stories[0].claims[4].mentions[1].article, /must have required property 'article'/],
  ['a negative offset', (r) => (r.articles[0].sentences[0].start = -1), /sentences\/0\/start must be >= 0/],
  ['a fractional offset', (r) => (r.stories[0].conflicts[0].sides[0].end = 4.5), /sides\/0\/end must be integer/],
  ['an unknown claim kind', (r) => (r.stories[0].claims[0].kind = 'rumour'), /kind must be equal to one of the allowed values/],
  ['an unknown conflict type', (r) => (r.stories[0].conflicts[0].type = 'tone'), /type must be equal to one of the allowed values/],
  ['an alignment label unmatched on a link', (r) => (r.stories[0].alignments[0].links[0].label = 'unmatched'), /label must be equal to one of the allowed values/],
  ['a derivation confidence above 1', (r) => (r.stories[0].derivation[0].confidence = 1.2), /confidence must be <= 1/],
  ['an unknown evidence kind', (r) => (r.stories[0].derivation[0].evidence[0].kind = 'vibes'), /kind must be equal to one of the allowed values/],
  ['an unknown direction', (r) => (r.stories[0].derivation[0].direction = 'sideways'), /direction must be equal/],
  ['schemaVersion 1', (r) => (r.schemaVersion = 1), /schemaVersion must be equal to constant/],
  ['an extra property on a claim', (r) => (r.stories[0].claims[0].confidence = 0.5), /must NOT have additional properties \(confidence\)/],
  ['a missing article field', (r) => delete r.articles[1].byline, /must have required property 'byline'/],
  ['a conflict with one side', (r) => r.stories[0].conflicts[0].sides.pop(), /sides must NOT have fewer than 2 items/],
  ['a problem of another kind', (r) => (r.problems[0].kind = 'warning'), /kind must be equal to constant/],
  ['a claim with no articles', (r) => (r.stories[0].claims[0].articles = []), /articles must NOT have fewer than 1 items/],
];

for (const [what, mutate, message] of breakers) {
  test(`the schema rejects ${what}`, () => {
    const r = loose(sampleReport());
    mutate(r);
    assert.throws(() => assertValidReport(r), (err: unknown) => {
      assert.ok(err instanceof assert.AssertionError, 'throws an AssertionError');
      assert.match(err.message, message);
      return true;
    });
  });
}

test('optional fields stay optional: a problem without line, a claim without quote fields', () => {
  const r = loose(sampleReport());
  delete r.problems[0].line;
  for (const c of r.stories[0].claims) {
    delete c.speaker;
    delete c.quotedIn;
    delete c.supportedIn;
    delete c.value;
  }
  assertValidReport(r);
});
