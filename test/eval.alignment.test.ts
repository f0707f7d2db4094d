import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readAlignmentStories, scoreAlignment } from '../eval/alignment.js';
import { analyse } from '../src/analyse/index.js';
import { compareStory } from '../src/compare/index.js';
import type { Article } from '../src/types.js';

test('the story alignment set: every gold sentence is found once in its article; a gold sentence that is not is an error', () => {
  const stories = readAlignmentStories();
  assert.equal(stories.length, 3);
  assert.equal(stories.reduce((n, s) => n + s.gold.size, 0), 27);
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-align-set-'));
  try {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ stories: [{ id: 's', articles: [{ id: 'a', source: 'A', published: '2026-01-01', sentences: ['One.'] }, { id: 'b', source: 'B', published: '2026-01-01', sentences: ['Two.'] }], gold: [{ a: ['a', 'One'], b: ['b', 'Three'], label: 'claim' }] }] }));
    assert.throws(() => readAlignmentStories(bad), /"Three" is in 0 sentences of b/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('compare on the story set (lexical only): every gold link found, every planted conflict flagged, few false links', async () => {
  const s = await scoreAlignment(readAlignmentStories(), false, null);
  assert.equal(s.link.recall, 1);
  assert.ok(s.link.precision >= 0.9, `link precision ${s.link.precision}`);
  assert.equal(s.claim.recall, 1);
  assert.equal(s.conflict.recall, 1);
  assert.equal(s.conflict.precision, 1);
});

test('a link the score leaves partial is a paraphrase when the trained paraphrase model judges it one', () => {
  const article = (id: string, text: string): Article => ({ id, title: null, text, source: id, url: null, published: '2026-09-14T06:00:00Z', language: 'en', byline: null, origin: id });
  const a = analyse(article('ledger', 'Incumbent mayor Rosa Quill won a third term in Eastport on Sunday.\n\nHer challenger, shipping executive Daniel Moor, conceded shortly after midnight.'));
  const b = analyse(article('star', 'Rosa Quill has been re-elected as mayor of Eastport for a third time.\n\nDaniel Moor, her rival, admitted defeat just after midnight.'));
  const report = compareStory({ id: 's', articles: ['ledger', 'star'] }, [a, b], { get: () => undefined });
  const link = report.alignments[0]!.links.find((l) => l.a.text.includes('conceded'));
  assert.ok(link);
  assert.ok(link.b.text.includes('admitted defeat'));
  assert.equal(link.label, 'paraphrase');
});
