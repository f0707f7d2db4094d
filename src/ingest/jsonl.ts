/**
 * JSON Lines: one article per line `{id, text, title?, source?, url?, published?, language?, byline?|author?}`.
 *
 * Streamed line by line over the byte stream (constant memory apart from the longest line); each line is
 * decoded with a strict UTF-8 decoder so a bad line is reported with its number while the rest goes on.
 * Blank lines are skipped silently. Unknown fields are ignored; an optional text field given as something else (a
 * number, a list, an object) is read as absent, and the article marked for a note naming the field
 * (./problem.ts `markUnreadFields`). Problems (with the 1-based `line`): not JSON, not an object, no non-empty string
 * `text`, an `id` that is neither a non-empty string nor a finite number, invalid UTF-8. A `published` that is not
 * a date is read as null, and the article marked for a note (./problem.ts `markUnreadDate`). A missing id
 * (absent, null or "") becomes `<file-stem>:<line>`. `text` gets CRLF→LF only. `origin` is `path:line`.
 * Whole-input problems: NUL bytes in the first 64 KB (binary), no non-blank line (empty file), read or
 * gzip errors.
 */
import type { Article, InputProblem } from '../types.js';
import { fsErrorMessage, hasBom } from './files.js';
import { languageOf } from './language.js';
import { markUnreadDate, markUnreadFields, problem, type UnreadField } from './problem.js';
import { readPublished } from './published.js';

export interface JsonlInput {
  /** The input as named (path or `-`). */
  input: string;
  /** Fallback id prefix (file stem, or `stdin`). */
  stem: string;
  chunks: AsyncIterable<Buffer | Uint8Array | string> | Iterable<Buffer | Uint8Array | string>;
}

const BINARY_SNIFF_BYTES = 65536;

/** Splits a byte stream into lines (without the `\n`, and without a trailing `\r`). */
async function* byteLines(chunks: JsonlInput['chunks']): AsyncGenerator<Buffer> {
  let pending: Buffer[] = [];
  for await (const raw of chunks) {
    const chunk = typeof raw === 'string' ? Buffer.from(raw, 'utf8') : Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
    let from = 0;
    for (let nl = chunk.indexOf(10, from); nl !== -1; nl = chunk.indexOf(10, from)) {
      pending.push(chunk.subarray(from, nl));
      yield stripCr(pending.length === 1 ? pending[0]! : Buffer.concat(pending));
      pending = [];
      from = nl + 1;
    }
    if (from < chunk.length) pending.push(Buffer.from(chunk.subarray(from)));
  }
  if (pending.length > 0) yield stripCr(Buffer.concat(pending));
}

function stripCr(line: Buffer): Buffer {
  return line.length > 0 && line[line.length - 1] === 13 ? line.subarray(0, -1) : line;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

function optString(v: unknown): string | null {
  return typeof v === 'string' && v.trim() !== '' ? v : null;
}

/** The fields of a record read as text (besides `text` and `id`, which a record must give right). */
const TEXT_FIELDS = ['title', 'source', 'url', 'language', 'byline', 'author'] as const;

/** What a JSON value is, for a note: "a number", "a boolean", "a list", "an object". */
function kindOf(v: unknown): string {
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  return `a ${typeof v}`;
}

/** The Article of one parsed line, or a one-line problem message. */
function recordToArticle(value: unknown, fallbackId: string, origin: string): (Omit<Article, 'language'> & { lang: string | null; unread: string | null; unreadFields: UnreadField[] }) | string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'line is not a JSON object';
  const rec = value as Record<string, unknown>;
  const text = rec['text'];
  if (typeof text !== 'string' || text.trim() === '') return 'no non-empty string "text" field';
  const rawId = rec['id'];
  let id: string;
  if (rawId === undefined || rawId === null || rawId === '') id = fallbackId;
  else if (typeof rawId === 'string') id = rawId;
  else if (typeof rawId === 'number' && Number.isFinite(rawId)) id = String(rawId);
  else return '"id" must be a string or a number';
  // A NUL character (written \u0000 in the JSON) is binary content, refused like NUL bytes in a file.
  for (const field of ['id', 'text', 'title', 'source', 'url', 'byline', 'author'] as const) {
    const v = rec[field]; // as given: a fallback id is ours (the server's has a NUL by design: no path can hold one)
    if (typeof v === 'string' && v.includes('\u0000')) return `"${field}" contains a NUL character (\\u0000): binary content, not text`;
  }
  // A text field given as something else (a number, a list, an object) is read as none, with a note.
  const unreadFields: UnreadField[] = [];
  for (const field of TEXT_FIELDS) {
    const v = rec[field];
    if (v !== undefined && v !== null && typeof v !== 'string') unreadFields.push({ field, held: kindOf(v) });
  }
  return {
    unreadFields,
    id,
    title: optString(rec['title']),
    text: text.replace(/\r\n/g, '\n'),
    source: optString(rec['source']),
    url: optString(rec['url']),
    ...readPublished(rec['published']),
    lang: optString(rec['language']),
    byline: optString(rec['byline']) ?? optString(rec['author']),
    origin,
  };
}

