/**
 * Ingest: named inputs → a stream of Article records and InputProblem values (never thrown).
 *
 * - A file is read by its extension (.txt/.md → text.ts, .html/.htm → html.ts, .jsonl → jsonl.ts,
 *   .rss/.atom/.xml/.feed → feed.ts; each may be gzipped, `.gz`); a file of unknown extension that the user
 *   named is sniffed: a feed if it starts with `<rss`, `<feed`, `<rdf:RDF` or `<?xml` (an XHTML page
 *   excepted, see feed.ts looksLikeFeed), else HTML if its first non-blank character is `<`, else text.
 * - A directory recurses, sorted by name at each level (code-unit order); dot-files are skipped silently, files
 *   of unknown extension inside it are named in one problem per folder (./files.ts).
 * - `-` reads stdin (options.stdin, default process.stdin): JSONL if the first non-blank character is `{`,
 *   a feed if it looks like one (as for files), HTML if `<`, else text. Named more than once, it is read once.
 * - An article whose text is over MAX_ARTICLE_CHARS (./problem.ts) is not yielded: a problem says so.
 * - Ids must be unique within a run: the second and later article with an id already seen is not yielded;
 *   a problem "duplicate id 'x' (first from <origin>)" is yielded instead, or, when its text differs from the
 *   first one's (white space aside), "id 'x' is already used by <origin> for another text" (not a copy: two articles under one id; the
 *   first is kept). Except a file whose id is its
 *   name, when another file of that name came first: it is named by its path without the extension ("s2/a").
 *
 * Problems name the input (`input`, and `line` for JSONL) and carry a one-line message; print them with
 * formatProblem().
 */
import type { Article, InputProblem } from '../types.js';
import { basename } from 'node:path';
import { byteStream, decodeFile, decodeText, expandPath, readBytes, sameFile, stemOf, type DecodedInput, type FileEntry } from './files.js';
import { decodeFeed, looksLikeFeedBytes, readFeed } from './feed.js';
import { readHtml } from './html.js';
import { readJsonl } from './jsonl.js';
import { isProblem, lineOf, problem, tooLong, unreadNotes } from './problem.js';
import { readText } from './text.js';
import { shortHash } from '../text/hash.js';
import { normaliseContent } from '../text/normalise.js';

export { formatProblem, isProblem } from './problem.js';

export interface ReadInputsOptions {
  /** Stream read for `-` (default: process.stdin). */
  stdin?: NodeJS.ReadableStream;
}

export async function* readInputs(paths: string[], options: ReadInputsOptions = {}): AsyncGenerator<Article | InputProblem> {
  /**
   * Origin of the article first read under an id, and a hash of its text as the store compares texts (white space
   * aside: a copy re-wrapped in another format is a copy, not another text under that id).
   */
  const seen = new Map<string, { origin: string; text: string }>();
  let stdinRead = false;
  for (const path of paths) {
    let items: AsyncIterable<{ item: Article | InputProblem; input: string }>;
    if (path === '-') {
      if (stdinRead) {
        yield problem('-', 'stdin named more than once; read once');
        continue;
      }
      stdinRead = true;
      items = tagged('-', readStdin(options.stdin ?? process.stdin));
    } else {
      items = readPath(path);
    }
    for await (const { item, input } of items) {
      if (isProblem(item)) {
        yield item;
        continue;
      }
      const long = tooLong(item, input, lineOf(item.origin, input));
      if (long) {
        yield long;
        continue;
      }
      let article = item;
      const first = seen.get(article.id)?.origin;
      if (first !== undefined && article.origin === input && article.id === stemOf(input) && !sameFile(first, input)) {
        // Two files of one name in different folders ("s1/a.txt", "s2/a.txt"): the id a file's name gave is
        // not the user's, so the later one is named by its path instead of being lost. (Only an article that is
        // a whole file — not a JSONL line or a feed item, whose ids are their own — and not the same file named
        // again another way: "a.txt" and "./a.txt" are one article.)
        article = { ...article, id: pathId(article.origin) };
      }
      const taken = seen.get(article.id);
      const text = shortHash(normaliseContent(article.text));
      if (taken !== undefined) {
        const why = taken.text === text ? `duplicate id '${article.id}' (first from ${taken.origin})` : `id '${article.id}' is already used by ${taken.origin} for another text`;
        yield problem(input, why, lineOf(article.origin, input));
        continue;
      }
      seen.set(article.id, { origin: article.origin, text });
      yield* unreadNotes(item, article.id, input, lineOf(article.origin, input));
      yield article;
    }
  }
}

