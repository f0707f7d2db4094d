/**
 * Paths and bytes: which format a path holds, walking directories (sorted, deterministic), reading and
 * gunzipping files, and decoding bytes to text with the checks every format shares (BOM, NUL bytes,
 * strict UTF-8, CRLF→LF, empty).
 */
import { createReadStream, statSync, type Stats } from 'node:fs';
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { createGunzip, gunzipSync } from 'node:zlib';
import type { InputProblem } from '../types.js';
import { problem } from './problem.js';

export type Format = 'text' | 'html' | 'jsonl' | 'feed';

/** A file to read: the path as the user named it (joined for directory members) and its format. */
export interface FileEntry {
  path: string;
  /** null: unknown extension, decide by sniffing the content. */
  format: Format | null;
  gz: boolean;
}

/** Decoded text of one input, ready for a format reader. */
export interface DecodedInput {
  /** The input as named (path or `-`), for problems. */
  input: string;
  /** `Article.origin` for articles read from it. */
  origin: string;
  /** Fallback id: the file name without extension(s); `stdin` for `-`. */
  stem: string;
  /** The decoded content: BOM stripped, CRLF→LF. */
  content: string;
}

const EXTENSIONS: ReadonlyArray<[string, Format]> = [
  ['.txt', 'text'],
  ['.text', 'text'],
  ['.md', 'text'],
  ['.markdown', 'text'],
  ['.html', 'html'],
  ['.htm', 'html'],
  ['.xhtml', 'html'],
  ['.jsonl', 'jsonl'],
  ['.ndjson', 'jsonl'],
  ['.rss', 'feed'],
  ['.atom', 'feed'],
  ['.xml', 'feed'],
  ['.feed', 'feed'],
];

/** Format by file name (case-insensitive), `.gz` allowed on top of any known extension. */
export function formatOf(path: string): { format: Format | null; gz: boolean } {
  let name = basename(path).toLowerCase();
  const gz = name.endsWith('.gz');
  if (gz) name = name.slice(0, -3);
  for (const [ext, format] of EXTENSIONS) {
    if (name.endsWith(ext) && name.length > ext.length) return { format, gz };
  }
  return { format: null, gz };
}

/** File name without extension(s): `a/b.html.gz` → `b`, `notes.md` → `notes`, `README` → `README`. */
export function stemOf(path: string): string {
  let name = basename(path);
  if (name.toLowerCase().endsWith('.gz') && name.length > 3) name = name.slice(0, -3);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

/** The file-system entry at `path` (links followed), or null when there is none or it cannot be read. */
export function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

/**
 * Whether two paths name one file: the same device and inode when both exist (so `a.txt` and `./a.txt`, a link and
 * its target, are one), else the same absolute path (a file not yet written).
 */
export function sameFile(a: string, b: string): boolean {
  const sa = statOrNull(a);
  const sb = statOrNull(b);
  if (sa && sb) return sa.dev === sb.dev && sa.ino === sb.ino;
  return resolve(a) === resolve(b);
}

/** A one-line message for a file-system error. */
export function fsErrorMessage(err: unknown): string {
  const code = typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : '';
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOTDIR':
      return 'not a directory (a path component is a file)';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    case 'EISDIR':
      return 'is a directory';
    default:
      return code ? `cannot read (${code})` : 'cannot read';
  }
}

/** The files a folder is read for (the extensions `formatOf` knows), as the note on other files says it. */
const SUPPORTED_IN_FOLDERS = `${EXTENSIONS.map(([ext]) => ext).join(' ')} files (also .gz)`;

/**
 * Expands one named path: a file gives itself (format by extension, or null to sniff); a directory gives its
 * supported files recursively, sorted by name at each level (code-unit order), skipping dot-files and
 * dot-directories; the other files of a folder are named in one problem per folder. Problems for paths that
 * cannot be read.
 */
export async function* expandPath(path: string): AsyncGenerator<FileEntry | InputProblem> {
  let info;
  try {
    info = await stat(path);
  } catch (err) {
    yield problem(path, fsErrorMessage(err));
    return;
  }
  if (info.isDirectory()) {
    let found = 0;
    let reported = 0;
    const visited = new Set<string>();
    for await (const item of walk(path, visited)) {
      if ('kind' in item) reported++;
      else found++;
      yield item;
    }
    // Nothing read and nothing said yet (an empty folder, or only dot-files): one line, not a second one.
    if (found === 0 && reported === 0) yield problem(path, `no files to read in directory (a folder is read for ${SUPPORTED_IN_FOLDERS})`);
    return;
  }
  if (!info.isFile()) {
    yield problem(path, 'not a regular file');
    return;
  }
  yield { path, ...formatOf(path) };
}

