import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CountTable } from '../src/cluster/count-table.js';

test('CountTable counts like a Map, through growth, for key 0 and the largest key', () => {
  const table = new CountTable();
  const reference = new Map<number, number>();
  let x = 12345;
  for (let i = 0; i < 20_000; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    const key = i % 7 === 0 ? 0 : i % 11 === 0 ? 0xffffffff : x % 5000;
    const by = 1 + (i % 3);
    table.add(key, by);
    reference.set(key, (reference.get(key) ?? 0) + by);
  }
  assert.equal(table.size, reference.size);
  for (const [key, count] of reference) assert.equal(table.get(key), count, `key ${key}`);
  assert.equal(table.get(5001), 0);
  assert.ok(table.bytes >= table.size * 6);
});

test('CountTable keeps exact counts past 16 bits, through growth', () => {
  const table = new CountTable();
  table.add(7, 65_530);
  for (let i = 0; i < 10; i++) table.add(7);
  table.add(9, 200_000);
  assert.equal(table.get(7), 65_540);
  for (let key = 100; key < 5_000; key++) table.add(key); // grows the table several times
  assert.equal(table.get(7), 65_540);
  assert.equal(table.get(9), 200_000);
  table.add(9, 5);
  assert.equal(table.get(9), 200_005);
  assert.equal(table.get(4_999), 1);
});
