import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  classifyDerivation,
  deriveLevel,
  derivationFeatures,
  derivationScores,
  DERIVATION_THRESHOLDS,
  lcsLength,
  revisionScores,
  revisionText,
  TokenIds,
  tiledIds,
  tiledTokens,
} from '../src/derive/index.js';
import { repoRoot } from './helpers/paths.js';

const w = (s: string): string[] => s.split(' ');

test('LCS length of token lists, computed by hand', () => {
  assert.equal(lcsLength(w('a b c d e'), w('a x c y e')), 3); // a c e
  assert.equal(lcsLength(w('a b c'), w('c b a')), 1);
  assert.equal(lcsLength([], w('a b')), 0);
});

test('Greedy String Tiling covers the longest shared runs first, each token once', () => {
  // a = "p q r s t u v", b = "s t u v x p q r": tiles "s t u v" (4) then "p q r" (3) → 7 covered.
  assert.equal(tiledTokens(w('p q r s t u v'), w('s t u v x p q r'), 3), 7);
  // Runs shorter than the minimum tile do not count.
  assert.equal(tiledTokens(w('p q x r s'), w('p q y r s'), 3), 0);
  // A run repeated in a but present once in b is tiled once.
  assert.equal(tiledTokens(w('p q r p q r'), w('p q r'), 3), 3);
});

test('features of a hand-made pair: containment by n, LCS and tiling normalised by the derived length', () => {
  const source = 'The harbour council voted to close the old ferry pier on Friday.';
  const derived = 'The harbour council voted to close the pier.';
  const f = derivationFeatures(source, derived);
  // derived tokens: the harbour council voted to close the pier (8); unigrams all in source.
  assert.equal(f.derivedTokens, 8);
  assert.equal(f.containment[0], 1);
  // bigrams: 7 distinct, "the pier" is not in source → 6/7.
  assert.ok(Math.abs(f.containment[1] - 6 / 7) < 1e-12);
  // LCS: all 8 tokens appear in order in the source.
  assert.equal(f.lcs, 1);
  // tiling: "the harbour council voted to close the" (7) is a tile; "pier" alone is shorter than 3.
  assert.ok(Math.abs(f.tiling - 7 / 8) < 1e-12);
});

test('a verbatim copy is cut, an unrelated text on the same topic is non', () => {
  const source =
    'The Lindqvist lighthouse was built in 1871 on a granite outcrop at the mouth of the bay. Its keepers lived in a ' +
    'stone cottage beside the tower and rowed to the mainland for supplies every second week. The light was ' +
    'automated in 1964 and the cottage now houses a small museum about the families who kept it.';
  const copy = deriveLevel(source, source);
  assert.deepEqual(copy, { derived: true, level: 'cut', score: 1 });
  const independent =
    'Lighthouses guide ships at night. Many were staffed by keepers until machines replaced them, and some ' +
    'towers are museums today where visitors learn about maritime history.';
  const non = deriveLevel(source, independent);
  assert.equal(non.level, 'non');
  assert.equal(non.derived, false);
  assert.ok(non.score < 0.5, `score ${non.score}`);
});

test('scores from prepared texts equal the scores from the full features, both ways round', () => {
  const a = 'The ferry to Halby left at noon with 40 cars. Storms closed the harbour at dusk, and the crew waited.';
  const b = 'With 40 cars aboard, the ferry to Halby left at noon; the crew waited after storms closed the harbour.';
  for (const [source, derived] of [[a, b], [b, a], [a, ''], ['', b]] as const) {
    const ids = new TokenIds();
    assert.deepEqual(revisionScores(revisionText(source, ids), revisionText(derived, ids)), derivationScores(derivationFeatures(source, derived)));
  }
});

test('classification follows the ordered thresholds', () => {
  const t = { derivedMin: 0.2, lightMin: 0.5, cutMin: 0.8 };
  assert.equal(classifyDerivation({ copy: 0.1, reuse: 0.9 }, t).level, 'non');
  assert.equal(classifyDerivation({ copy: 0.3, reuse: 0.4 }, t).level, 'heavy');
  assert.equal(classifyDerivation({ copy: 0.3, reuse: 0.5 }, t).level, 'light');
  assert.equal(classifyDerivation({ copy: 0.3, reuse: 0.8 }, t).level, 'cut');
  assert.equal(classifyDerivation({ copy: 0.3, reuse: 0.81234 }, t).score, 0.812);
});

test('the shipped thresholds mirror models/derivation.json', () => {
  const model = JSON.parse(readFileSync(join(repoRoot, 'models', 'derivation.json'), 'utf8')) as { thresholds: unknown };
  assert.deepEqual(model.thresholds, DERIVATION_THRESHOLDS);
  assert.ok(DERIVATION_THRESHOLDS.lightMin <= DERIVATION_THRESHOLDS.cutMin);
});

/** Greedy String Tiling as its definition reads: every round rescans every token pair for the longest free runs. */
function tilingByRescan(a: readonly string[], b: readonly string[], minTile: number): number {
  const ma = new Uint8Array(a.length);
  const mb = new Uint8Array(b.length);
  let covered = 0;
  for (;;) {
    let best = minTile - 1;
    let matches: [number, number][] = [];
    for (let i = 0; i < a.length; i++) {
      for (let j = 0; j < b.length; j++) {
        if (ma[i] || mb[j] || a[i] !== b[j]) continue;
        if (i > 0 && j > 0 && !ma[i - 1] && !mb[j - 1] && a[i - 1] === b[j - 1]) continue;
        let k = 0;
        while (i + k < a.length && j + k < b.length && !ma[i + k] && !mb[j + k] && a[i + k] === b[j + k]) k++;
        if (k > best) {
          best = k;
          matches = [[i, j]];
        } else if (k === best && k >= minTile) matches.push([i, j]);
      }
    }
    if (matches.length === 0) return covered;
    for (const [i, j] of matches) {
      let free = true;
      for (let k = 0; k < best; k++) if (ma[i + k] || mb[j + k]) free = false;
      if (!free) continue;
      for (let k = 0; k < best; k++) ma[i + k] = mb[j + k] = 1;
      covered += best;
    }
  }
}

test('tiling on token ids takes the same tiles as rescanning every round (random texts over small vocabularies)', () => {
  let seed = 7;
  const rand = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const ids = new TokenIds();
  for (let round = 0; round < 400; round++) {
    const vocab = 2 + rand(6);
    const a = Array.from({ length: rand(60) }, () => `w${rand(vocab)}`);
    // b: a with cuts, moves and changes (as a rewrite makes), or unrelated text.
    const b = round % 4 === 0 ? Array.from({ length: rand(60) }, () => `w${rand(vocab)}`) : [...a.slice(rand(10) + 5), ...a.slice(0, 5).map((w) => (rand(3) === 0 ? 'x' : w))];
    const minTile = 2 + rand(3);
    assert.equal(tiledIds(ids.of(a), ids.of(b), minTile), tilingByRescan(a, b, minTile), `round ${round}`);
    assert.equal(tiledTokens(b, a, minTile), tilingByRescan(b, a, minTile), `round ${round} reversed`);
  }
});
