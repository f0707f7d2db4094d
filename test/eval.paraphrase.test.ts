import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cvFold, evaluate, isHeldOut, MRPC_FILE, readPairs } from '../eval/paraphrase.js';
import { DataMissing } from '../eval/types.js';

test('the held-out split takes about a quarter of the ids, the same ones every time', () => {
  const ids = Array.from({ length: 4000 }, (_, i) => `${1000 + i}-${9000 + 3 * i}`);
  const held = ids.filter(isHeldOut);
  assert.ok(held.length > 0.22 * ids.length && held.length < 0.28 * ids.length, `${held.length} held out`);
  assert.deepEqual(ids.filter(isHeldOut), held);
  const folds = new Set(ids.map(cvFold));
  assert.deepEqual([...folds].sort(), [0, 1, 2, 3, 4]);
});

function dataDirWith(lines: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-para-'));
  mkdirSync(join(dir, 'paraphrase'));
  writeFileSync(join(dir, MRPC_FILE), lines.join('\n') + '\n');
  return dir;
}

test('readPairs keeps well-formed labelled pairs and honours sample; a missing file is DataMissing', () => {
  const dir = dataDirWith([
    JSON.stringify({ id: 'p1', a: 'The ferry left Carrow at noon.', b: 'At noon the ferry left Carrow.', label: 1 }),
    JSON.stringify({ id: 'p2', a: 'The ferry left Carrow at noon.', b: 'A storm hit the coast.', label: 0 }),
    JSON.stringify({ id: 'p3', a: 'No label here.', b: 'None.', label: 'yes' }),
    JSON.stringify({ id: 'p4', a: 'Ten boats.', b: 'Ten boats.', label: 1 }),
  ]);
  assert.deepEqual(readPairs(dir, MRPC_FILE).map((p) => [p.id, p.label]), [['p1', true], ['p2', false], ['p4', true]]);
  assert.equal(readPairs(dir, MRPC_FILE, 2).length, 2);
  assert.throws(() => readPairs(join(dir, 'nowhere'), MRPC_FILE), DataMissing);
});

test('evaluate scores the held-out part of a tiny MRPC-format file (no PAN file: no PAN rows)', async () => {
  const ids = Array.from({ length: 40 }, (_, i) => `t${i}`);
  const heldIds = ids.filter(isHeldOut);
  assert.ok(heldIds.length > 0);
  const lines = ids.map((id, i) =>
    JSON.stringify(
      i % 2 === 0
        ? { id, a: `The Carrow ferry carried ${i} cars on Monday.`, b: `On Monday the Carrow ferry carried ${i} cars.`, label: 1 }
        : { id, a: `The Carrow ferry carried ${i} cars on Monday.`, b: 'Snow closed the mountain pass near Halby for a week.', label: 0 },
    ),
  );
  const rows = await evaluate({ dataDir: dataDirWith(lines), encoder: false, cacheDir: null });
  assert.equal(rows.length, 2);
  const held = rows[0]!;
  assert.match(held.split, /held-out/);
  assert.equal(held.items, heldIds.length);
  assert.equal(held.metrics['accuracy'], 1);
  assert.equal(rows[1]!.items, ids.length - heldIds.length);
});
