/**
 * A hedge one article keeps and the other drops: "the man allegedly set fire to the depot" / "the man set fire to the
 * depot", "the company plans to cut 1,200 jobs" / "the company cut 1,200 jobs", "suspected militants" / "militants",
 * "the strike may have killed 12" / "the strike killed 12"; and a modal of possibility or a hedge made "will" ("the
 * plant could reopen next month" / "the plant will reopen next month", "is expected to close" / "will close"). A
 * rewrite that turns an allegation, a plan or a possibility into a fact keeps every other word, so the two sentences
 * align as one statement and, without this check, corroborate each other. It is a conflict of meaning: the two say
 * different things about what is known.
 *
 * A dropped hedge is a phrase of HEDGES in one sentence whose words before and after stand next to each other in the
 * other sentence (the hedge cut out and nothing else), where the other sentence has no hedge at all, and the word after
 * it is a content word (the one it qualifies); a modal of MAYBE or a hedge in one sentence with "will" in its place in
 * the other, between the same words, is a possibility made certain. Both need the sentences to share most of their
 * content words (FLIP_MIN_LEXICAL) and nearly all of them outside the hedge (NAME_SWAP_MIN_REST), as a name put in
 * place of another does (./name-swaps.ts): two outlets' reports of one event that word a sentence their own way
 * ("fatally shot a carjacker who drew a gun" / "fatally shooting a suspected carjacker who had pulled a gun") are not
 * one sentence with a hedge cut out.
 */
import { overlapOutside, type Token } from '../similarity/tokens.js';
import { sideAt, type SentenceInfo } from './context.js';
import type { LinkConflict } from './types.js';
import { FLIP_MIN_LEXICAL, NAME_SWAP_MIN_REST } from './thresholds.js';
import { PhraseTable } from './phrase-table.js';

/** Words that say a claim is alleged, reported, planned or possible rather than done, as lower-case words. */
const HEDGES = new PhraseTable([
  [
    [
      'allegedly', 'reportedly', 'purportedly', 'apparently', 'supposedly', 'presumably', 'possibly', 'probably', 'alleged', 'suspected', 'unconfirmed',
      // A modal alone is no hedge to cut: "the Colts could clinch a berth" / "Colts clinch berth" is a headline's present.
      'may have', 'might have', 'could have',
      'plans to', 'planned to', 'plan to', 'intends to', 'intended to', 'wants to', 'wanted to', 'aims to', 'hopes to', 'seeks to', 'threatened to', 'threatens to',
      'is expected to', 'are expected to', 'was expected to', 'were expected to', 'expected to',
      'is said to', 'are said to', 'was said to', 'were said to', 'is believed to', 'are believed to', 'was believed to', 'were believed to', 'is thought to',
      'claimed to', 'claims to',
    ],
  ],
]);

/** Modals of possibility, which "will" makes certain. */
const MAYBE = new Set(['could', 'may', 'might']);

/** The hedges of `tokens`, as [first token, token after the last] index ranges. */
function hedgesIn(tokens: readonly Token[]): [number, number][] {
  return HEDGES.hits(tokens).map((h) => [h.from, h.to]);
}

/** The first hedge of x that y drops or makes certain, as a conflict of meaning; else null (see the module comment). */
export function hedgeDropped(x: SentenceInfo, y: SentenceInfo, lexical: number): LinkConflict | null {
  if (lexical < FLIP_MIN_LEXICAL) return null;
  const hx = hedgesIn(x.tokens);
  const hy = hedgesIn(y.tokens);
  return (hy.length === 0 ? cutOut(x, y, hx) : null) ?? (hx.length === 0 ? cutOut(y, x, hy, true) : null) ?? madeCertain(x, y) ?? madeCertain(y, x, true);
}

/** A hedge of `h` (ranges of hedges of `h`) whose neighbours stand together in `s`. `swapped`: h is the link's b side. */
function cutOut(h: SentenceInfo, s: SentenceInfo, ranges: readonly [number, number][], swapped = false): LinkConflict | null {
  for (const [from, to] of ranges) {
    const before = h.tokens[from - 1];
    const after = h.tokens[to];
    // A word on each side in its sentence, and a content word after it, the one it qualifies ("Apparently, Lionsgate
    // would like …" hedges the whole sentence, and "may only" qualifies nothing the other sentence states).
    if (!before || !after || after.stop || after.numeric) continue;
    for (let j = 0; j < s.tokens.length; j++) {
      const u = s.tokens[j]!;
      if (u.norm !== after.norm) continue;
      const prev = s.tokens[j - 1];
      if (prev?.norm !== before.norm) continue;
      const hedged = { start: h.tokens[from]!.start, end: after.end };
      if (overlapOutside(h.tokens, { start: h.tokens[from]!.start, end: h.tokens[to - 1]!.end }, s.tokens, { start: u.start, end: u.start }) < NAME_SWAP_MIN_REST) continue;
      return conflict(h, hedged, s, { start: u.start, end: u.end }, 'Hedged in one, stated as done in the other', swapped);
    }
  }
  return null;
}

/**
 * A modal of MAYBE or a hedge of HEDGES in m that c puts "will" in place of, between the same words ("could reopen" /
 * "will reopen", "is expected to close" / "will close"). `swapped`: m is the link's b side.
 */
function madeCertain(m: SentenceInfo, c: SentenceInfo, swapped = false): LinkConflict | null {
  const ranges: [number, number][] = [...m.tokens.flatMap((t, i): [number, number][] => (MAYBE.has(t.norm) ? [[i, i + 1]] : [])), ...hedgesIn(m.tokens)];
  for (const [from, to] of ranges) {
    const before = m.tokens[from - 1];
    const after = m.tokens[to];
    if (!before || !after || after.stop) continue;
    for (let j = 0; j < c.tokens.length; j++) {
      const u = c.tokens[j]!;
      if (u.norm !== 'will' || c.tokens[j + 1]?.norm !== after.norm || c.tokens[j - 1]?.norm !== before.norm) continue;
      const hedge = { start: m.tokens[from]!.start, end: m.tokens[to - 1]!.end };
      if (overlapOutside(m.tokens, hedge, c.tokens, u) < NAME_SWAP_MIN_REST) continue;
      return conflict(m, { start: hedge.start, end: after.end }, c, { start: u.start, end: c.tokens[j + 1]!.end }, 'Possible in one, certain in the other', swapped);
    }
  }
  return null;
}

function conflict(
  h: SentenceInfo,
  hs: { start: number; end: number },
  s: SentenceInfo,
  ss: { start: number; end: number },
  what: string,
  swapped: boolean,
): LinkConflict {
  const a = sideAt(h, hs.start, hs.end);
  const b = sideAt(s, ss.start, ss.end);
  const [x, y] = swapped ? [b, a] : [a, b];
  return { type: 'meaning', key: `hedge:${x.value.toLowerCase()}|${y.value.toLowerCase()}`, summary: `${what}: “${x.value}” vs “${y.value}”`, a: x, b: y };
}
