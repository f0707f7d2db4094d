/**
 * Front matter at the very top of a .txt/.md file:
 *
 *     ---
 *     source: Valley Courier
 *     published: 2026-11-17T07:10:00Z
 *     ---
 *
 * The opening line is exactly `---` (trailing spaces allowed); then `key: value` lines (blank lines,
 * `#` comments and indented continuation lines are allowed and ignored); then a closing `---` (or `...`).
 * Keys are case-insensitive; known keys: id, title, source, url, published (alias date), author / byline,
 * language (alias lang). Unknown keys are ignored. Values may be wrapped in matching quotes.
 * A block with a line that is not of that shape, or without a closing line, is not front matter: the
 * text is then read as it is (a leading `---` may be a rule).
 */
import { lookupTable } from '../text/lookup-table.js';

export interface FrontMatter {
  id?: string;
  title?: string;
  source?: string;
  url?: string;
  /** Raw value, normalised later. */
  published?: string;
  byline?: string;
  /** Raw value, normalised later. */
  language?: string;
}

const KEY_ALIASES = lookupTable<keyof FrontMatter>({
  id: 'id',
  title: 'title',
  headline: 'title',
  source: 'source',
  outlet: 'source',
  url: 'url',
  published: 'published',
  date: 'published',
  author: 'byline',
  byline: 'byline',
  language: 'language',
  lang: 'language',
});

const MAX_LINES = 200;

/** Splits off a front-matter block; `body` is the text after the closing line's newline. Null when none. */
export function parseFrontMatter(text: string): { meta: FrontMatter; body: string } | null {
  const open = /^---[ \t]*\n/.exec(text);
  if (!open) return null;
  const meta: FrontMatter = {};
  let pos = open[0].length;
  for (let n = 0; n < MAX_LINES && pos <= text.length; n++) {
    const nl = text.indexOf('\n', pos);
    const end = nl === -1 ? text.length : nl;
    const line = text.slice(pos, end);
    const next = nl === -1 ? text.length : nl + 1;
    if (/^(?:---|\.\.\.)[ \t]*$/.test(line)) return { meta, body: text.slice(next) };
    if (nl === -1) return null; // no closing line
    pos = next;
    if (line.trim() === '' || /^\s*#/.test(line) || /^[ \t]/.test(line)) continue;
    const kv = /^([A-Za-z_][\w-]*)[ \t]*:(.*)$/.exec(line);
    if (!kv) return null;
    const key = KEY_ALIASES[kv[1]!.toLowerCase()];
    const value = unquote((kv[2] ?? '').trim());
    if (key !== undefined && value !== '' && meta[key] === undefined) meta[key] = value;
  }
  return null;
}

function unquote(value: string): string {
  const m = /^(["'])(.*)\1$/.exec(value);
  return m ? m[2]!.trim() : value;
}
