import { test } from 'node:test';
import assert from 'node:assert/strict';
import { plantedConflicts, readPlanted } from '../eval/planted.js';

const TYPES = new Set(['number', 'date', 'actor', 'negation', 'attribution', 'meaning']);

test('the planted-rewrite set: each item a rewrite of its sentence with a conflict type or null (a control)', () => {
  const set = readPlanted();
  assert.ok(set.items.length >= 40);
  for (const item of set.items) {
    assert.ok(item.expect === null || TYPES.has(item.expect), `${item.kind}: ${item.expect}`);
    assert.notEqual(item.a, item.b, item.kind);
    assert.equal(item.expect === null, item.kind.startsWith('control'), item.kind);
  }
});

test('compare on the planted rewrites (lexical only): no control raises a conflict, and all but one planted change do with their type', async () => {
  const results = await plantedConflicts(readPlanted(), false, null);
  const controls = results.filter((r) => r.item.expect === null);
  assert.deepEqual(
    controls.filter((r) => r.conflicts.length > 0).map((r) => `${r.item.kind}: ${r.conflicts.map((c) => c.summary).join('; ')}`),
    [],
  );
  const missed = results.filter((r) => r.item.expect !== null && !r.conflicts.some((c) => c.type === r.item.expect)).map((r) => r.item.a);
  // The one left: "at least 14" / "at least 41" agree by design (a later report may raise a lower bound).
  assert.deepEqual(missed, ['At least 14 people were injured when the footbridge over the Varn collapsed on Sunday.']);
});
