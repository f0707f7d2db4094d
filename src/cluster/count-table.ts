/**
 * A counting hash table from 32-bit unsigned keys to counts, in typed arrays (open addressing, linear probing,
 * load ≤ 0.7): the running document frequencies of a corpus hold millions of term ids, where a `Map` costs
 * ~5 times the memory and a slower lookup. Counts are 16-bit; the few keys that reach 65,535 (terms in most
 * documents of a large corpus) keep their exact count in a small overflow map. 6 bytes a slot. Key 0 is
 * counted apart (0 marks an empty slot).
 */
import { mixKey } from './int-mix.js';

const SATURATED = 0xffff;

export class CountTable {
  private keys = new Uint32Array(1024);
  private counts = new Uint16Array(1024);
  private readonly overflow = new Map<number, number>();
  private used = 0;
  private zero = 0;

  /** Distinct keys counted. */
  get size(): number {
    return this.used + (this.zero > 0 ? 1 : 0);
  }

  /** Bytes held by the table's arrays. */
  get bytes(): number {
    return this.keys.byteLength + this.counts.byteLength + this.overflow.size * 16;
  }

  get(key: number): number {
    if (key === 0) return this.zero;
    const mask = this.keys.length - 1;
    for (let i = mixKey(key) & mask; ; i = (i + 1) & mask) {
      const k = this.keys[i]!;
      if (k === key) return this.countAt(i);
      if (k === 0) return 0;
    }
  }

  /** Adds `by` (default 1) to `key`'s count. */
  add(key: number, by = 1): void {
    if (key === 0) {
      this.zero += by;
      return;
    }
    if ((this.used + 1) * 10 > this.keys.length * 7) this.grow();
    const keys = this.keys;
    const mask = keys.length - 1;
    for (let i = mixKey(key) & mask; ; i = (i + 1) & mask) {
      const k = keys[i]!;
      if (k === key) {
        this.setCount(i, this.countAt(i) + by);
        return;
      }
      if (k === 0) {
        keys[i] = key;
        this.used++;
        this.setCount(i, by);
        return;
      }
    }
  }

  private countAt(i: number): number {
    const c = this.counts[i]!;
    return c === SATURATED ? this.overflow.get(this.keys[i]!)! : c;
  }

  private setCount(i: number, count: number): void {
    if (count >= SATURATED) {
      this.counts[i] = SATURATED;
      this.overflow.set(this.keys[i]!, count);
    } else {
      this.counts[i] = count;
    }
  }

  private grow(): void {
    const keys = this.keys;
    const counts = this.counts;
    this.keys = new Uint32Array(keys.length * 2);
    this.counts = new Uint16Array(keys.length * 2);
    this.used = 0;
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i]!;
      if (k !== 0) this.add(k, counts[i] === SATURATED ? this.overflow.get(k)! : counts[i]!);
    }
  }
}
