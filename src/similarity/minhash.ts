/**
 * Shingles and MinHash: cheap set-similarity estimates for clustering and corpus-scale candidate search.
 * Deterministic: the k hash functions come from a fixed seed, never from Math.random.
 */

/** Word n-grams ("a b c") of a token list; a list shorter than n yields its whole join (if non-empty). */
export function wordShingles(tokens: readonly string[], n = 3): string[] {
  if (tokens.length === 0) return [];
  if (tokens.length < n) return [tokens.join(' ')];
  const out: string[] = [];
  for (let i = 0; i + n <= tokens.length; i++) out.push(tokens.slice(i, i + n).join(' '));
  return out;
}

/** Character n-grams of a text after collapsing white space and lower-casing. */
export function charShingles(text: string, n = 5): string[] {
  const t = text.toLowerCase().replace(/\s+/g, ' ').trim();
  if (t.length === 0) return [];
  if (t.length <= n) return [t];
  const out: string[] = [];
  for (let i = 0; i + n <= t.length; i++) out.push(t.slice(i, i + n));
  return out;
}

/** 32-bit FNV-1a of a string. */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const PRIME = 4294967311; // smallest prime > 2^32
const MAX_K = 1024;
let coeffs: { a: number[]; b: number[] } | null = null;

function coefficients(): { a: number[]; b: number[] } {
  if (coeffs) return coeffs;
  // xorshift32 with a fixed seed → the same hash family in every process.
  let x = 0x9e3779b9;
  const next = (): number => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x;
  };
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < MAX_K; i++) {
    a.push((next() % (PRIME - 1)) + 1);
    b.push(next() % PRIME);
  }
  coeffs = { a, b };
  return coeffs;
}

/** (a·x + b) mod p without losing precision (x, a < 2^32 + 16). */
function mulAddMod(a: number, x: number, b: number): number {
  // Split a into 16-bit halves so every partial product stays below 2^53.
  const aHi = Math.floor(a / 65536);
  const aLo = a % 65536;
  const hi = (((aHi * x) % PRIME) * 65536) % PRIME;
  return (hi + aLo * x + b) % PRIME;
}

/**
 * MinHash signature of a set of tokens (or shingles) with k hash functions (k ≤ 1024).
 * An empty set gives a signature of 0xffffffff everywhere (its Jaccard estimate with anything is 0).
 */
export function minhashSignature(tokens: Iterable<string>, k = 128): Uint32Array {
  if (k < 1 || k > MAX_K) throw new RangeError(`minhashSignature: k must be 1..${MAX_K}`);
  const { a, b } = coefficients();
  const sig = new Uint32Array(k).fill(0xffffffff);
  const seen = new Set<number>();
  for (const t of tokens) seen.add(fnv1a(t));
  if (seen.size === 0) return sig;
  for (const x of seen) {
    for (let i = 0; i < k; i++) {
      const h = mulAddMod(a[i]!, x, b[i]!) % 0xffffffff;
      if (h < sig[i]!) sig[i] = h;
    }
  }
  return sig;
}

/** Share of positions where two signatures agree: an unbiased estimate of the sets' Jaccard index. */
export function jaccardEstimate(a: Uint32Array, b: Uint32Array): number {
  const k = Math.min(a.length, b.length);
  if (k === 0) return 0;
  let eq = 0;
  for (let i = 0; i < k; i++) if (a[i] === b[i] && a[i] !== 0xffffffff) eq++;
  return eq / k;
}

/** Exact Jaccard index of two sets. */
export function jaccard<T>(a: Iterable<T>, b: Iterable<T>): number {
  const sa = new Set(a);
  const sb = new Set(b);
  if (sa.size === 0 && sb.size === 0) return 0;
  let n = 0;
  for (const x of sa) if (sb.has(x)) n++;
  return n / (sa.size + sb.size - n);
}
