/**
 * Machine-rewrite traces: leftovers of a text generator that a site published with the text — a model's
 * disclaimer, a preamble announcing the rewrite, a note about what the rewrite keeps. Each pattern names a kind;
 * matches are spans of the article text. The patterns are phrases such sites are documented to leave in; they
 * are not a detector of generated text in general.
 */
import type { RewriteTrace } from './types.js';

const PATTERNS: readonly { kind: string; re: RegExp }[] = [
  { kind: 'ai-disclaimer', re: /\bAs an AI(?: language model)?\b[^.\n]*[.\n]?/gi },
  { kind: 'ai-disclaimer', re: /\bI(?:'m| am) (?:sorry|unable)[^.\n]*\b(?:as an AI|language model)\b[^.\n]*[.\n]?/gi },
  { kind: 'rewrite-preamble', re: /\b(?:Here is|Here's|Below is) (?:a |the |your )?(?:rewritten|reworded|paraphrased|revised|rephrased) (?:version of the )?(?:article|text|news|story)\b[^\n]*?[:.]/gi },
  { kind: 'rewrite-preamble', re: /^[ \t]*(?:Rewritten|Reworded|Paraphrased) (?:article|text|version|news)\b[^\n]{0,40}?:/gim },
  { kind: 'rewrite-note', re: /\bPlease note that this (?:rewrite|rewritten (?:article|version)|article|version) (?:aims|is intended|seeks)\b[^.\n]*[.\n]?/gi },
  { kind: 'rewrite-note', re: /\b(?:This|The above) (?:rewrite|rewritten (?:article|text|version)) (?:aims|is intended|seeks|maintains|preserves)\b[^.\n]*[.\n]?/gi },
];

/** The traces in one article's text (sorted by offset; overlapping matches of two patterns: the first one). */
export function rewriteTraces(article: string, text: string): RewriteTrace[] {
  const out: RewriteTrace[] = [];
  for (const { kind, re } of PATTERNS) {
    for (const m of text.matchAll(re)) {
      const start = m.index;
      const end = start + m[0].trimEnd().length;
      if (out.some((t) => start < t.end && t.start < end)) continue;
      out.push({ article, kind, start, end, text: text.slice(start, end) });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
