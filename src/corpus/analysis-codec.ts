/**
 * An article's analysis as stored bytes, and back: `encodeAnalysis(analysed)` keeps everything of the
 * AnalysedArticle but its `article` (the store holds the article itself); `decodeAnalysis(bytes, article)`
 * re-attaches the article record, giving an AnalysedArticle equal to the one encoded (same keys in the same
 * order, same values), so a report computed from it is byte-identical to one from a fresh analysis.
 *
 * Format: one tag byte (the format), then the analysis as JSON, compressed: format 2 (written now) brotli at quality 1,
 * format 1 (stores written before) raw DEFLATE at zlib level 6; both are read. In the JSON, a span's `text` that is
 * exactly `article.text.slice(start, end)` — every sentence, mention and quote — is written as `0` (the key stays, so
 * key order is kept) and cut back out of the article's text on decoding: the article's text is stored once, not once
 * more as its sentences. Any other `text` is written as is.
 *
 * Measured on 500 real-derived articles of ~1.1 KB text (bench/story-update.bench.ts prints it): the analysis as
 * JSON is ~5.2 KB per article, ~3.5 KB with span texts elided, ~0.9 KB stored with DEFLATE 6. Weighed again on 1,500
 * articles of the ingest benchmark's corpus (~3.3 KB text; scratch runs, 2 cores): DEFLATE 6 encodes in ~100–130 µs
 * an article and inflates in ~50 µs, brotli 1 encodes in ~50–65 µs, decodes in ~55 µs and stores 22% more (1.9 KB
 * against 1.6 KB). An ingest encodes every analysis once, next to its ~3 ms analysis, in the report workers; a report
 * decodes its story's stored analyses, as fast either way: so brotli 1.
 */
import { brotliTagged, inflateTagged, unbrotliTagged } from '../store/tagged-text.js';
import type { AnalysedArticle, Article } from '../types.js';

/** The first byte of every analysis encoded now: the format it is in (a new format gets a new tag). */
export const ANALYSIS_FORMAT = 2;
/** The first byte of an analysis stored with raw DEFLATE (read, no longer written). */
const DEFLATE_FORMAT = 1;

/** Bytes that are not an analysis this code can read (unknown format tag, damaged data, wrong shape). */
export class AnalysisCodecError extends Error {
  override readonly name = 'AnalysisCodecError';
}

/** The fields of an AnalysedArticle besides `article`, in analyse()'s order (decoding checks each is an array). */
const FIELDS = ['sentences', 'entities', 'quotes', 'numbers', 'dates', 'attributions', 'negations'] as const;

type Analysis = Omit<AnalysedArticle, 'article'>;

/** The analysis of `analysed.article`, without the article, as bytes. */
export function encodeAnalysis(analysed: AnalysedArticle): Uint8Array {
  return brotliTagged(ANALYSIS_FORMAT, analysisJson(analysed));
}

/** The JSON text that `encodeAnalysis` compresses: the analysis without the article, span texts elided. */
export function analysisJson(analysed: AnalysedArticle): string {
  const { article, ...analysis } = analysed;
  // A copy with the elided texts, then JSON.stringify without a replacer (a replacer function called at every key
  // is slower: ~10% on the ingest benchmark's articles, the same JSON).
  return JSON.stringify(elideSpanTexts(analysis, article.text));
}

/** `value` with every span's `text` that is exactly its slice of `text` replaced by 0 (arrays and plain objects copied). */
function elideSpanTexts(value: unknown, text: string): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map((v) => elideSpanTexts(v, text));
  const record = value as Record<string, unknown>;
  const span = isSpanOf(record, text);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(record)) {
    const v = record[key];
    out[key] = key === 'text' && span && typeof v === 'string' && isSliceAt(text, v, record.start as number, record.end as number) ? 0 : elideSpanTexts(v, text);
  }
  return out;
}

/** text.slice(start, end) === v, without making the slice. */
function isSliceAt(text: string, v: string, start: number, end: number): boolean {
  return v.length === end - start && text.startsWith(v, start);
}

/** The AnalysedArticle encoded in `data`, with `article` (the article it was computed from) re-attached. */
export function decodeAnalysis(data: Uint8Array, article: Article): AnalysedArticle {
  const format = data[0];
  if (format !== ANALYSIS_FORMAT && format !== DEFLATE_FORMAT) throw new AnalysisCodecError(`stored analysis of ${article.id}: unknown format ${data[0] ?? '(empty)'}`);
  const text = article.text;
  let parsed: unknown;
  try {
    const json = format === DEFLATE_FORMAT ? inflateTagged(data) : unbrotliTagged(data);
    parsed = JSON.parse(json, function (this: unknown, key: string, value: unknown) {
      return key === 'text' && value === 0 && isSpanOf(this, text) ? text.slice(this.start, this.end) : value;
    });
  } catch (error) {
    throw new AnalysisCodecError(`stored analysis of ${article.id}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!isAnalysis(parsed)) throw new AnalysisCodecError(`stored analysis of ${article.id}: not an analysis`);
  return { article, ...parsed };
}

/** An object with integer `start` ≤ `end` inside `text`. */
function isSpanOf(holder: unknown, text: string): holder is { start: number; end: number } {
  if (typeof holder !== 'object' || holder === null) return false;
  const { start, end } = holder as { start?: unknown; end?: unknown };
  return Number.isInteger(start) && Number.isInteger(end) && (start as number) >= 0 && (start as number) <= (end as number) && (end as number) <= text.length;
}

function isAnalysis(value: unknown): value is Analysis {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return FIELDS.every((f) => Array.isArray(record[f]));
}
