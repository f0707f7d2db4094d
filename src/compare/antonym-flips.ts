/**
 * Opposite words in two aligned sentences: "prices rose 12%" / "prices fell 12 percent", "the authority approved the
 * contract" / "the authority rejected the contract", "more passengers" / "fewer passengers". A rewrite that swaps one
 * word for its opposite keeps every other word, so the two sentences align as the same statement; without this check
 * the ledger would count them as corroborating each other.
 *
 * A flip is a word of one sentence whose antonym (../similarity/antonyms.ts, by stem) stands in the other, where neither
 * sentence has both words, in the same frame: the words before and after it are the same in both sentences ("prices
 * rose 12%" / "prices fell 12 percent"; a number counts as any number, so a rewrite that also changed the count next to
 * the word shows both changes: "40 civilians" / "25 soldiers"), and the sentences share most of their content words
 * (FLIP_MIN_LEXICAL).
 * Reports of one event told apart pair opposite words about other things ("a 63-year-old woman and two men" / "a
 * 47-year-old man and a 48-year-old man"); those fail one of the two.
 */
import { antonymsOf, stemPairTable } from '../similarity/antonyms.js';
import { sameFrame, sameWideFrame, tokensAround } from '../similarity/tokens.js';
import { sideAt, type SentenceInfo } from './context.js';
import type { LinkConflict } from './types.js';
import { FLIP_MIN_LEXICAL } from './thresholds.js';
import { PhraseTable, type PhraseHit } from './phrase-table.js';

/**
 * Outcomes that exclude each other though they are no antonyms: a report that turns the injured into the dead changes
 * the story as much as one that turns "rose" into "fell". Read here only, not by `check`, whose model was fitted on the
 * antonym table alone.
 */
const OUTCOMES: readonly (readonly [string, string])[] = [
  ['killed', 'injured'], ['killed', 'wounded'], ['killed', 'hurt'], ['dead', 'injured'], ['dead', 'wounded'],
  ['deaths', 'injuries'], ['died', 'survived'], ['convicted', 'charged'], ['arrested', 'questioned'],
  // Who was hit, how it came about, and what was decided, as rewrites of war and policy news turn them.
  ['civilians', 'soldiers'], ['civilians', 'troops'], ['civilians', 'militants'], ['civilians', 'fighters'], ['civilian', 'military'],
  ['deliberately', 'accidentally'], ['intentionally', 'accidentally'], ['deliberate', 'accidental'],
  ['cut', 'create'], ['agreed', 'rejected'], ['accepted', 'refused'], ['agreed', 'refused'],
  ['lifted', 'imposed'], ['ease', 'tighten'], ['eased', 'tightened'], ['raise', 'cut'], ['raised', 'cut'],
  // How an act was received and what it was, as state-media rewrites turn them.
  ['condemned', 'welcomed'], ['condemned', 'praised'], ['criticised', 'praised'], ['criticized', 'praised'], ['denounced', 'welcomed'],
  ['peaceful', 'violent'], ['invasion', 'liberation'], ['occupied', 'liberated'], ['occupation', 'liberation'],
  // Who did it, when a rewrite hands the act to the other side of a clash ("shot by police" / "shot by protesters").
  ['police', 'protesters'], ['police', 'demonstrators'], ['officers', 'protesters'], ['officers', 'demonstrators'],
];
const OUTCOME_TABLE = stemPairTable(OUTCOMES);

/** The stems opposite `wordStem`: its antonyms, and the outcomes that exclude it. */
function oppositesOf(wordStem: string): Iterable<string> {
  const outcomes = OUTCOME_TABLE.get(wordStem);
  return outcomes ? [...antonymsOf(wordStem), ...outcomes] : antonymsOf(wordStem);
}

/**
 * Opposite phrases of more than one word, or of words too common for the stem tables ("voted for" / "voted against"):
 * each entry two sides, a phrase of one side against one of the other, as lower-case words. The same frame is asked of
 * them as of single words, and the same second word after them too (`sameWideFrame`).
 */
const OPPOSITE_PHRASES: readonly (readonly [readonly string[], readonly string[]])[] = [
  [['under control', 'brought under control'], ['out of control']],
  [
    ['withdrew from', 'withdrawn from', 'withdraw from', 'withdrawing from', 'pulled out of', 'pull out of', 'retreated from', 'retreat from'],
    ['entered', 'enter', 'captured', 'capture', 'seized', 'seize', 'took control of', 'moved into', 'advanced into'],
  ],
  [['for', 'in favour of', 'in favor of'], ['against']],
];
/**
 * Words that frame one thing two ways, as state-media rewrites of agency and mainstream copy swap them ("Russia's war in
 * Ukraine" / "Russia's special military operation in Ukraine", "the Ukrainian government" / "the Kyiv regime"). Not a
 * fact in dispute but a change of what the reader is told the thing is: "Framed otherwise", a conflict of meaning, under
 * the same conditions as an opposite phrase.
 */
