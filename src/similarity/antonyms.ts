/**
 * A small list of antonym pairs (words whose swap flips a statement's meaning), matched by stem.
 * "rose" in a claim against "fell" in the supporting sentence is evidence the claim is not supported (src/check), and
 * in two aligned sentences of a story a conflict of meaning (src/compare/antonym-flips.ts).
 */
import { stem } from './tokens.js';

const PAIRS: readonly (readonly [string, string])[] = [
  ['increase', 'decrease'], ['increase', 'reduce'], ['rise', 'fall'], ['rose', 'fell'], ['raise', 'lower'],
  ['grow', 'shrink'], ['gain', 'loss'], ['gain', 'lose'], ['win', 'lose'], ['won', 'lost'], ['winner', 'loser'],
  ['victory', 'defeat'], ['before', 'after'], ['earlier', 'later'], ['first', 'last'], ['start', 'end'],
  ['begin', 'end'], ['open', 'close'], ['opened', 'closed'], ['high', 'low'], ['higher', 'lower'],
  ['highest', 'lowest'], ['more', 'less'], ['more', 'fewer'], ['most', 'least'], ['large', 'small'],
  ['larger', 'smaller'], ['largest', 'smallest'], ['big', 'small'], ['long', 'short'], ['old', 'young'],
  ['old', 'new'], ['older', 'younger'], ['strong', 'weak'], ['good', 'bad'], ['better', 'worse'],
  ['best', 'worst'], ['positive', 'negative'], ['accept', 'reject'], ['approve', 'reject'], ['support', 'oppose'],
  ['allow', 'ban'], ['allow', 'forbid'], ['permit', 'prohibit'], ['legal', 'illegal'], ['guilty', 'innocent'],
  ['convict', 'acquit'], ['arrest', 'release'], ['hire', 'fire'], ['buy', 'sell'], ['bought', 'sold'],
  ['import', 'export'], ['enter', 'leave'], ['arrive', 'depart'], ['join', 'leave'], ['add', 'remove'],
  ['include', 'exclude'], ['agree', 'disagree'], ['success', 'failure'], ['succeed', 'fail'], ['true', 'false'],
  ['alive', 'dead'], ['live', 'die'], ['male', 'female'], ['man', 'woman'], ['men', 'women'], ['husband', 'wife'],
  ['father', 'mother'], ['son', 'daughter'], ['brother', 'sister'], ['boy', 'girl'], ['north', 'south'],
  ['east', 'west'], ['left', 'right'], ['up', 'down'], ['above', 'below'], ['inside', 'outside'],
  ['public', 'private'], ['domestic', 'foreign'], ['rich', 'poor'], ['cheap', 'expensive'], ['hot', 'cold'],
  ['warm', 'cold'], ['fast', 'slow'], ['easy', 'difficult'], ['safe', 'dangerous'], ['happy', 'sad'],
  ['love', 'hate'], ['friend', 'enemy'], ['ally', 'enemy'], ['attack', 'defend'], ['maximum', 'minimum'],
  ['majority', 'minority'], ['always', 'never'], ['all', 'none'], ['everyone', 'nobody'], ['include', 'omit'],
  ['confirm', 'deny'], ['admit', 'deny'], ['praise', 'criticise'], ['praise', 'criticize'], ['lead', 'trail'],
  ['ahead', 'behind'], ['upper', 'lower'], ['inner', 'outer'], ['full', 'empty'], ['heavy', 'light'],
  ['wet', 'dry'], ['light', 'dark'], ['peace', 'war'], ['ceasefire', 'war'], ['morning', 'evening'],
  ['day', 'night'], ['yesterday', 'tomorrow'], ['past', 'future'], ['ancient', 'modern'], ['remember', 'forget'],
  ['same', 'different'], ['similar', 'different'], ['likely', 'unlikely'], ['possible', 'impossible'],
  ['able', 'unable'], ['known', 'unknown'], ['common', 'rare'], ['success', 'defeat'], ['profit', 'loss'],
  ['surplus', 'deficit'], ['expand', 'contract'], ['boost', 'cut'], ['accelerate', 'slow'], ['rescue', 'abandon'],
];

/** Word pairs as a symmetric table from the stem of each word to the stems of the words paired with it. */
export function stemPairTable(pairs: readonly (readonly [string, string])[]): ReadonlyMap<string, ReadonlySet<string>> {
  const m = new Map<string, Set<string>>();
  const add = (a: string, b: string): void => {
    let s = m.get(a);
    if (!s) m.set(a, (s = new Set()));
    s.add(b);
  };
  for (const [a, b] of pairs) {
    const sa = stem(a);
    const sb = stem(b);
    if (sa === sb) continue;
    add(sa, sb);
    add(sb, sa);
  }
  return m;
}

const TABLE = stemPairTable(PAIRS);

/** The stems that are antonyms of `wordStem` (empty when it has none in the list). */
export function antonymsOf(wordStem: string): ReadonlySet<string> {
  return TABLE.get(wordStem) ?? EMPTY;
}

const EMPTY: ReadonlySet<string> = new Set();
