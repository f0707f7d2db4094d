/**
 * An article's analysis as stored bytes, and back: `encodeAnalysis(analysed)` keeps everything of the
 * AnalysedArticle but its `article` (the store holds the article itself); `decodeAnalysis(bytes, article)`
 * re-attaches the article record, giving an AnalysedArticle equal to the one encoded (same keys in the same
 * order, same values), so a report computed from it is byte-identical to one from a fresh analysis.
 *
 * Format: one tag byte (ANALYSIS_FORMAT), then the analysis as JSON, compressed with raw DEFLATE (zlib level 6).
 * In the JSON, a span's `text` that is exactly `article.text.slice(start, end)` — every sentence, mention and
 * quote — is written as `0` (the key stays, so key order is kept) and cut back out of the article's text on
 * decoding: the article's text is stored once, not once more as its sentences. Any other `text` is written as is.
 *
 * Measured on 500 real-derived articles of ~1.1 KB text (bench/story-update.bench.ts prints it): the analysis as
 * JSON is ~5.2 KB per article, ~3.5 KB with span texts elided, ~0.9 KB stored. The compressor, weighed on the
 * elided JSON (and on 500 longer articles of realCorpus, ~2.4 KB text): DEFLATE 6 stores 895 B (1,445 B),
 * encodes in ~50 µs (~90 µs), inflates in ~10 µs (~15 µs). DEFLATE 1 is 10% bigger and no faster to decode;
 * brotli 1 bigger still; brotli 3 about the same size, slower both ways; brotli 5 is 7% smaller but encodes in
 * ~85 µs (~145 µs) and decodes slower. Decoding happens at every report of the story (encoding once, next to
 * a ~3 ms analysis), so: DEFLATE 6. Decoding an analysis costs ~0.1 ms in all, mostly JSON.parse.
 */
import { deflateTagged, inflateTagged } from '../store/tagged-deflate.js';
import type { AnalysedArticle, Article } from '../types.js';

/** The first byte of every encoded analysis: the format it is in (a new format gets a new tag). */
export const ANALYSIS_FORMAT = 1;
/** zlib level (see the measurements above). */
const LEVEL = 6;

/** Bytes that are not an analysis this code can read (unknown format tag, damaged data, wrong shape). */
export class AnalysisCodecError extends Error {
  override readonly name = 'AnalysisCodecError';
}

/** The fields of an AnalysedArticle besides `article`, in analyse()'s order (decoding checks each is an array). */
const FIELDS = ['sentences', 'entities', 'quotes', 'numbers', 'dates', 'attributions', 'negations'] as const;

type Analysis = Omit<AnalysedArticle, 'article'>;

/** The analysis of `analysed.article`, without the article, as bytes. */
export function encodeAnalysis(analysed: AnalysedArticle): Uint8Array {
  return deflateTagged(ANALYSIS_FORMAT, analysisJson(analysed), LEVEL);
}

/** The JSON text that `encodeAnalysis` compresses: the analysis without the article, span texts elided. */
export function analysisJson(analysed: AnalysedArticle): string {
  const { article, ...analysis } = analysed;
  const text = article.text;
  return JSON.stringify(analysis, function (this: unknown, key: string, value: unknown) {
    if (key === 'text' && typeof value === 'string' && isSpanOf(this, text) && text.slice(this.start, this.end) === value) return 0;
    return value;
  });
}

/** The AnalysedArticle encoded in `data`, with `article` (the article it was computed from) re-attached. */
export function decodeAnalysis(data: Uint8Array, article: Article): AnalysedArticle {
  if (data.length === 0 || data[0] !== ANALYSIS_FORMAT) throw new AnalysisCodecError(`stored analysis of ${article.id}: unknown format ${data[0] ?? '(empty)'}`);
  const text = article.text;
  let parsed: unknown;
  try {
    const json = inflateTagged(data);
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