const FRAMINGS: readonly (readonly [readonly string[], readonly string[]])[] = [
  [['war', 'invasion', 'full-scale invasion', 'aggression', 'attack'], ['special military operation', 'special operation', 'military operation']],
  [
    ['government', 'authorities', 'leadership', 'administration', 'ukrainian government', 'ukrainian authorities', 'government in kyiv'],
    ['regime', 'junta', 'kyiv regime', 'kiev regime', 'zelensky regime', 'kyiv junta', 'kiev junta'],
  ],
  [['annexation', 'annexed', 'illegal annexation', 'illegally annexed'], ['reunification', 'reunified', 'accession', 'joined']],
  [['occupied territories', 'occupied regions', 'occupied areas'], ['new regions', 'new territories', 'liberated territories', 'liberated areas']],
  [['soldiers', 'troops', 'servicemen', 'forces'], ['militants', 'nationalists', 'neo-nazis', 'mercenaries', 'terrorists']],
  [['protesters', 'demonstrators'], ['rioters', 'extremists', 'provocateurs']],
  [['withdrawal', 'retreat'], ['regrouping', 'goodwill gesture']],
];

/**
 * What a strike hit, civilian or military, the swap war reporting is most often falsified by ("the missile hit a
 * hospital" / "the missile hit a military base"): "Target named otherwise", a conflict of meaning on the opposite-phrase
 * conditions. Words that name either ("depot", "base", "facility") are left out.
 */
const TARGETS: readonly (readonly [readonly string[], readonly string[]])[] = [
  [
    [
      'hospital', 'maternity hospital', 'clinic', 'school', 'kindergarten', 'university', 'church', 'mosque', 'cathedral', 'synagogue', 'market',
      'shopping centre', 'shopping center', 'shopping mall', 'supermarket', 'residential building', 'apartment building', 'apartment block',
      'residential area', 'residential district', 'homes', 'playground', 'theatre', 'theater', 'museum', 'railway station', 'bus station',
    ],
    [
      'military base', 'air base', 'airbase', 'naval base', 'barracks', 'military facility', 'military target', 'military airfield', 'airfield',
      'ammunition depot', 'arms depot', 'weapons depot', 'command post', 'military headquarters', 'firing position', 'firing positions',
      'military positions', 'air defence system', 'air defense system',
    ],
  ],
];

const PHRASE_TABLE = new PhraseTable(OPPOSITE_PHRASES);
const FRAMING_TABLE = new PhraseTable(FRAMINGS);
const TARGET_TABLE = new PhraseTable(TARGETS);

/** The first pair of opposite words of two aligned sentences of one language, as a conflict of meaning; else null. */
export function antonymFlip(x: SentenceInfo, y: SentenceInfo, lexical: number): LinkConflict | null {
  if (lexical < FLIP_MIN_LEXICAL) return null;
  return (
    wordFlip(x, y) ??
    phraseFlip(x, y, PHRASE_TABLE, 'Opposite words') ??
    phraseFlip(x, y, TARGET_TABLE, 'Target named otherwise') ??
    phraseFlip(x, y, FRAMING_TABLE, 'Framed otherwise')
  );
}

function wordFlip(x: SentenceInfo, y: SentenceInfo): LinkConflict | null {
  const xs = x.tokens;
  const ys = y.tokens;
  const stemsX = new Set(xs.map((t) => t.stem));
  const stemsY = new Set(ys.map((t) => t.stem));
  for (const t of xs) {
    if (t.numeric || stemsY.has(t.stem)) continue;
    for (const opposite of oppositesOf(t.stem)) {
      if (!stemsY.has(opposite) || stemsX.has(opposite)) continue;
      for (const u of ys) {
        if (u.stem !== opposite) continue;
        // The same word before and after it (the sentence start or end counts as one; a number counts as any number).
        if (!sameFrame(tokensAround(xs, t.start, t.end), tokensAround(ys, u.start, u.end), true)) continue;
        const a = sideAt(x, t.start, t.end);
        const b = sideAt(y, u.start, u.end);
        return { type: 'meaning', key: `${t.stem}|${u.stem}`, summary: `Opposite words: “${a.value}” vs “${b.value}”`, a, b };
      }
    }
  }
  return null;
}

/**
 * A phrase of one side of an entry of `table` (OPPOSITE_PHRASES, TARGETS, FRAMINGS) in x and one of the other side in y, in the same frame and with the same two
 * words after it, where neither sentence has a phrase of the other's side.
 */
function phraseFlip(x: SentenceInfo, y: SentenceInfo, table: PhraseTable, what: string): LinkConflict | null {
  const hx = table.hits(x.tokens);
  if (hx.length === 0) return null;
  const hy = table.hits(y.tokens);
  if (hy.length === 0) return null;
  const entries = [...new Set(hx.map((h) => h.entry))].sort((a, b) => a - b);
  for (const entry of entries) {
    for (const [mine, theirs] of [[0, 1], [1, 0]] as const) {
      const of = (hits: readonly PhraseHit[], side: number): PhraseHit[] => hits.filter((h) => h.entry === entry && h.side === side);
      const inX = of(hx, mine);
      if (inX.length === 0 || of(hx, theirs).length > 0) continue;
      const inY = of(hy, theirs);
      if (inY.length === 0 || of(hy, mine).length > 0) continue;
      for (const a of inX) {
        for (const b of inY) {
          if (!sameWideFrame(x.tokens, a, y.tokens, b)) continue;
          const sa = sideAt(x, a.start, a.end);
          const sb = sideAt(y, b.start, b.end);
          return { type: 'meaning', key: `${sa.value.toLowerCase()}|${sb.value.toLowerCase()}`, summary: `${what}: “${sa.value}” vs “${sb.value}”`, a: sa, b: sb };
        }
      }
    }
  }
  return null;
}
