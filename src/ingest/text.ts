/**
 * Plain-text and Markdown articles (.txt, .md).
 *
 * Layout: optional front matter (see frontmatter.ts), then the article. Blank lines before the article are
 * skipped. The headline rule: a first line followed by a blank line is the headline (`title`), and `text`
 * is everything after that blank line (further blank lines skipped), trailing whitespace trimmed. Nothing
 * else in the text changes (CRLF→LF happened at decoding), so offsets into `text` are offsets into the
 * file's body.
 *
 * Judgement calls:
 * - A first line longer than MAX_HEADLINE_CHARS is a paragraph, not a headline.
 * - With a front-matter `title`, that title wins, and the first line is taken as a headline (and removed)
 *   only when it repeats the title; otherwise the first line stays in the text (Markdown posts with a
 *   `title:` usually start straight with a paragraph on one line).
 * - Markdown ATX heading marks (`# `) are removed from the headline. In a .md file a first line that is an
 *   ATX heading is the headline even when no blank line follows it.
 * - A file whose only line is its first line: that line is the text and the title is null.
 * - A front-matter `published` that is not a parsable date gives `published: null` (the article is kept, with a note).
 */
import type { Article, InputProblem } from '../types.js';
import type { DecodedInput } from './files.js';
import { parseFrontMatter } from './frontmatter.js';
import { languageOf } from './language.js';
import { markUnreadDate, problem } from './problem.js';
import { readPublished } from './published.js';

export const MAX_HEADLINE_CHARS = 250;

function sameTitle(a: string, b: string): boolean {
  const norm = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return norm(a) === norm(b);
}

/** Splits a body into headline and text following the headline rule. */
export function splitHeadline(body: string, opts: { markdown?: boolean; knownTitle?: string } = {}): { title: string | null; text: string } {
  const start = /^(?:[ \t]*\n)*/.exec(body)?.[0].length ?? 0;
  const rest = body.slice(start);
  const nl = rest.indexOf('\n');
  const first = nl === -1 ? rest : rest.slice(0, nl);
  const after = nl === -1 ? '' : rest.slice(nl + 1);
  const atx = opts.markdown ? /^#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/.exec(first) : null;
  const blankFollows = /^[ \t]*(?:\n|$)/.test(after) && after.trim() !== '';
  const headlineShape = (blankFollows || (atx !== null && after.trim() !== '')) && first.trim().length <= MAX_HEADLINE_CHARS;
  const candidate = (atx ? atx[1]! : first).trim();
  const take = headlineShape && candidate !== '' && (opts.knownTitle === undefined || sameTitle(candidate, opts.knownTitle));
  if (!take) return { title: opts.knownTitle ?? null, text: rest.trimEnd() };
  const text = after.replace(/^(?:[ \t]*\n)+/, '').trimEnd();
  return { title: opts.knownTitle ?? candidate, text };
}

export async function* readText(src: DecodedInput, opts: { markdown?: boolean } = {}): AsyncGenerator<Article | InputProblem> {
  const fm = parseFrontMatter(src.content);
  const meta = fm?.meta ?? {};
  const body = fm ? fm.body : src.content;
  const { title, text } = splitHeadline(body, { markdown: opts.markdown ?? false, knownTitle: meta.title });
  if (text.trim() === '') {
    yield problem(src.input, fm ? 'no article text after the front matter' : 'no article text found');
    return;
  }
  const { published, unread } = readPublished(meta.published);
  const article: Article = {
    id: meta.id ?? src.stem,
    title,
    text,
    source: meta.source ?? null,
    url: meta.url ?? null,
    published,
    language: await languageOf(meta.language, text),
    byline: meta.byline ?? null,
    origin: src.origin,
  };
  yield markUnreadDate(article, unread);
}