/** One parsed JSON value of a JSON-lines input, with its 1-based line number. */
export interface JsonLine {
  line: number;
  value: unknown;
}

/**
 * The JSON values of a JSON-lines byte stream, line by line (constant memory): blank lines skipped,
 * a BOM dropped, and every line that is not valid UTF-8 or not JSON reported as a problem with its
 * number while the rest goes on. Whole-input problems: binary content, no non-blank line, read errors.
 */
export async function* readJsonValues(src: Omit<JsonlInput, 'stem'>): AsyncGenerator<JsonLine | InputProblem> {
  let lineNo = 0;
  let nonBlank = 0;
  let sniffed = 0;
  try {
    for await (let bytes of byteLines(src.chunks)) {
      lineNo++;
      if (sniffed < BINARY_SNIFF_BYTES) {
        if (bytes.includes(0)) {
          yield problem(src.input, 'binary content (NUL bytes); not a text file');
          return;
        }
        sniffed += bytes.length + 1;
      }
      if (lineNo === 1 && hasBom(bytes)) bytes = bytes.subarray(3);
      let line: string;
      try {
        line = decoder.decode(bytes);
      } catch {
        nonBlank++;
        yield problem(src.input, 'invalid UTF-8', lineNo);
        continue;
      }
      if (line.trim() === '') continue;
      nonBlank++;
      try {
        yield { line: lineNo, value: JSON.parse(line) as unknown };
      } catch {
        yield problem(src.input, 'line is not valid JSON', lineNo);
      }
    }
  } catch (err) {
    const gzip = typeof err === 'object' && err !== null && 'code' in err && String((err as { code: unknown }).code).startsWith('Z_');
    const message = !gzip ? fsErrorMessage(err) : lineNo === 0 ? 'not a valid gzip file' : `gzip data corrupt or truncated after line ${lineNo}`;
    yield problem(src.input, message);
    return;
  }
  if (nonBlank === 0) yield problem(src.input, 'empty file');
}

export async function* readJsonl(src: JsonlInput): AsyncGenerator<Article | InputProblem> {
  for await (const item of readJsonValues(src)) {
    if ('kind' in item) {
      yield item;
      continue;
    }
    const rec = recordToArticle(item.value, `${src.stem}:${item.line}`, `${src.input}:${item.line}`);
    if (typeof rec === 'string') {
      yield problem(src.input, rec, item.line);
      continue;
    }
    const { lang, unread, unreadFields, ...rest } = rec;
    const article: Article = {
      id: rest.id,
      title: rest.title,
      text: rest.text,
      source: rest.source,
      url: rest.url,
      published: rest.published,
      language: await languageOf(lang, rest.text),
      byline: rest.byline,
      origin: rest.origin,
    };
    yield markUnreadFields(markUnreadDate(article, unread), unreadFields);
  }
}
