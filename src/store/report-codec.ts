/**
 * How a story's report (and its outlet digest) is kept in the store: its JSON text compressed behind one format
 * byte. A report repeats its articles' sentences in every alignment, ledger entry and derivation pair, so it
 * compresses well. Format 2 (written now): brotli at quality 1. Measured on 20 reports of 20,000 real-derived
 * articles (`npm run bench:ingest:real`'s corpus, 2 cores): brotli 1 compresses at ~930 MB/s to 6.3% of the JSON and
 * decompresses at ~1,080 MB/s; raw DEFLATE level 1 (format 1, written before) at ~400 MB/s to 11.0%, inflating at
 * ~820 MB/s; brotli 0 is faster still (~1,180 MB/s) but 16% bigger, brotli 2 half as fast. The report workers
 * encode (off the saving thread). Format 1 rows and the JSON text of stores older still read back unchanged.
 */
import { brotliTagged, inflateTagged, unbrotliTagged } from './tagged-text.js';

/** The first byte of a report encoded with raw DEFLATE (stores written before brotli). */
const DEFLATE_FORMAT = 0x01;
/** The first byte of a report encoded with brotli. */
const BROTLI_FORMAT = 0x02;

/** A report's JSON text, encoded for the store. */
export function encodeReport(json: string): Uint8Array<ArrayBuffer> {
  return brotliTagged(BROTLI_FORMAT, json);
}

/** The JSON text of a stored report: the text itself (older stores) or `encodeReport`'s bytes (either format). */
export function decodeReport(stored: string | Uint8Array): string {
  if (typeof stored === 'string') return stored;
  if (stored[0] === BROTLI_FORMAT) return unbrotliTagged(stored);
  if (stored[0] === DEFLATE_FORMAT) return inflateTagged(stored);
  throw new Error(`stored report: unknown format byte ${stored[0] ?? 'none'}`);
}
