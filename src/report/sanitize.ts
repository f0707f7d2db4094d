/**
 * Untrusted text on a terminal: article text may carry escape sequences (ESC [ ...), bell, backspace,
 * carriage returns or bidi overrides that rewrite what the reader sees. These helpers make it inert.
 */

// C0 controls except \n, DEL, C1 controls, and the bidi embedding/override/isolate controls.
const CONTROLS = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/** Replaces control characters (keeping newlines; tabs become a space) with U+FFFD. */
export function stripControls(text: string): string {
  return text.replace(CONTROLS, (c) => (c === '\t' ? ' ' : '\uFFFD'));
}

/** One line of display text: controls replaced, every run of white space (newlines too) collapsed to a space. */
export function oneLine(text: string): string {
  return stripControls(text).replace(/\s+/g, ' ').trim();
}

/** `text` cut to at most `max` characters at a word boundary where possible, with "…" when cut. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, Math.max(1, max - 1));
  const space = cut.lastIndexOf(' ');
  const head = space > max * 0.6 ? cut.slice(0, space) : cut;
  return `${head.trimEnd()}…`;
}
