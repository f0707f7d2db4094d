import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync, appendFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CACHE_FILE, EMBEDDING_DIM, MAX_ENCODED_CHARS, embedSentences, embedTexts, encodedPart, readCache, textKey, writeCache } from '../src/similarity/encoder.js';
import { build } from './fixtures/compare/build.js';

function vec(seed: number): Float32Array {
  const v = new Float32Array(EMBEDDING_DIM);
  for (let i = 0; i < EMBEDDING_DIM; i++) v[i] = Math.sin(seed * 31 + i);
  return v;
}

test('disabled encoder returns an empty lookup', async () => {
  const a = build({ id: 'a', text: 'The river rose. Crews rescued people.' });
  const v = await embedSentences([a], { enabled: false, cacheDir: null });
  assert.equal(v.get('The river rose.'), undefined);
});

test('cache: round trip, and truncated or corrupted records are skipped', () => {
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-enc-'));
  try {
    const k1 = textKey('one');
    const k2 = textKey('two');
    const k3 = textKey('three');
    writeCache(dir, [
      { key: k1, vec: vec(1) },
      { key: k2, vec: vec(2) },
    ]);
    const path = join(dir, CACHE_FILE);
    let got = readCache(path);
    assert.equal(got.size, 2);
    assert.deepEqual(got.get(k1), vec(1));
    // Corrupt one byte inside the first record's vector, append a truncated record, then a good one.
    const buf = readFileSync(path);
    buf[4 + 32 + 100] = buf[4 + 32 + 100]! ^ 0xff;
    writeFileSync(path, buf);
    appendFileSync(path, buf.subarray(0, 500));
    writeCache(dir, [{ key: k3, vec: vec(3) }]);
    got = readCache(path);
    assert.equal(got.has(k1), false, 'corrupted record dropped');
    assert.deepEqual(got.get(k2), vec(2));
    assert.deepEqual(got.get(k3), vec(3), 'record after a truncated one recovered');
    // Only wanted keys are decoded.
    assert.equal(readCache(path, new Set([k3])).size, 1);
    // Missing file: empty.
    assert.equal(readCache(join(dir, 'nope.bin')).size, 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('embedSentences: 512-d vectors for sentences and quotes, served from the cache the second time', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-enc-'));
  try {
    const a = build({
      id: 'a',
      text: 'The river crested at 6.4 metres. “We will rebuild,” the mayor said.',
      quotes: [{ text: 'We will rebuild,', direct: true }],
    });
    const v1 = await embedSentences([a], { enabled: true, cacheDir: dir });
    const s = v1.get('The river crested at 6.4 metres.');
    assert.ok(s && s.length === EMBEDDING_DIM);
    assert.ok(v1.get('We will rebuild,'));
    const cached = readCache(join(dir, CACHE_FILE));
    assert.equal(cached.size, 3);
    const v2 = await embedSentences([a], { enabled: true, cacheDir: dir });
    assert.deepEqual(v2.get('The river crested at 6.4 metres.'), s);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a text over MAX_ENCODED_CHARS is encoded by its start, cut at a space; texts alike in that start share one vector', async () => {
  const words = 'flood river council street water bridge'.split(' ');
  const long = Array.from({ length: 600 }, (_, i) => words[(i * 7) % words.length]).join(' ');
  assert.ok(long.length > MAX_ENCODED_CHARS);
  const part = encodedPart(long);
  assert.ok(part.length <= MAX_ENCODED_CHARS && part.length > MAX_ENCODED_CHARS / 2);
  assert.ok(long.startsWith(part) && long[part.length] === ' ', 'cut at a space');
  assert.equal(encodedPart('A short sentence.'), 'A short sentence.');
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-enc-long-'));
  try {
    const longer = `${long} and more`;
    const v = await embedTexts([long, longer], { enabled: true, cacheDir: dir });
    assert.ok(v.get(long) && v.get(long)!.length === EMBEDDING_DIM);
    assert.deepEqual(v.get(longer), v.get(long));
    // One record, under the key of what the model read.
    assert.deepEqual([...readCache(join(dir, CACHE_FILE)).keys()], [textKey(part)]);
    const again = await embedTexts([longer], { enabled: true, cacheDir: dir });
    assert.deepEqual(again.get(longer), v.get(long));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
