/**
 * Compact binary form of a StorySignature (what the store keeps per article), lossless:
 * `decodeSignature(encodeSignature(sig))` deep-equals `sig`.
 *
 * Layout: one version byte, then a bit stream —
 *   day        1 bit present; if so Elias-gamma(zigzag(day) + 1)
 *   dictionary gamma(D + 1), the sorted distinct term ids of all bags: 5-bit Rice parameter k, the first id
 *              in 32 bits, then each gap − 1 Rice-coded with k (ids are uniform 32-bit hashes, so ~log2(2³²/D) + 2 bits each)
 *   each bag   (in SIGNATURE_BAGS order) gamma(n + 1), then per term gamma(dictionary index gap) and gamma(count)
 *              (the bags share most ids — lead ⊂ words, people ⊂ names — so a term costs ~2 bits after the first)
 *   sketch     gamma(length + 1), then 16 bits per bin.
 *   language   gamma(length + 1), then 7 bits per character (an ISO 639 code).
 * Version 1 (stored before the `anchors` and `glosses` bags and the language) decodes with them empty and
 * language '' (unknown: compared word by word with every article, as when it was stored); such an article meets
 * articles of other languages only once it is ingested again. Version 2 (stored before the `title` and `titleNames`
 * bags) decodes with them empty: the decision's title term is 0 for it, as when it was stored.
 */
import { SIGNATURE_BAGS, type SignatureBag, type StorySignature, type TermBag } from './signature-types.js';

const VERSION = 3;
/** The version without `title` and `titleNames`. */
const VERSION_2 = 2;
const V2_BAGS = SIGNATURE_BAGS.filter((b) => b !== 'title' && b !== 'titleNames');
/** The version without `anchors`, `glosses`, the title bags and language. */
const VERSION_1 = 1;
const V1_BAGS = V2_BAGS.filter((b) => b !== 'anchors' && b !== 'glosses');
/** 2^k for k = 0…53 (exact; cheaper than `2 ** k` in the coding loops). */
const POW2 = Float64Array.from({ length: 54 }, (_, k) => 2 ** k);

class BitWriter {
  private bytes = new Uint8Array(512);
  private at = 0;
  private acc = 0;
  private accBits = 0;

  /** Empties it (the buffer is kept). */
  reset(): this {
    this.at = 0;
    this.acc = 0;
    this.accBits = 0;
    return this;
  }

  /** Writes the low `bits` bits of `value` (0 ≤ value < 2^bits, bits ≤ 32), most significant first. */
  write(value: number, bits: number): void {
    if (bits > 24) {
      this.write(Math.floor(value / 65536), bits - 16);
      this.write(value % 65536, 16);
      return;
    }
    this.acc = (this.acc << bits) | value; // acc < 2^7 before: stays below 2^31
    this.accBits += bits;
    while (this.accBits >= 8) {
      this.accBits -= 8;
      if (this.at === this.bytes.length) {
        const grown = new Uint8Array(this.bytes.length * 2);
        grown.set(this.bytes);
        this.bytes = grown;
      }
      this.bytes[this.at++] = (this.acc >>> this.accBits) & 0xff;
      this.acc &= (1 << this.accBits) - 1;
    }
  }

  /** Elias gamma of v ≥ 1. */
  gamma(v: number): void {
    const n = v < 2 ** 32 ? 31 - Math.clz32(v) : Math.floor(Math.log2(v));
    this.write(0, n);
    this.write(v, n + 1);
  }

  /** Rice code of v ≥ 0 with parameter k. */
  rice(v: number, k: number): void {
    const p = POW2[k]!;
    const high = Math.floor(v / p);
    let q = high;
    for (; q >= 16; q -= 16) this.write(0xffff, 16);
    this.write(POW2[q + 1]! - 2, q + 1);
    this.write(v - high * p, k);
  }

  finish(): Uint8Array {
    if (this.accBits > 0) this.write(0, 8 - this.accBits);
    return this.bytes.slice(0, this.at);
  }
}

/** The writer of `encodeSignature`, reused (`finish` copies out what it wrote). */
const WRITER = new BitWriter();

class BitReader {
  private bit: number;
  constructor(
    private readonly bytes: Uint8Array,
    startByte: number,
  ) {
    this.bit = startByte * 8;
  }

  read(bits: number): number {
    let v = 0;
    for (let b = 0; b < bits; b++) {
      const byte = this.bytes[this.bit >>> 3];
      if (byte === undefined) throw new RangeError('decodeSignature: truncated signature');
      v = v * 2 + ((byte >>> (7 - (this.bit & 7))) & 1);
      this.bit++;
    }
    return v;
  }

  gamma(): number {
    let n = 0;
    while (this.read(1) === 0) {
      n++;
      if (n > 52) throw new RangeError('decodeSignature: bad gamma code');
    }
    return 2 ** n + this.read(n);
  }

