/**
 * One name put in place of another in two aligned sentences: "cut power to 100 homes in Kelso on Monday" / "… in
 * Dorrow on Monday", "arrested the mayor of Kelso" / "arrested the mayor of Dorrow", "a statement by the Interior
 * Ministry" / "a statement by the Defence Ministry". The rewrite keeps every other word, so the two sentences align as
 * one statement and, without this check, corroborate each other while they place the event elsewhere or credit it to
 * someone else.
 *
 * A swap is a name (a person, place, organisation or other name) of one sentence that matches no name of the other,
 * where the other has a name of the same type that matches none of the first, in the same frame: the words just before
 * and just after the two names are the same (the sentence start or end counts as one), and the sentences share most
 * of their content words (FLIP_MIN_LEXICAL, as for opposite words) and nearly all outside the two names
 * (NAME_SWAP_MIN_REST). Not two forms of one name (a word in common, a spelling, an acronym), and not when either
 * article names both anywhere (a region and a town in it, two ends of one cable): on the 66 ECB+ dev stories (reports
 * of one event told apart) each rule removed only such pairs, and none is left. Who said it is left to the quote
 * ledger ("…, said Tomas Reyes" / "…, said Mira Lenk" is a conflict of speakers there), so a name next to a verb of
 * saying or after "according to" is not read here.
 */
import { distance } from 'fastest-levenshtein';
import { lookupTable } from '../text/lookup-table.js';
import { sameEntityRef, type EntityRef } from '../similarity/slots.js';
import { sameFrame, tokensAround, type Token, type TokensAround } from '../similarity/tokens.js';
import type { SentenceInfo } from './context.js';
import type { LinkConflict } from './types.js';
import { FLIP_MIN_LEXICAL, NAME_SWAP_MIN_REST } from './thresholds.js';

/** The types of names compared, and how a conflict calls them. */
const LABELS = lookupTable({ person: 'Person named otherwise', place: 'Place named otherwise', organisation: 'Organisation named otherwise', other: 'Named otherwise' });

/** Words next to a speaker's name: the name says who spoke, which the quote ledger compares. */
const SPEECH = new Set(['said', 'says', 'say', 'told', 'tells', 'added', 'stated', 'states', 'noted', 'wrote', 'writes', 'according', 'announced', 'reported']);

/** The first name of one type swapped for another in the same frame of two aligned sentences of one language, else null. */
export function nameSwap(x: SentenceInfo, y: SentenceInfo, lexical: number): LinkConflict | null {
  if (lexical < FLIP_MIN_LEXICAL) return null;
  const ex = x.slots.entities;
  const ey = y.slots.entities;
  if (ex.length === 0 || ey.length === 0) return null;
  for (const p of ex) {
    const label = LABELS[p.entity.type];
    if (!label || ey.some((q) => sameEntityRef(p, q))) continue;
    const fp = frameOf(x.tokens, p);
    if (!fp) continue;
    for (const q of ey) {
      if (q.entity.type !== p.entity.type || ex.some((r) => sameEntityRef(r, q))) continue;
      const fq = frameOf(y.tokens, q);
      if (!fq || !sameFrame(fp, fq) || formsOfOneName(p.text, q.text)) continue;
      if (restOverlap(x.tokens, p, y.tokens, q) < NAME_SWAP_MIN_REST) continue;
      // Each article names only its own one: an article that names both elsewhere knows them as two places or people
      // of the story ("between Sicily and North Africa" / "between Italy and Egypt" in a text that has "Sicily in
      // southern Italy"; "Millom, Cumbria").
      if (namesAnywhere(x.slots.articleText, q.text) || namesAnywhere(y.slots.articleText, p.text)) continue;
      return {
        type: 'meaning',
        key: `${p.entity.key}|${q.entity.key}`,
        summary: `${label}: “${p.text}” vs “${q.text}”`,
        a: { start: p.start, end: p.end, text: p.text, value: p.text },
        b: { start: q.start, end: q.end, text: q.text, value: q.text },
      };
    }
  }
  return null;
}

/**
 * Two ways of writing one name, which the entity keys do not match: a word in common ("Southern California" /
 * "California", "INS Sukanya" / "Sukanya", "Medical Assn" / "Medical Association"), a spelling ("Technicolor" /
 * "Technicolour": within two edits), or an acronym of the other ("AFC" / "American Football Conference").
 */
function formsOfOneName(a: string, b: string): boolean {
  const wa = nameWords(a);
  const wb = nameWords(b);
  if (wa.some((w) => wb.includes(w))) return true;
  const la = wa.join(' ');
  const lb = wb.join(' ');
  if (distance(la, lb) <= 2) return true;
  return isAcronymOf(a, wb) || isAcronymOf(b, wa);
}

/** Dice of the content stems of two sentences outside one name of each. */
function restOverlap(xs: readonly Token[], p: EntityRef, ys: readonly Token[], q: EntityRef): number {
  const rest = (ts: readonly Token[], r: EntityRef): Set<string> => new Set(ts.filter((t) => !t.stop && (t.end <= r.start || t.start >= r.end)).map((t) => t.stem));
  const a = rest(xs, p);
  const b = rest(ys, q);
  if (a.size + b.size === 0) return 0;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return (2 * shared) / (a.size + b.size);
}

/** Whether `text` has `name` as whole words. */
function namesAnywhere(text: string, name: string): boolean {
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
    if (!/[\p{L}\p{N}]/u.test(text[at - 1] ?? '') && !/[\p{L}\p{N}]/u.test(text[at + name.length] ?? '')) return true;
  }
  return false;
}

function nameWords(name: string): string[] {
  return name.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** "AFC" for "American Football Conference" (the initials of its words, or of its words but "of", "the", "and"). */
function isAcronymOf(acronym: string, words: readonly string[]): boolean {
  if (!/^\p{Lu}{2,}$/u.test(acronym)) return false;
  const low = acronym.toLowerCase();
  const initials = (ws: readonly string[]): string => ws.map((w) => w[0]!).join('');
  return initials(words) === low || initials(words.filter((w) => w !== 'of' && w !== 'the' && w !== 'and')) === low;
}

/** The words just before and after a name (`tokensAround`); null beside a verb of saying or after "according to". */
function frameOf(tokens: readonly Token[], ref: EntityRef): TokensAround | null {
  const around = tokensAround(tokens, ref.start, ref.end);
  const { before, after } = around;
  if (SPEECH.has(before?.norm ?? '') || SPEECH.has(after?.norm ?? '')) return null;
  if (before?.norm === 'to' && tokensAround(tokens, before.start, before.end).before?.norm === 'according') return null;
  return around;
}
