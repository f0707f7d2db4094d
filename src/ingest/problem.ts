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
 * The `published` values articles were read with but could not use, by article (set by the readers, read by whoever
 * yields the article last: `readInputs`, the server's post body), so the note comes after every check that may still
 * skip or rename the article, and names it by its final id.
 */
const unreadDates = new WeakMap<Article, string>();

/** Marks `article` as read with a `published` value (`given`, as shown) that is not a date. */
export function markUnreadDate(article: Article, given: string | null): Article {
  if (given !== null) unreadDates.set(article, given);
  return article;
}

/** The note on `read` (the article as its reader yielded it) when it was marked, naming it `id`; else null. */
export function unreadDateNote(read: Article, id: string, input: string, line?: number): InputProblem | null {
  const given = unreadDates.get(read);
  if (given === undefined) return null;
  return notice(input, `'published' ${given} of '${id}' is not a date (ISO 8601, RFC 2822, or a day with a month name and year); read as undated`, line);
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
