/**
 * Text stored as bytes: one format byte (which encoding follows, so a reader can refuse one it does not know),
 * then the text compressed with raw DEFLATE. Used for stored reports (./report-codec.ts) and stored analyses
 * (src/corpus/analysis-codec.ts), each with its own format byte and zlib level.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';

/** `format`, then `text` compressed at zlib `level`. */
export function deflateTagged(format: number, text: string, level: number): Uint8Array<ArrayBuffer> {
  const body = deflateRawSync(text, { level });
  const out = new Uint8Array(body.length + 1);
  out[0] = format;
  out.set(body, 1);
  return out;
}

/** The text after the format byte (the caller checks the format byte first). */
export function inflateTagged(data: Uint8Array): string {
  return inflateRawSync(data.subarray(1)).toString('utf8');
}
