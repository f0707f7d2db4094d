import type { Article, InputProblem } from '../types.js';

/** An InputProblem value (never thrown). `message` is one line and does not repeat the input's name. */
export function problem(input: string, message: string, line?: number): InputProblem {
  return line === undefined ? { kind: 'problem', input, message } : { kind: 'problem', input, line, message };
}

/** A note on an input that was read and kept (`kept: true`): one line saying what of it could not be used. */
export function notice(input: string, message: string, line?: number): InputProblem {
  return { ...problem(input, message, line), kept: true };
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
