/**
 * `normaliseKey` memoised by text for the compare stage. The statement ledger and the copy groups normalise
 * every sentence of a story, and the articles of a story are mostly rewrites of one another (the same sentence
 * text many times), so most calls repeat. normaliseKey is a pure function of its argument, so the memo returns
 * exactly what a call would. Bounded (~50,000 most recent texts).
 */
import { BoundedCache } from '../text/bounded-cache.js';
import { normaliseKey } from '../text/normalise.js';

const keys = new BoundedCache<string>(50_000);

/** normaliseKey(text), memoised. */
export function normalisedKey(text: string): string {
  let k = keys.get(text);
  if (k === undefined) {
    k = normaliseKey(text);
    keys.set(text, k);
  }
  return k;
}
