/**
 * Rule-based sentence splitter with exact offsets.
 *
 * Paragraphs
 * - A blank line starts a new paragraph.
 * - A single newline also starts a new paragraph (one-line-per-paragraph text, headlines, list items),
 *   except inside a hard-wrapped block: a block of three or more lines where most lines end without
 *   terminal punctuation and nearly all are at least 30 characters long. There a single newline is just white space. Outside such blocks a single
 *   newline that ends a line with a comma, a hyphen, or before a line starting in lower case is also
 *   treated as a wrap.
 * - A line break always ends a sentence unless it is a wrap as above, so a headline without final
 *   punctuation is a sentence of its own.
 *
 * Sentence ends inside a paragraph: `.`, `!`, `?`, `…` (runs of them), followed by any closing quotes or
 * brackets (which belong to the sentence), then white space, then something that can start a sentence
 * (an upper-case letter, a digit, or an opening quote/bracket). Not an end:
 * - titles and other abbreviations that never end a sentence (Mr., Dr., Sen., Gov., ...), initials
 *   ("J. K. Rowling"), "No. 5";
 * - dotted abbreviations (U.S., a.m., p.m., e.g.) and ambiguous ones (Jan., St., Inc., etc.) unless the
 *   next word is a common sentence opener ("The", "He", "But", ...);
 * - decimals ("6.4") and anything followed by a lower-case word.
 *
 * Quoted passages: a boundary inside a quotation that opens and closes in the same paragraph and holds at
 * most 3 sentences (at most 2 boundaries inside) is ignored, so “A. B,” he said. stays one sentence with
 * its reporting clause. Longer quotes, and quotes that run on into the next paragraph, split normally.
 */
import type { Sentence, Span } from '../types.js';
import { codePointBoundary, trimSpan } from '../text/spans.js';
import { findQuotePairs } from './quote-marks.js';
import { sentenceBreaks } from '../text/sentence-ends.js';

interface Segment {
  start: number;
  end: number;
  paragraph: number;
}

function endsTerminal(line: string): boolean {
  return /[.!?…:;]["”’'»›)\]]*\s*$/.test(line);
}

/** The lines of the text (offsets, without the line break) in blocks of consecutive non-blank lines. Shared by every language's splitter. */
export function lineBlocks(text: string): Array<Array<{ start: number; end: number }>> {
  const lines: Array<{ start: number; end: number }> = [];
  let s = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === '\n') {
      lines.push({ start: s, end: i });
      s = i + 1;
    }
  }
  const blocks: Array<Array<{ start: number; end: number }>> = [];
  let cur: Array<{ start: number; end: number }> = [];
  for (const l of lines) {
    if (text.slice(l.start, l.end).trim() === '') {
      if (cur.length) blocks.push(cur);
      cur = [];
    } else cur.push(l);
  }
  if (cur.length) blocks.push(cur);
  return blocks;
}

/** Split the text into paragraph segments (see the module comment). */
function segments(text: string): Segment[] {
  const blocks = lineBlocks(text);

  const out: Segment[] = [];
  let paragraph = 0;
  for (const block of blocks) {
    let open = 0;
    if (block.length >= 3) {
      const body = block.slice(0, -1);
      const nonTerminal = body.filter((l) => !endsTerminal(text.slice(l.start, l.end))).length;
      const long = body.filter((l) => l.end - l.start >= 30).length;
      if (nonTerminal / body.length > 0.5 && long / body.length >= 0.8) open = 1; // hard-wrapped block
    }
    let segStart = block[0]!.start;
    for (let k = 0; k < block.length; k++) {
      const l = block[k]!;
      const next = block[k + 1];
      if (!next) break;
      const lineText = text.slice(l.start, l.end).trimEnd();
      const nextFirst = text.slice(next.start, next.end).trimStart()[0] ?? '';
      const wrap =
        open === 1 ||
        (!endsTerminal(lineText) && (/[,\-–]$/.test(lineText) || /[a-z]/.test(nextFirst)));
      if (!wrap) {
        out.push({ start: segStart, end: l.end, paragraph });
        paragraph++;
        segStart = next.start;
      }
    }
    out.push({ start: segStart, end: block[block.length - 1]!.end, paragraph });
    paragraph++;
  }
  return out;
}

/** Sentences of `text` in order, with exact offsets, trimmed, numbered from 0. */
export function splitSentences(text: string): Sentence[] {
  const segs = segments(text);
  // Quotes closed in one line, for the quoted-passage rule.
  const quotes = findQuotePairs(text).filter((q) => q.pieces.length === 1 && q.pieces[0]!.close >= 0 && q.mark !== '‘' && q.mark !== "'");
  const out: Sentence[] = [];
  for (const seg of segs) {
    const breaks = sentenceBreaks(text, seg.start, seg.end);
    // Quoted-passage rule.
    const quoted = quotes.map((q) => q.pieces[0]!).filter((p) => p.open >= seg.start && p.close < seg.end);
    cutSentences(text, seg, breaks, quoted, out);
  }
  return out;
}

/**
 * The longest sentence: a longer stretch without a sentence end (scraped text, a list run together, a file of one
 * unpunctuated line) is cut at the last white space before each MAX_SENTENCE_CHARS (or at the limit, when there
 * is none). Every later pass reads a sentence at a time, some of them per word of it, so this bounds their cost on
 * such input; real sentences are far shorter (the longest of the ~91,000 in the evaluation sets has 1,395
 * characters), so none is cut.
 */
export const MAX_SENTENCE_CHARS = 2000;

/**
 * Appends the sentences of `seg` cut at `breaks` (ascending offsets where a sentence may start), trimmed, numbered on
 * from `out.length`; a break inside a quoted passage (open–close) that holds at most two breaks is dropped: quoted
 * passages of up to three sentences stay whole; a sentence over MAX_SENTENCE_CHARS is cut. Shared by every
 * language's splitter.
 */
export function cutSentences(
  text: string,
  seg: { start: number; end: number; paragraph: number },
  breaks: readonly number[],
  quoted: readonly { open: number; close: number }[],
  out: Sentence[],
): void {
  const drop = new Set<number>();
  for (const p of quoted) {
    const inside = breaks.filter((b) => b > p.open && b <= p.close);
    if (inside.length > 0 && inside.length <= 2) for (const b of inside) drop.add(b);
  }
  const push = (span: Span): void => {
    if (span.end > span.start) out.push({ start: span.start, end: span.end, text: span.text, index: out.length, paragraph: seg.paragraph });
  };
  let s = seg.start;
  for (const b of [...breaks.filter((x) => !drop.has(x)), seg.end]) {
    let sentence = trimSpan(text, s, b);
    while (sentence.end - sentence.start > MAX_SENTENCE_CHARS) {
      // At the last white space within the limit, else at the limit (not inside a character).
      const a = sentence.start;
      let cut = a + MAX_SENTENCE_CHARS;
      while (cut > a && !/\s/.test(text[cut]!)) cut--;
      if (cut === a) cut = codePointBoundary(text, a + MAX_SENTENCE_CHARS);
      push(trimSpan(text, a, cut));
      sentence = trimSpan(text, cut, sentence.end);
    }
    push(sentence);
    s = b;
  }
}
