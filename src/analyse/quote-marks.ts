/**
 * Pairs of quotation marks in a text: curly “…”, straight "…", two apostrophes ''…'' (old newspaper archives),
 * guillemets «…» / »…« and ‹…›, and single quotes, curly ‘…’ or straight '…' (British style), when clearly a quote
 * (not an apostrophe).
 *
 * Pairing is done per line (a quote never closes on a later line), except for the news convention for
 * quotes running over several paragraphs: a paragraph that opens with a mark and has no closing one
 * continues into the next paragraph when that one also opens with a mark. Such a quote is returned as
 * one `QuotePair` with one piece per paragraph.
 */

export interface QuotePiece {
  /** Offset of the opening mark. */
  open: number;
  /** Offset of the closing mark, or -1 when the piece runs to the end of its line (continued quote). */
  close: number;
  /** The words inside the marks (whitespace trimmed). */
  innerStart: number;
  innerEnd: number;
}

export interface QuotePair {
  /** The mark style: “ " « » ‹ ‘ ' (a straight single quote) or '' (two apostrophes) */
  mark: string;
  pieces: QuotePiece[];
  /** Start of the first piece's inner text; end of the last one's. */
  innerStart: number;
  innerEnd: number;
  /** Offset of the first opening mark and just after the last closing mark (or line end). */
  outerStart: number;
  outerEnd: number;
}

const OPEN_CLOSE: Record<string, string> = { '“': '”', '«': '»', '‹': '›', '„': '”' };
/** The characters `pairsInLine` looks at: opening marks (OPEN_CLOSE), », straight quotes and ‘. */
const MARK = /[“«‹„»'"‘]/g;

function isSpace(ch: string | undefined): boolean {
  return ch === undefined || /\s/.test(ch);
}
function isLetterOrDigit(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
}

interface Line {
  start: number;
  end: number;
}

function linesOf(text: string): Line[] {
  const out: Line[] = [];
  let s = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === '\n') {
      out.push({ start: s, end: i });
      s = i + 1;
    }
  }
  return out;
}

function trimInner(text: string, s: number, e: number): [number, number] {
  let a = s;
  let b = e;
  while (a < b && /\s/.test(text[a] ?? '')) a++;
  while (b > a && /\s/.test(text[b - 1] ?? '')) b--;
  return [a, b];
}

