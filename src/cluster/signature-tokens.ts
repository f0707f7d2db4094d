/**
 * A fast scan of a text into the tokens of src/similarity/tokens.ts (`tokenize`): the same token
 * boundaries (the same pattern, written out as a character-class scan) and the same `norm`/`stem`/`stop`/
 * `numeric` (computed by that module's `normaliseToken`, `stem` and `STOPWORDS`, memoised per raw token
 * string, since `normalize('NFKD')` and the stemmer's regexes dominate the cost of `tokenize`).
 * test/cluster.signature.test.ts checks the equivalence with `tokenize`.
 */
import { fnv1a } from '../similarity/minhash.js';
import { normaliseToken, stem, STOPWORDS } from '../similarity/tokens.js';

/** What the signature needs of one distinct raw token. */
export interface TokenInfo {
  norm: string;
  stem: string;
  stop: boolean;
  numeric: boolean;
  /** First character is an upper-case letter ("Reid", "NASA"). */
  capitalised: boolean;
  /** fnv1a of `stem` and of `norm`. */
  stemId: number;
  normId: number;
  /** Free for the caller to cache facts of its own about this token (the same object for the same raw token). */
  role: number;
}

const OTHER = 1;
const LETTER = 2;
const DIGIT = 3;
const MARK = 4;

/** Character classes of the BMP, filled lazily (0: not yet known). */
const classes = new Uint8Array(65536);
const LETTER_RE = /^\p{L}$/u;
const DIGIT_RE = /^\p{N}$/u;
const MARK_RE = /^\p{M}$/u;
const UPPER_RE = /^\p{Lu}$/u;

function classify(s: string): number {
  return LETTER_RE.test(s) ? LETTER : DIGIT_RE.test(s) ? DIGIT : MARK_RE.test(s) ? MARK : OTHER;
}

for (let c = 0; c < 128; c++) {
  classes[c] = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? LETTER : c >= 48 && c <= 57 ? DIGIT : OTHER;
}

/** Class of the character at `i` and its length in UTF-16 units (astral characters take 2). */
function classAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return classify(String.fromCodePoint(text.codePointAt(i)!)) | 8;
  }
  let k = classes[c]!;
  if (k === 0) {
    k = classify(String.fromCharCode(c));
    classes[c] = k;
  }
  return k;
}

const MEMO_LIMIT = 200_000;

/**
 * The memo: raw token → TokenInfo, looked up by the token's characters in the text (no `slice` for a token
 * seen before): open addressing over a 32-bit FNV-1a hash of the UTF-16 units, entries compared with `startsWith` at the token's offset.
 * Bounded: cleared at MEMO_LIMIT entries (speed only, never a result).
 */
let slots = new Int32Array(1 << 16).fill(-1);
let slotHash = new Int32Array(1 << 16);
const entryRaw: string[] = [];
const entryInfo: TokenInfo[] = [];

function info(text: string, start: number, end: number): TokenInfo {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  const mask = slots.length - 1;
  const len = end - start;
  for (let at = h & mask; ; at = (at + 1) & mask) {
    const e = slots[at]!;
    if (e < 0) break;
    if (slotHash[at] !== h) continue;
    const raw = entryRaw[e]!;
    if (raw.length === len && text.startsWith(raw, start)) return entryInfo[e]!;
  }
  const raw = text.slice(start, end);
  const e = compute(raw);
  if (entryRaw.length >= MEMO_LIMIT) {
    slots.fill(-1);
    entryRaw.length = 0;
    entryInfo.length = 0;
  }
  if ((entryRaw.length + 1) * 2 > slots.length) {
    // Grow (load ≤ 0.5) and re-insert.
    slots = new Int32Array(slots.length * 2).fill(-1);
    slotHash = new Int32Array(slots.length);
    for (let k = 0; k < entryRaw.length; k++) insert(hashOf(entryRaw[k]!), k);
  }
  entryRaw.push(raw);
  entryInfo.push(e);
  insert(h, entryRaw.length - 1);
  return e;
}

function hashOf(raw: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < raw.length; i++) h = Math.imul(h ^ raw.charCodeAt(i), 0x01000193);
  return h;
}

function insert(h: number, entry: number): void {
  const mask = slots.length - 1;
  let at = h & mask;
  while (slots[at]! >= 0) at = (at + 1) & mask;
  slots[at] = entry;
  slotHash[at] = h;
}

function compute(raw: string): TokenInfo {
  const norm = normaliseToken(raw);
  const numeric = DIGIT_RE.test(String.fromCodePoint(norm.codePointAt(0) ?? 32));
  const s = stem(norm);
  return {
    norm,
    stem: s,
    stop: !numeric && STOPWORDS.has(norm),
    numeric,
    capitalised: UPPER_RE.test(String.fromCodePoint(raw.codePointAt(0)!)),
    stemId: fnv1a(s),
    normId: fnv1a(norm),
    role: -1,
  };
}

/**
 * Calls `visit` for every token of `text` in order (tokens whose `norm` is empty are skipped, as in
 * `tokenize`); `start`/`end` are offsets into `text`.
 */
export function scanTokens(text: string, visit: (token: TokenInfo, start: number, end: number) => void): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    const k0 = classAt(text, i);
    const c0 = k0 & 7;
    if (c0 !== LETTER && c0 !== DIGIT) {
      i += k0 & 8 ? 2 : 1;
      continue;
    }
    const start = i;
    i += k0 & 8 ? 2 : 1;
    if (c0 === DIGIT) {
      // \p{N}+(?:[.,]\p{N}+)*(?:\p{L}+)?
      i = skip(text, i, DIGIT, DIGIT);
      for (;;) {
        const sep = text.charCodeAt(i);
        if ((sep === 46 || sep === 44) && i + 1 < n && (classAt(text, i + 1) & 7) === DIGIT) i = skip(text, i + 1, DIGIT, DIGIT);
        else break;
      }
      i = skip(text, i, LETTER, LETTER);
    } else {
      // \p{L}[\p{L}\p{M}\p{N}]*(?:['’]\p{L}+)*
      i = skipWord(text, i);
      for (;;) {
        const ap = text.charCodeAt(i);
        if ((ap === 39 || ap === 0x2019) && i + 1 < n && (classAt(text, i + 1) & 7) === LETTER) i = skip(text, i + 1, LETTER, LETTER);
        else break;
      }
    }
    const t = info(text, start, i);
    if (t.norm !== '') visit(t, start, i);
  }
}

/** Advances over characters of class `a` or `b`. */
function skip(text: string, i: number, a: number, b: number): number {
  while (i < text.length) {
    const k = classAt(text, i);
    const c = k & 7;
    if (c !== a && c !== b) break;
    i += k & 8 ? 2 : 1;
  }
  return i;
}

function skipWord(text: string, i: number): number {
  while (i < text.length) {
    const k = classAt(text, i);
    const c = k & 7;
    if (c === OTHER) break;
    i += k & 8 ? 2 : 1;
  }
  return i;
}
