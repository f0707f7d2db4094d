/**
 * The body of `POST /api/v1/articles` → a stream of articles and input problems, read with the project's own
 * readers (JSONL, HTML), so the fields, ids, language detection and problem messages are those of `compare`:
 * - `application/json`: `{"articles": [{text, title?, source?, url?, published?, id?, …}]}` (each item read
 *   exactly like a JSONL line; its position is its `line`), or `{"html": "<html>…", "url"?, "source"?}` (a
 *   saved page, extracted, never fetched);
 * - `application/x-ndjson` or `application/jsonl`: the JSONL article format, one article per line.
 * An article without an id gets one from its content (`contentHash`: the same text from the same outlet has the
 * same id, so posting it again is a duplicate, not a new article).
 */
import type { Article, InputProblem } from '../types.js';
import { readJsonl } from '../ingest/jsonl.js';
import { readHtml } from '../ingest/html.js';
import { isProblem, lineOf, tooLong, unreadNotes } from '../ingest/problem.js';
import { contentHash } from '../store/index.js';
import { HttpError } from './errors.js';
import { isRecord, optionalStringField, ValidationError } from './validation.js';

/** Most articles in one JSON body. */
export const MAX_ARTICLES_PER_REQUEST = 1000;
export const JSONL_TYPES = ['application/x-ndjson', 'application/jsonl'] as const;
/** `input` of the problems and `origin` prefix of the articles read from a request body. */
export const UPLOAD_INPUT = 'upload';
/** Stem the readers use for ids the client left out; no client id can start with a NUL. */
const NO_ID = '\u0000';

export type PostItems = AsyncIterable<Article | InputProblem>;

/** The media type of a Content-Type header (lower-case, no parameters); a charset other than UTF-8 is refused. */
export function mediaType(header: string | undefined): string {
  if (header === undefined || header.trim() === '') throw new HttpError(415, `Content-Type is missing (send application/json or ${JSONL_TYPES.join(' or ')})`);
  const [type = '', ...params] = header.split(';').map((p) => p.trim());
  for (const param of params) {
    const [name, value = ''] = param.split('=').map((p) => p.trim().toLowerCase());
    if (name === 'charset' && value.replace(/"/g, '') !== 'utf-8' && value.replace(/"/g, '') !== 'utf8') {
      throw new HttpError(415, `charset '${value.slice(0, 40)}' is not supported (send UTF-8)`);
    }
  }
  return type.toLowerCase();
}

/** Articles and problems of a body of the given media type. Throws HttpError 400/415 for a body that cannot be read at all. */
export function postItems(type: string, body: Uint8Array): PostItems {
  if (type === 'application/json') return jsonItems(body);
  if ((JSONL_TYPES as readonly string[]).includes(type)) return withContentIds(readJsonl({ input: UPLOAD_INPUT, stem: NO_ID, chunks: [body] }));
  throw new HttpError(415, `Content-Type '${type.slice(0, 80)}' is not accepted (send application/json or ${JSONL_TYPES.join(' or ')})`);
}

function jsonItems(body: Uint8Array): PostItems {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    throw new ValidationError('request body is not valid UTF-8');
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ValidationError('request body is not valid JSON');
  }
  if (!isRecord(value)) throw new ValidationError('request body must be a JSON object: {"articles": [...]} or {"html": "..."}');
  const keys = Object.keys(value);
  const unknown = keys.filter((k) => !['articles', 'html', 'url', 'source'].includes(k));
  if (unknown.length > 0) throw new ValidationError(`unknown field '${unknown[0]!.slice(0, 60)}' (expected "articles", or "html" with optional "url" and "source")`);
  if ('articles' in value) {
    if ('html' in value || 'url' in value || 'source' in value) throw new ValidationError('field \'articles\' cannot be combined with "html", "url" or "source" (give them per article)');
    return articleItems(value['articles']);
  }
  if ('html' in value) return htmlItems(value);
  throw new ValidationError('request body needs a field \'articles\' (an array) or \'html\' (a string)');
}

function articleItems(articles: unknown): PostItems {
  if (!Array.isArray(articles)) throw new ValidationError("field 'articles' must be an array of article objects");
  if (articles.length === 0) throw new ValidationError("field 'articles' is empty");
  if (articles.length > MAX_ARTICLES_PER_REQUEST) {
    throw new ValidationError(`field 'articles' holds ${articles.length} articles; at most ${MAX_ARTICLES_PER_REQUEST} per request`);
  }
  // Each item read exactly as a JSONL line would be: the same fields, defaults and problems.
  const lines = articles.map((item) => `${JSON.stringify(item ?? null)}\n`);
  return withContentIds(readJsonl({ input: UPLOAD_INPUT, stem: NO_ID, chunks: lines }));
}

function htmlItems(body: Record<string, unknown>): PostItems {
  const html = body['html'];
  if (typeof html !== 'string' || html.trim() === '') throw new ValidationError("field 'html' must be a non-empty string (the saved page)");
  const url = optionalStringField(body, 'url', 2000);
  const source = optionalStringField(body, 'source', 500);
  const page = readHtml({ input: UPLOAD_INPUT, origin: UPLOAD_INPUT, stem: NO_ID, content: html.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n') });
  return withContentIds(overrides(page, url, source));
}

async function* overrides(items: PostItems, url: string | undefined, source: string | undefined): PostItems {
  for await (const item of items) {
    if (isProblem(item)) yield item;
    else yield { ...item, url: url?.trim() || item.url, source: source?.trim() || item.source };
  }
}

/** Gives every article the client sent without an id its content id; an article over the size limit is a problem. */
async function* withContentIds(items: PostItems): PostItems {
  for await (const item of items) {
    if (isProblem(item)) {
      yield item;
      continue;
    }
    const article = item.id.startsWith(NO_ID) ? { ...item, id: contentHash(item) } : item;
    const line = lineOf(article.origin, UPLOAD_INPUT);
    const long = tooLong(article, UPLOAD_INPUT, line);
    if (long) {
      yield long;
      continue;
    }
    yield* unreadNotes(item, article.id, UPLOAD_INPUT, line);
    yield article;
  }
}