async function* tagged(input: string, items: AsyncIterable<Article | InputProblem>): AsyncGenerator<{ item: Article | InputProblem; input: string }> {
  for await (const item of items) yield { item, input };
}

/** A file's path without its extension (and `.gz`): the id of a file whose name is taken by another file's. */
function pathId(path: string): string {
  const stem = stemOf(path);
  const at = path.lastIndexOf(basename(path));
  return `${path.slice(0, at)}${stem}`;
}


async function* readPath(path: string): AsyncGenerator<{ item: Article | InputProblem; input: string }> {
  for await (const entry of expandPath(path)) {
    if ('kind' in entry) yield { item: entry, input: entry.input };
    else yield* tagged(entry.path, readFileEntry(entry));
  }
}

/** Reads one file by its format (or sniffs it when the format is unknown). */
export async function* readFileEntry(entry: FileEntry): AsyncGenerator<Article | InputProblem> {
  if (entry.format === 'jsonl') {
    yield* readJsonl({ input: entry.path, stem: stemOf(entry.path), chunks: byteStream(entry.path, entry.gz) });
    return;
  }
  let src: DecodedInput | InputProblem;
  if (entry.format === 'feed' || entry.format === null) {
    const bytes = await readBytes(entry.path, entry.gz);
    if (!(bytes instanceof Uint8Array)) {
      yield bytes;
      return;
    }
    if (entry.format === 'feed' || looksLikeFeedBytes(bytes)) {
      yield* readFeedBytes(entry.path, entry.path, stemOf(entry.path), bytes);
      return;
    }
    const content = decodeText(entry.path, bytes, { html: true });
    src = typeof content === 'string' ? { input: entry.path, origin: entry.path, stem: stemOf(entry.path), content } : content;
  } else {
    src = await decodeFile(entry, entry.format !== 'text');
  }
  if ('kind' in src) {
    yield src;
    return;
  }
  const format = entry.format ?? (src.content.trimStart().startsWith('<') ? 'html' : 'text');
  if (format === 'html') yield* readHtml(src);
  else yield* readText(src, { markdown: /\.(?:md|markdown)(?:\.gz)?$/i.test(entry.path) });
}

async function* readFeedBytes(input: string, origin: string, stem: string, bytes: Uint8Array): AsyncGenerator<Article | InputProblem> {
  const content = decodeFeed(input, bytes);
  if (typeof content !== 'string') yield content;
  else yield* readFeed({ input, origin, stem, content });
}

function toBuffer(chunk: string | Buffer | Uint8Array): Buffer {
  return typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}

/** First non-white-space byte (after an optional BOM), or undefined. */
function firstNonBlank(bytes: Buffer): number | undefined {
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  for (; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) return b;
  }
  return undefined;
}

async function* readStdin(stream: NodeJS.ReadableStream): AsyncGenerator<Article | InputProblem> {
  const it = (stream as AsyncIterable<string | Buffer>)[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  let first: number | undefined;
  try {
    while (first === undefined) {
      const r = await it.next();
      if (r.done) break;
      head.push(toBuffer(r.value));
      first = firstNonBlank(Buffer.concat(head));
    }
  } catch {
    yield problem('-', 'cannot read stdin');
    return;
  }
  if (first === undefined) {
    yield problem('-', 'empty input');
    return;
  }
  if (first === 0x7b /* { */) {
    const chunks = (async function* (): AsyncGenerator<Buffer> {
      yield* head;
      for (let r = await it.next(); !r.done; r = await it.next()) yield toBuffer(r.value);
    })();
    yield* readJsonl({ input: '-', stem: 'stdin', chunks });
    return;
  }
  try {
    for (let r = await it.next(); !r.done; r = await it.next()) head.push(toBuffer(r.value));
  } catch {
    yield problem('-', 'cannot read stdin');
    return;
  }
  const bytes = Buffer.concat(head);
  if (first === 0x3c /* < */ && looksLikeFeedBytes(bytes)) {
    yield* readFeedBytes('-', '-', 'stdin', bytes);
    return;
  }
  const content = decodeText('-', bytes, { html: first === 0x3c });
  if (typeof content !== 'string') {
    yield content;
    return;
  }
  const src = { input: '-', origin: '-', stem: 'stdin', content };
  if (first === 0x3c /* < */) yield* readHtml(src);
  else yield* readText(src);
}
