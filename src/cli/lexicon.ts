/**
 * `corroborate lexicon DICT`: the optional Russian→English lexicon pack (src/lang/lexicon/pack.ts) made from an
 * English→Russian dictd dictionary (gzip-compressed `.dict.dz` or plain `.dict`), written as JSON to the data folder
 * (or --out FILE). A file that cannot be read or holds no entries: one line on standard error, exit 1; the pack not
 * writable: exit 3.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { russianToEnglish } from '../lang/lexicon/dictd.js';
import { packPath } from '../lang/lexicon/pack.js';
import type { CliOptions } from './args.js';
import { EXIT } from './errors.js';

export function runLexicon(options: CliOptions): number {
  const input = options.inputs[0]!;
  let text: string;
  try {
    const bytes = readFileSync(input);
    text = (bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes).toString('utf8');
  } catch (error) {
    process.stderr.write(`corroborate: cannot read ${input}: ${describe(error)}\n`);
    return EXIT.nothingAnalysed;
  }
  const lexicon = russianToEnglish(text);
  const words = Object.keys(lexicon).length;
  if (words === 0) {
    process.stderr.write(`corroborate: ${input}: no English–Russian entries found (expected a dictd dictionary such as /usr/share/dictd/mueller7.dict.dz)\n`);
    return EXIT.nothingAnalysed;
  }
  const out = options.out ?? packPath();
  try {
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, `${JSON.stringify(lexicon)}\n`);
  } catch (error) {
    process.stderr.write(`corroborate: cannot write ${out}: ${describe(error)}\n`);
    return EXIT.output;
  }
  if (!options.quiet) process.stderr.write(`corroborate: lexicon pack: ${words.toLocaleString('en-US')} Russian words from ${input} → ${out}\n`);
  return EXIT.ok;
}

function describe(error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'a directory, not a file';
  if (code === 'EACCES') return 'permission denied';
  return error instanceof Error ? error.message.split('\n')[0]! : String(error);
}
