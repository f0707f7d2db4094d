/**
 * How a story's report is kept in the store: its JSON text compressed with raw DEFLATE (zlib level 1) behind one
 * format byte. A report repeats its articles' sentences in every alignment, ledger entry and derivation pair,
 * so it compresses ~11× (5,000 real-derived articles: 268 MB of report JSON → 24 MB; level 6 gives 17 MB for
 * twice the CPU, measured in the issue-10 note). The report workers encode (off the saving thread); reading
 * inflates at ~300 MB/s. Stores written before this hold the JSON text itself, which reads back unchanged.
 */
import { deflateTagged, inflateTagged } from './tagged-deflate.js';

/** The first byte of an encoded report. */
const REPORT_FORMAT = 0x01;
const LEVEL = 1;

/** A report's JSON text, encoded for the store. */
export function encodeReport(json: string): Uint8Array<ArrayBuffer> {
  return deflateTagged(REPORT_FORMAT, json, LEVEL);
}

/** The JSON text of a stored report: the text itself (older stores) or `encodeReport`'s bytes. */
export function decodeReport(stored: string | Uint8Array): string {
  if (typeof stored === 'string') return stored;
  if (stored[0] !== REPORT_FORMAT) throw new Error(`stored report: unknown format byte ${stored[0] ?? 'none'}`);
  return inflateTagged(stored);
}
