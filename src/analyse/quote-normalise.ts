/**
 * Mixed quotation marks: many articles open a quote with a straight mark and close it with a curly one
 * (or the reverse) — "We will win,” she said. The pairing in quote-marks.ts pairs like with like, so
 * such a quote is missed or runs into the next one. `unifyDoubleMarks` returns a copy of the text of the
 * same length in which every straight double mark whose role is clear from its neighbours is replaced by
 * the curly mark of that role: opening (after a space, a bracket, a dash or a colon, or at the start, and
 * followed by a non-space) → “, closing (after a non-space, and followed by a space, punctuation or the
 * end) → ”; a straight mark detached by a space after closing punctuation ('a new dawn,' " he said) → ”.
 * A curly “ right after closing punctuation and before a space (“It was close,“ he said) → ”. Any other
 * straight mark with spaces on both sides is left as it is. Offsets are unchanged, so pairs
 * found in the copy are valid offsets into the original text.
 */
export function unifyDoubleMarks(text: string): string {
  // Only the marks can change: the text between them is copied in slices (a copy built one character at a time
  // allocated ~5% of an article's analysis), and a text with nothing to change is returned as it is.
  let out = '';
  let copied = 0;
  let straight = text.indexOf('"');
  let curly = text.indexOf('“');
  while (straight >= 0 || curly >= 0) {
    const i = curly < 0 || (straight >= 0 && straight < curly) ? straight : curly;
    if (i === straight) straight = text.indexOf('"', i + 1);
    else curly = text.indexOf('“', i + 1);
    const mark = replacementAt(text, i);
    if (mark === text[i]) continue;
    out += text.slice(copied, i) + mark;
    copied = i + 1;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/** The mark `unifyDoubleMarks` puts at `i` (a straight " or a curly “ in `text`): itself, or the curly mark of its role. */
function replacementAt(text: string, i: number): string {
  const ch = text[i]!;
  const prev = text[i - 1];
  const next = text[i + 1];
  if (ch === '“') {
    // A curly opening mark used as a closing one after punctuation: “It was close,“ he said.
    return prev !== undefined && /[,.!?;]/.test(prev) && (next === undefined || /\s/.test(next)) ? '”' : ch;
  }
  const spaceBefore = prev === undefined || /[\s(\[{—–:-]/.test(prev);
  const spaceAfter = next === undefined || /\s/.test(next);
  // 'a flight to quality,' " he said — a mark detached by a space after closing punctuation closes.
  const detachedClose = prev === ' ' && /[,.!?;’']/.test(text[i - 2] ?? '') && (spaceAfter || /[.,;:!?]/.test(next ?? ''));
  if (detachedClose) return '”';
  if (spaceBefore && !spaceAfter) return '“';
  if (!spaceBefore && (spaceAfter || /[.,;:!?)\]—–-]/.test(next ?? ''))) return '”';
  return ch;
}