  rice(k: number): number {
    let q = 0;
    while (this.read(1) === 1) q++;
    return q * 2 ** k + this.read(k);
  }
}

export function encodeSignature(sig: StorySignature): Uint8Array {
  const w = WRITER.reset();
  w.write(VERSION, 8);
  if (sig.day === null) w.write(0, 1);
  else {
    w.write(1, 1);
    w.gamma((sig.day >= 0 ? sig.day * 2 : -sig.day * 2 - 1) + 1);
  }
  const dict = dictionary(sig);
  w.gamma(dict.length + 1);
  if (dict.length > 0) {
    const meanGap = dict.length > 1 ? (dict[dict.length - 1]! - dict[0]!) / (dict.length - 1) : 1;
    const k = Math.max(0, Math.min(31, Math.floor(Math.log2(Math.max(1, meanGap * Math.LN2)))));
    w.write(k, 5);
    w.write(dict[0]!, 32);
    for (let i = 1; i < dict.length; i++) w.rice(dict[i]! - dict[i - 1]! - 1, k);
  }
  for (const b of SIGNATURE_BAGS) {
    const { ids, counts } = sig.bags[b];
    w.gamma(ids.length + 1);
    let previous = -1;
    for (let i = 0; i < ids.length; i++) {
      const at = indexOf(dict, ids[i]!, previous + 1);
      w.gamma(at - previous);
      previous = at;
      w.gamma(Math.max(1, counts[i]!));
    }
  }
  w.gamma(sig.sketch.length + 1);
  for (const v of sig.sketch) w.write(v, 16);
  const language = /^[a-z]{0,8}$/.test(sig.language) ? sig.language : '';
  w.gamma(language.length + 1);
  for (let i = 0; i < language.length; i++) w.write(language.charCodeAt(i), 7);
  return w.finish();
}

/** The sorted distinct ids of all bags. */
function dictionary(sig: StorySignature): Uint32Array {
  let total = 0;
  for (const b of SIGNATURE_BAGS) total += sig.bags[b].ids.length;
  const all = new Uint32Array(total);
  let at = 0;
  for (const b of SIGNATURE_BAGS) {
    all.set(sig.bags[b].ids, at);
    at += sig.bags[b].ids.length;
  }
  all.sort();
  let n = 0;
  for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[n - 1]) all[n++] = all[i]!;
  return all.subarray(0, n);
}

/** Index of `id` in `sorted` at or after `from` (ids of a bag are sorted: each search starts after the last). */
function indexOf(sorted: Uint32Array, id: number, from: number): number {
  if (sorted[from] === id) return from;
  let lo = from;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = sorted[mid]!;
    if (v === id) return mid;
    if (v < id) lo = mid + 1;
    else hi = mid - 1;
  }
  throw new RangeError('encodeSignature: id missing from the dictionary');
}

export function decodeSignature(bytes: Uint8Array): StorySignature {
  const version = bytes[0];
  if (version !== VERSION && version !== VERSION_2 && version !== VERSION_1) throw new RangeError(`decodeSignature: unknown version ${version ?? 'none'}`);
  const r = new BitReader(bytes, 1);
  let day: number | null = null;
  if (r.read(1) === 1) {
    const z = r.gamma() - 1;
    day = z % 2 === 0 ? z / 2 : -(z + 1) / 2;
  }
  const size = r.gamma() - 1;
  const dict = new Uint32Array(size);
  if (size > 0) {
    const k = r.read(5);
    dict[0] = r.read(32);
    for (let i = 1; i < size; i++) dict[i] = dict[i - 1]! + r.rice(k) + 1;
  }
  const bags = {} as Record<SignatureBag, TermBag>;
  for (const b of version === VERSION ? SIGNATURE_BAGS : version === VERSION_2 ? V2_BAGS : V1_BAGS) {
    const n = r.gamma() - 1;
    const ids = new Uint32Array(n);
    const counts = new Uint16Array(n);
    let at = -1;
    for (let i = 0; i < n; i++) {
      at += r.gamma();
      const id = dict[at];
      if (id === undefined) throw new RangeError('decodeSignature: term index out of range');
      ids[i] = id;
      counts[i] = r.gamma();
    }
    bags[b] = { ids, counts };
  }
  const sketch = new Uint16Array(r.gamma() - 1);
  for (let i = 0; i < sketch.length; i++) sketch[i] = r.read(16);
  const empty = (): TermBag => ({ ids: new Uint32Array(0), counts: new Uint16Array(0) });
  if (version !== VERSION) {
    bags.title = empty();
    bags.titleNames = empty();
  }
  if (version === VERSION_1) return { bags: { ...bags, anchors: empty(), glosses: empty() }, sketch, day, language: '' };
  let language = '';
  for (let n = r.gamma() - 1; n > 0; n--) language += String.fromCharCode(r.read(7));
  return { bags, sketch, day, language };
}
