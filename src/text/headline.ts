/**
 * The headline a story is shown under (the story list, the story page, the API's listing): the title of its first
 * article in the canonical order (src/article-order.ts: earliest published, undated last, then id), or, when that article has no
 * title, the first line of its text cut at a word to HEADLINE_CHARS characters.
 */

/** Most characters of a headline taken from the article text (when the first article has no title). */
export const HEADLINE_CHARS = 120;
/** The start of the article text a headline is read from (the stores read only this much of it). */
export const HEADLINE_SOURCE_CHARS = 400;

/** The headline of an article with this title and text (the stores pass only its first HEADLINE_SOURCE_CHARS). */
export function headlineOf(title: string | null, text: string): string {
  if (title !== null && title.trim() !== '') return title.trim();
  const line = text.trim().split('\n')[0]?.replace(/\s+/g, ' ').trim() ?? '';
  if (line.length <= HEADLINE_CHARS) return line;
  const cut = line.slice(0, HEADLINE_CHARS);
  const space = cut.lastIndexOf(' ');
  return `${(space > HEADLINE_CHARS / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
