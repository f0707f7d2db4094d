import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Postings } from '../src/cluster/postings.js';

test('postings: values come back newest first, per key, with an optional limit', () => {
  const p = new Postings(2, 2);
  p.add(7, 1);
  p.add(-3, 2);
  p.add(7, 3);
  p.add(7, 4);
  assert.deepEqual(p.get(7), [4, 3, 1]);
  assert.deepEqual(p.get(-3), [2]);
  assert.deepEqual(p.get(99), []);
  assert.deepEqual(p.get(7, 2), [4, 3]);
  assert.equal(p.size, 4);
  assert.equal(p.keyCount, 2);
});

test('postings: growth keeps every key and value (many keys, colliding low bits)', () => {
  const p = new Postings(1, 1);
  for (let i = 0; i < 5000; i++) p.add(i * 1024, i);
  for (let i = 0; i < 5000; i++) p.add(i * 1024, i + 5000);
  for (const i of [0, 1, 2499, 4999]) assert.deepEqual(p.get(i * 1024), [i + 5000, i]);
  assert.equal(p.keyCount, 5000);
  assert.equal(p.size, 10000);
  // Typed arrays only: well under 40 bytes per posting.
  assert.ok(p.bytes / p.size < 40, `${p.bytes / p.size} bytes per posting`);
});

test('postings: forEach stops when the visitor returns false', () => {
  const p = new Postings();
  for (let i = 0; i < 10; i++) p.add(1, i);
  const seen: number[] = [];
  p.forEach(1, (v) => {
    seen.push(v);
    return seen.length < 3;
  });
  assert.deepEqual(seen, [9, 8, 7]);
});
