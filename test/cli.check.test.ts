import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './helpers/cli.js';
import { parseCheckInput } from '../src/cli/tasks/check.js';

const ARTICLE = 'The Dunmore council voted on Monday to reopen the Kessington bridge. Repairs cost 40,000 pounds.';
const dir = mkdtempSync(join(tmpdir(), 'corroborate-check-'));
const file = join(dir, 'claims.jsonl');
const supported = 'The Dunmore council voted to reopen the Kessington bridge.';
const summary = 'The council voted to close the bridge after repairs cost 90,000 pounds.';
writeFileSync(
  file,
  [
    JSON.stringify({ id: 'c1', article: ARTICLE, claim: supported }),
    'not json',
    JSON.stringify({ id: 'c2', article: ARTICLE, summary }),
    JSON.stringify({ id: 'c3', article: ARTICLE }),
  ].join('\n') + '\n',
);

for (const encoder of [false, true]) {
  test(`check: one result per good line, spans into the claim, bad lines reported (${encoder ? 'encoder' : 'no encoder'})`, () => {
    const r = runCli(['check', file, ...(encoder ? [] : ['--no-encoder'])]);
    assert.equal(r.status, 0, r.stderr);
    const out = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: string; supported: boolean; score: number; unsupported: { start: number; end: number; text: string }[] });
    assert.deepEqual(
      out.map((o) => o.id),
      ['c1', 'c2'],
    );
    const [c1, c2] = out;
    assert.equal(c1!.supported, true);
    assert.deepEqual(c1!.unsupported, []);
    assert.equal(c2!.supported, false);
    assert.ok(c2!.score < c1!.score);
    assert.ok(c2!.score >= 0 && c1!.score <= 1);
    const texts = c2!.unsupported.map((s) => s.text);
    assert.ok(texts.includes('90,000'), texts.join('|'));
    for (const s of c2!.unsupported) assert.equal(summary.slice(s.start, s.end), s.text);
    assert.match(r.stderr, /claims\.jsonl:2: line is not valid JSON/);
    assert.match(r.stderr, /claims\.jsonl:4: no non-empty string "claim"/);
  });
}

test('check input: the field the text came from is kept (it selects the model)', () => {
  assert.deepEqual(parseCheckInput({ id: 1, article: 'A.', claim: 'B.' }), { id: '1', article: 'A.', claim: 'B.', field: 'claim' });
  assert.deepEqual(parseCheckInput({ id: 'x', article: 'A.', summary: 'B. C.' }), { id: 'x', article: 'A.', claim: 'B. C.', field: 'summary' });
  assert.equal(parseCheckInput({ id: 'x', article: 'A.', summary: 3 }), 'no non-empty string "claim" (or "summary") field');
});
