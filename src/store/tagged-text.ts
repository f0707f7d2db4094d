/**
 * Text stored as bytes: one format byte (which encoding follows, so a reader can refuse one it does not know),
 * then the text compressed. Used for stored reports (./report-codec.ts) and stored analyses
 * (src/corpus/analysis-codec.ts), each with its own format bytes: written now with brotli at quality 1 (text mode),
 * written before with raw DEFLATE (still read; `deflateTagged` makes such bytes for the tests of that reading).
 */
import { brotliCompressSync, brotliDecompressSync, constants, deflateRawSync, inflateRawSync } from 'node:zlib';

const BROTLI_OPTIONS = { params: { [constants.BROTLI_PARAM_QUALITY]: 1, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT } };

/** `format`, then `text` compressed with brotli at quality 1. */
export function brotliTagged(format: number, text: string): Uint8Array<ArrayBuffer> {
  return tagged(format, brotliCompressSync(text, BROTLI_OPTIONS));
}

/** The text after the format byte of `brotliTagged` bytes (the caller checks the format byte first). */
export function unbrotliTagged(data: Uint8Array): string {
  return brotliDecompressSync(data.subarray(1)).toString('utf8');
}

/** `format`, then `text` compressed with raw DEFLATE at zlib `level`. */
export function deflateTagged(format: number, text: string, level: number): Uint8Array<ArrayBuffer> {
  return tagged(format, deflateRawSync(text, { level }));
}

/** The text after the format byte of `deflateTagged` bytes (the caller checks the format byte first). */
export function inflateTagged(data: Uint8Array): string {
  return inflateRawSync(data.subarray(1)).toString('utf8');
}

function tagged(format: number, body: Uint8Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(body.length + 1);
  out[0] = format;
  out.set(body, 1);
  return out;
}
