/**
 * Postings: a compact multimap from 32-bit keys (hashed terms, LSH band keys) to the integer ids of the
 * articles that carry them — the in-memory candidate index of online story assignment. Typed arrays only
 * (no object per key or per posting): about 8 bytes per posting plus 8–12 per distinct key, so an index of
 * 100,000 articles with ~25 postings each stays near 25 MB.
 *
 * Keys live in an open-addressing table (linear probing, load ≤ 0.7); each key points at the newest
 * posting of its chain, each posting at the next older one. Lists come back newest first, which is also
 * what a time window wants. Deterministic: no hashing of objects, no iteration over Map order.
 */
import { mixKey } from './int-mix.js';

const EMPTY = -1;

export class Postings {
  private keys: Int32Array;
  private heads: Int32Array;
  private used = 0;
  private values: Int32Array;
  private next: Int32Array;
  private count = 0;

  constructor(expectedKeys = 1024, expectedPostings = 4096) {
    const capacity = tableSize(Math.ceil((expectedKeys * 10) / 7));
    this.keys = new Int32Array(capacity);
    this.heads = new Int32Array(capacity).fill(EMPTY);
    this.values = new Int32Array(Math.max(16, expectedPostings));
    this.next = new Int32Array(this.values.length);
  }

  /** Number of postings. */
  get size(): number {
    return this.count;
  }

  /** Number of distinct keys. */
  get keyCount(): number {
    return this.used;
  }

  /** Bytes held by the typed arrays. */
  get bytes(): number {
    return this.keys.byteLength + this.heads.byteLength + this.values.byteLength + this.next.byteLength;
  }

  add(key: number, value: number): void {
    if ((this.used + 1) * 10 > this.keys.length * 7) this.rehash(this.keys.length * 2);
    if (this.count === this.values.length) this.growPostings();
    const slot = this.slotOf(key | 0);
    if (this.heads[slot] === EMPTY) {
      this.keys[slot] = key | 0;
      this.used++;
    }
    this.values[this.count] = value;
    this.next[this.count] = this.heads[slot]!;
    this.heads[slot] = this.count;
    this.count++;
  }

  /** Calls `visit` for each value of `key`, newest first; stops early when it returns false. */
  forEach(key: number, visit: (value: number) => boolean | void): void {
    const slot = this.slotOf(key | 0);
    for (let p = this.heads[slot]!; p !== EMPTY; p = this.next[p]!) {
      if (visit(this.values[p]!) === false) return;
    }
  }

  /** Writes the values of `key`, newest first (at most `limit`), into `out`; returns how many. */
  collect(key: number, limit: number, out: Int32Array): number {
    const slot = this.slotOf(key | 0);
    let n = 0;
    for (let p = this.heads[slot]!; p !== EMPTY && n < limit; p = this.next[p]!) out[n++] = this.values[p]!;
    return n;
  }

  /** The values of `key`, newest first (at most `limit`). */
  get(key: number, limit = Infinity): number[] {
    const out: number[] = [];
    this.forEach(key, (v) => {
      out.push(v);
      return out.length < limit;
    });
    return out;
  }

  /** The slot holding `key`, or the empty slot where it would go. */
  private slotOf(key: number): number {
    const mask = this.keys.length - 1;
    let slot = mixKey(key) & mask;
    while (this.heads[slot] !== EMPTY && this.keys[slot] !== key) slot = (slot + 1) & mask;
    return slot;
  }

  private rehash(capacity: number): void {
    const oldKeys = this.keys;
    const oldHeads = this.heads;
    this.keys = new Int32Array(capacity);
    this.heads = new Int32Array(capacity).fill(EMPTY);
    for (let i = 0; i < oldKeys.length; i++) {
      if (oldHeads[i] === EMPTY) continue;
      const slot = this.slotOf(oldKeys[i]!);
      this.keys[slot] = oldKeys[i]!;
      this.heads[slot] = oldHeads[i]!;
    }
  }

  /** Grows the posting arrays by half (not double: they are most of the index, and the slack is memory). */
  private growPostings(): void {
    const size = Math.ceil(this.values.length * 1.5);
    const values = new Int32Array(size);
    values.set(this.values);
    const next = new Int32Array(size);
    next.set(this.next);
    this.values = values;
    this.next = next;
  }
}

function tableSize(n: number): number {
  let size = 16;
  while (size < n) size *= 2;
  return size;
}