async function* walk(dir: string, visited: Set<string>): AsyncGenerator<FileEntry | InputProblem> {
  let real: string;
  let names: string[];
  try {
    real = await realpath(dir);
    names = await readdir(dir);
  } catch (err) {
    yield problem(dir, fsErrorMessage(err));
    return;
  }
  if (visited.has(real)) return; // a symlink cycle
  visited.add(real);
  names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const other: string[] = [];
  for (const name of names) {
    if (name.startsWith('.')) continue;
    const path = join(dir, name);
    let info;
    try {
      info = await stat(path);
    } catch (err) {
      yield problem(path, fsErrorMessage(err));
      continue;
    }
    if (info.isDirectory()) {
      yield* walk(path, visited);
    } else {
      const f = info.isFile() ? formatOf(path) : null;
      if (f && f.format !== null) yield { path, format: f.format, gz: f.gz };
      else other.push(name);
    }
  }
  // Files of other types are not read (a folder of pages also holds images and styles), but not without a word.
  if (other.length > 0) {
    const named = other.slice(0, 3).join(', ');
    yield problem(dir, `${other.length} ${other.length === 1 ? 'file' : 'files'} of another type not read (${named}${other.length > 3 ? ', …' : ''}): a folder is read for ${SUPPORTED_IN_FOLDERS}`);
  }
}

/** Whole file as bytes, gunzipped when `gz`. */
export async function readBytes(path: string, gz: boolean): Promise<Buffer | InputProblem> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (err) {
    return problem(path, fsErrorMessage(err));
  }
  return gz ? gunzip(path, bytes) : bytes;
}

function gunzip(input: string, bytes: Buffer): Buffer | InputProblem {
  try {
    return gunzipSync(bytes);
  } catch {
    return problem(input, 'not a valid gzip file');
  }
}

/** The file's bytes as a stream of chunks (gunzipped when `gz`); read errors surface when iterating. */
export function byteStream(path: string, gz: boolean): AsyncIterable<Buffer> {
  const raw = createReadStream(path);
  if (!gz) return raw;
  const unzip = createGunzip();
  raw.on('error', (err) => unzip.destroy(err));
  raw.pipe(unzip);
  return unzip;
}

const BOM = [0xef, 0xbb, 0xbf] as const;

export function hasBom(bytes: Uint8Array): boolean {
  return bytes[0] === BOM[0] && bytes[1] === BOM[1] && bytes[2] === BOM[2];
}

/** Bytes from a `<meta charset>` / `http-equiv` declaration in the first 2 KB of an HTML page, if not UTF-8. */
function declaredHtmlCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 2048)).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  const label = m?.[1]?.toLowerCase();
  if (!label || label === 'utf-8' || label === 'utf8') return null;
  try {
    new TextDecoder(label);
    return label;
  } catch {
    return null;
  }
}

/**
 * Decodes a whole input: strips a UTF-8 BOM, rejects NUL bytes (binary) and invalid UTF-8, maps CRLF→LF
 * (the only normalisation), and rejects empty or whitespace-only content. For HTML (`html: true`) a page
 * that declares another charset in a `<meta>` and is not valid UTF-8 is decoded with that charset.
 */
export function decodeText(input: string, bytes: Uint8Array, opts: { html?: boolean } = {}): string | InputProblem {
  if (bytes.includes(0)) return problem(input, 'binary content (NUL bytes); not a text file');
  const body = hasBom(bytes) ? bytes.subarray(3) : bytes;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    const charset = opts.html ? declaredHtmlCharset(body) : null;
    if (charset === null) return problem(input, 'invalid UTF-8 (not a UTF-8 text file)');
    text = new TextDecoder(charset).decode(body);
  }
  if (text.trim() === '') return problem(input, 'empty file');
  return text.replace(/\r\n/g, '\n');
}

/** Decoded input for a format reader, or the problem that prevented decoding. */
export async function decodeFile(entry: FileEntry, html: boolean): Promise<DecodedInput | InputProblem> {
  const bytes = await readBytes(entry.path, entry.gz);
  if (!(bytes instanceof Uint8Array)) return bytes;
  const content = decodeText(entry.path, bytes, { html });
  if (typeof content !== 'string') return content;
  return { input: entry.path, origin: entry.path, stem: stemOf(entry.path), content };
}
