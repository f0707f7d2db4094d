import type { Article, InputProblem } from '../types.js';

/** An InputProblem value (never thrown). `message` is one line and does not repeat the input's name. */
export function problem(input: string, message: string, line?: number): InputProblem {
  return line === undefined ? { kind: 'problem', input, message } : { kind: 'problem', input, line, message };
}

/** A note on an input that was read and kept (`kept: true`): one line saying what of it could not be used. */
export function notice(input: string, message: string, line?: number): InputProblem {
  return { ...problem(input, message, line), kept: true };
}

/**
 * What articles were read with but could not use, by article: a `published` value that is not a date, fields of a
 * JSON record that are not text (set by the readers, read by whoever yields the article last: `readInputs`, the
 * server's post body), so the notes come after every check that may still skip or rename the article, and name it
 * by its final id.
 */
const unread = new WeakMap<Article, { published: string | null; fields: readonly UnreadField[] }>();

/** A field of an input record that was given but not read: its name and what it held instead of text. */
export interface UnreadField {
  field: string;
  /** "a number", "an object", ... */
  held: string;
}

/** Marks `article` as read with a `published` value (`given`, as shown) that is not a date. */
export function markUnreadDate(article: Article, given: string | null): Article {
  if (given !== null) unread.set(article, { published: given, fields: unread.get(article)?.fields ?? [] });
  return article;
}

/** Marks `article` as read from a record whose `fields` were given but are not text (read as none). */
export function markUnreadFields(article: Article, fields: readonly UnreadField[]): Article {
  if (fields.length > 0) unread.set(article, { published: unread.get(article)?.published ?? null, fields });
  return article;
}

/** The notes on `read` (the article as its reader yielded it) for what it was marked with, naming it `id`. */
export function unreadNotes(read: Article, id: string, input: string, line?: number): InputProblem[] {
  const marks = unread.get(read);
  if (marks === undefined) return [];
  const out: InputProblem[] = [];
  if (marks.published !== null) {
    out.push(notice(input, `'published' ${marks.published} of '${id}' is not a date (ISO 8601, RFC 2822, or a day with a month name and year); read as undated`, line));
  }
  for (const f of marks.fields) out.push(notice(input, `'${f.field}' of '${id}' is ${f.held}, not text; read as none`, line));
  return out;
}

export function isProblem(item: Article | InputProblem): item is InputProblem {
  return (item as InputProblem).kind === 'problem';
}

/** The JSONL line number in an origin `input:line`, if it is one. */
export function lineOf(origin: string, input: string): number | undefined {
  if (!origin.startsWith(`${input}:`)) return undefined;
  const n = Number(origin.slice(input.length + 1));
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

/** The one line a user sees: `input[:line]: message`. */
export function formatProblem(p: InputProblem): string {
  return `${p.input}${p.line === undefined ? '' : `:${p.line}`}: ${p.message}`;
}

/**
 * The longest article text read (characters): ~5× the longest news features, and what analysis and comparison
 * still do in seconds. A longer "article" (a book, a log file, a page of data run together) is reported and
 * skipped, not cut: a report on part of it would look like a report on all of it.
 */
export const MAX_ARTICLE_CHARS = 1_000_000;

/** The problem of an article whose text is over MAX_ARTICLE_CHARS, or null. */
export function tooLong(article: Article, input: string, line?: number): InputProblem | null {
  if (article.text.length <= MAX_ARTICLE_CHARS) return null;
  const size = article.text.length.toLocaleString('en-US');
  return problem(input, `text of '${article.id}' is ${size} characters, over the limit of ${MAX_ARTICLE_CHARS.toLocaleString('en-US')} for one article`, line);
}
