/**
 * The headline a story is shown under (the story list, the story page, the API's listing): the title of its first
 * article in the canonical order (src/article-order.ts: earliest published, undated last, then id), or, when that article has no
 * title, the first line of its text that is not a publication stamp alone (./stamp-words.ts), cut at a word to
 * HEADLINE_CHARS characters.
 */
import { isStampLine } from './stamp-words.js';

/** Most characters of a headline taken from the article text (when the first article has no title). */
export const HEADLINE_CHARS = 120;
/** The start of the article text a headline is read from (the stores read only this much of it). */
export const HEADLINE_SOURCE_CHARS = 400;

/** The headline of an article with this title and text (the stores pass only its first HEADLINE_SOURCE_CHARS). */
export function headlineOf(title: string | null, text: string): string {
  if (title !== null && title.trim() !== '') return title.trim();
  // The first line that is not a page's stamp alone ("8/2/13 at 1:30 PM"), else the first line.
  const lines = text.trim().split('\n').map((l) => l.replace(/\s+/g, ' ').trim()).filter((l) => l !== '');
  const line = lines.find((l) => !isStampLine(l)) ?? lines[0] ?? '';
  if (line.length <= HEADLINE_CHARS) return line;
  const cut = line.slice(0, HEADLINE_CHARS);
  const space = cut.lastIndexOf(' ');
  return `${(space > HEADLINE_CHARS / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