/** Straight double quote at i: is it an opening mark (by context)? */
function straightOpens(text: string, i: number): boolean {
  const prev = text[i - 1];
  const next = text[i + (text[i] === "'" ? 2 : 1)];
  if (isSpace(next)) return false;
  return prev === undefined || /[\s(\[{\u2014\u2013:—-]/.test(prev);
}

/** The words of a straight single-quoted pair read as a quotation: punctuation before the closing mark, or eight words. */
function looksQuoted(inner: string): boolean {
  const t = inner.trimEnd();
  return /[,.!?…:;]$/.test(t) || t.split(/\s+/).length >= 8;
}

/** Closing ’ candidates for an opening ‘ : not between letters (apostrophe), not a plural possessive before a noun. */
function singleCloses(text: string, i: number): boolean {
  const prev = text[i - 1];
  const next = text[i + 1];
  if (isLetterOrDigit(prev) && isLetterOrDigit(next)) return false;
  if (isLetterOrDigit(next)) return false;
  if (prev === 's' && next === ' ' && /[a-z]/.test(text[i + 2] ?? '')) return false;
  return true;
}

/** Quote pairs in one line, as pieces with the unclosed trailing piece (if any) returned separately. */
function pairsInLine(text: string, line: Line): { closed: Array<{ mark: string; piece: QuotePiece }>; open: { mark: string; at: number } | null } {
  const closed: Array<{ mark: string; piece: QuotePiece }> = [];
  let i = line.start;
  let unclosed: { mark: string; at: number } | null = null;
  while (i < line.end) {
    // Every other character is stepped over by the branches below: go straight to the next mark.
    MARK.lastIndex = i;
    const found = MARK.exec(text);
    if (!found || found.index >= line.end) break;
    i = found.index;
    const ch = text[i]!;
    let closeAt = -1;
    let mark = '';
    if (ch in OPEN_CLOSE) {
      mark = ch === '„' ? '“' : ch;
      const closer = OPEN_CLOSE[ch]!;
      closeAt = text.indexOf(closer, i + 1);
      if (closeAt >= line.end) closeAt = -1;
      // A nested opening of the same kind before the closer means we are looking at an unbalanced mark; keep it simple.
    } else if (ch === '»' && isLetterOrDigit(text[i + 1])) {
      // Reversed guillemets (»…«), used in German and Danish.
      mark = '»';
      closeAt = text.indexOf('«', i + 1);
      if (closeAt >= line.end) closeAt = -1;
    } else if (ch === "'" && text[i + 1] === "'" && text[i + 2] !== "'" && straightOpens(text, i) && !isSpace(text[i + 2])) {
      // Two apostrophes as a double quote (''…'', as in the New York Times archive). `closeAt` is the
      // last character of the closing pair, so that the piece's `close + 1` is just after it.
      let k = text.indexOf("''", i + 2);
      if (k >= 0 && text[k + 2] === "'") k++;
      if (k >= 0 && k < line.end) {
        mark = "''";
        const [a, b] = trimInner(text, i + 2, k);
        if (b > a) closed.push({ mark, piece: { open: i, close: k + 1, innerStart: a, innerEnd: b } });
        i = k + 2;
        continue;
      }
    } else if (ch === '"') {
      if (straightOpens(text, i)) {
        mark = '"';
        closeAt = text.indexOf('"', i + 1);
        if (closeAt >= line.end) closeAt = -1;
      }
    } else if (ch === '‘' || ch === "'") {
      // A single quote, curly ‘…’ or straight '…' (British style): it opens before a letter, after white space or
      // an opening mark, and closes at the first mark of its kind that is not an apostrophe (singleCloses).
      const prev = text[i - 1];
      const next = text[i + 1];
      const closer = ch === '‘' ? '’' : "'";
      if ((prev === undefined || /[\s“"(\[—–-]/.test(prev)) && /\p{L}/u.test(next ?? '')) {
        let j = i + 1;
        closeAt = -1;
        while (j < line.end) {
          const k = text.indexOf(closer, j);
          if (k < 0 || k >= line.end) break;
          // Do not run past the end of an enclosing double quote.
          const dbl = text.indexOf('”', i + 1);
          if (dbl >= 0 && dbl < k && dbl < line.end) break;
          if (singleCloses(text, k)) {
            closeAt = k;
            break;
          }
          j = k + 1;
        }
        // A straight pair is also how scare quotes and titles are written ('so-called', 'Brexit'): it counts as a
        // quotation when its words end in punctuation inside the mark ('… it,' she said) or run to eight words.
        if (closeAt >= 0 && ch === "'" && !looksQuoted(text.slice(i + 1, closeAt))) closeAt = -1;
        if (closeAt >= 0) mark = ch;
      }
    }
    if (mark === '') {
      i++;
      continue;
    }
    if (closeAt < 0) {
      // Unclosed: only meaningful for a double mark opening the line (continued paragraph quote).
      if (mark !== '‘' && unclosed === null) unclosed = { mark, at: i };
      i++;
      continue;
    }
    const [a, b] = trimInner(text, i + 1, closeAt);
    if (b > a) closed.push({ mark, piece: { open: i, close: closeAt, innerStart: a, innerEnd: b } });
    // Single quotes may nest inside double quotes: scan inside them too.
    if (mark !== '‘' && mark !== "'") {
      for (let k = i + 1; k < closeAt; k++) {
        if (text[k] === '‘') {
          const sub = pairsInLine(text, { start: k, end: closeAt });
          for (const c of sub.closed) if (c.mark === '‘') closed.push(c);
          break;
        }
      }
    }
    i = closeAt + 1;
  }
  return { closed, open: unclosed };
}

/** Every quotation in `text`, in order of the opening mark. Nested single quotes are listed too. */
export function findQuotePairs(text: string): QuotePair[] {
  const out: QuotePair[] = [];
  const lines = linesOf(text);
  let pending: { mark: string; pieces: QuotePiece[] } | null = null;
  const flush = (): void => {
    if (pending && pending.pieces.length > 0) out.push(toPair(pending.mark, pending.pieces));
    pending = null;
  };
  for (const line of lines) {
    let ls = line.start;
    while (ls < line.end && /\s/.test(text[ls]!)) ls++;
    if (ls >= line.end) continue; // blank line: does not interrupt a continued quote
    const { closed, open } = pairsInLine(text, line);
    const opensLine = text[ls] === '“' || text[ls] === '"' || text[ls] === '«';
    if (pending) {
      if (opensLine) {
        // The continued quote goes on in this paragraph.
        const firstClosed = closed.find((c) => c.piece.open === ls);
        if (firstClosed) {
          (pending as { pieces: QuotePiece[] }).pieces.push(firstClosed.piece);
          closed.splice(closed.indexOf(firstClosed), 1);
          flush();
        } else if (open && open.at === ls) {
          const [a, b] = trimInner(text, ls + 1, line.end);
          (pending as { pieces: QuotePiece[] }).pieces.push({ open: ls, close: -1, innerStart: a, innerEnd: b });
          for (const c of closed) out.push(toPair(c.mark, [c.piece]));
          continue;
        } else flush();
      } else flush();
    }
    for (const c of closed) out.push(toPair(c.mark, [c.piece]));
    if (open) {
      // A paragraph that opens a quote and never closes it: candidate for continuation.
      const [a, b] = trimInner(text, open.at + 1, line.end);
      pending = { mark: open.mark, pieces: [{ open: open.at, close: -1, innerStart: a, innerEnd: b }] };
    }
  }
  if (pending) {
    // Never closed: keep what we have (the quote ran to the end of its last paragraph).
    flush();
  }
  out.sort((x, y) => x.outerStart - y.outerStart || y.outerEnd - x.outerEnd);
  // A text that quotes with double marks (American style) writes single straight ones for headlines, titles and
  // quotes within quotes: they are quotations only in a text that has no double ones (British style).
  if (out.some((q) => q.mark !== "'" && q.mark !== '‘')) return out.filter((q) => q.mark !== "'");
  return out;
}

function toPair(mark: string, pieces: QuotePiece[]): QuotePair {
  const first = pieces[0]!;
  const last = pieces[pieces.length - 1]!;
  return {
    mark,
    pieces,
    innerStart: first.innerStart,
    innerEnd: last.innerEnd,
    outerStart: first.open,
    outerEnd: last.close >= 0 ? last.close + 1 : last.innerEnd,
  };
}
