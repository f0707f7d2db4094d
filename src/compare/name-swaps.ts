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
 * of one event told apart) each rule removed only such pairs, and none is left. A name next to a verb of saying or
 * after "according to" is the source of the sentence: its swap ("…, according to the United Nations" / "…, according
 * to NATO", "…, the ministry said" / "…, the army said") is a conflict of attribution, "Source named otherwise", as a
 * rewrite that credits a claim to someone else changes how far a reader trusts it. Who speaks in a quotation is left to
 * the quote ledger ("“…,” said Tomas Reyes" / "“…,” said Mira Lenk" is a conflict of speakers there).
 */
import { distance } from 'fastest-levenshtein';
import { isDemonymWord } from '../lang/demonyms.js';
import { hasWholeWords } from '../text/spans.js';
import { lookupTable } from '../text/lookup-table.js';
import { sameEntityRef, type EntityRef } from '../similarity/slots.js';
import { overlapOutside, sameFrame, tokensAround, type Token, type TokensAround } from '../similarity/tokens.js';
import { sideAt, type SentenceInfo } from './context.js';
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
    if (fp.source && (quotes(x) || quotes(y))) continue;
    for (const q of ey) {
      if (q.entity.type !== p.entity.type || ex.some((r) => sameEntityRef(r, q))) continue;
      const fq = frameOf(y.tokens, q);
      if (!sameFrame(fp.around, fq.around) || formsOfOneName(p.text, q.text)) continue;
      if (overlapOutside(x.tokens, p, y.tokens, q) < NAME_SWAP_MIN_REST) continue;
      // Each article names only its own one: an article that names both elsewhere knows them as two places or people
      // of the story ("between Sicily and North Africa" / "between Italy and Egypt" in a text that has "Sicily in
      // southern Italy"; "Millom, Cumbria").
      if (hasWholeWords(x.slots.articleText, q.text) || hasWholeWords(y.slots.articleText, p.text)) continue;
      // The same frame: both names are the source, or neither is.
      return {
        type: fp.source ? 'attribution' : 'meaning',
        key: `${p.entity.key}|${q.entity.key}`,
        summary: `${fp.source ? 'Source named otherwise' : label}: “${p.text}” vs “${q.text}”`,
        a: { start: p.start, end: p.end, text: p.text, value: p.text },
        b: { start: q.start, end: q.end, text: q.text, value: q.text },
      };
    }
  }
  return null;
}

/** Compass words the demonym list holds ("Western", "Southern"): a direction, not a nation. */
const COMPASS = new Set(['western', 'eastern', 'northern', 'southern']);

/** The nationality a token names ("Ukrainian", "Russians" → "ukrainian", "russian"), or null: a capitalised demonym. */
function nationalityOf(s: SentenceInfo, t: Token): string | null {
  if (t.numeric || !/^\p{Lu}/u.test(s.slots.articleText.slice(t.start, t.start + 1))) return null;
  const word = isDemonymWord(t.norm) ? t.norm : t.norm.endsWith('s') && isDemonymWord(t.norm.slice(0, -1)) ? t.norm.slice(0, -1) : null;
  return word !== null && !COMPASS.has(word) ? word : null;
}

/**
 * One nationality put in place of another in two aligned sentences: "Ukrainian forces shelled the centre of Kelso" /
 * "Russian forces shelled …", "two Georgian soldiers" / "two Armenian soldiers". Nationality words are no names (the
 * entity slots lack them), so `nameSwap` does not see them. The same conditions as for a name: neither sentence has
 * the other's word, the same frame (a number counting as any number), most content words shared and nearly all
 * outside the two words. Only the sentences are asked, not the articles: a report of a war names both sides.
 */
export function nationalitySwap(x: SentenceInfo, y: SentenceInfo, lexical: number): LinkConflict | null {
  if (lexical < FLIP_MIN_LEXICAL) return null;
  const nx = x.tokens.map((t) => nationalityOf(x, t));
  if (nx.every((n) => n === null)) return null;
  const ny = y.tokens.map((t) => nationalityOf(y, t));
  for (let i = 0; i < x.tokens.length; i++) {
    const a = nx[i];
    if (!a || ny.includes(a)) continue;
    const t = x.tokens[i]!;
    for (let j = 0; j < y.tokens.length; j++) {
      const b = ny[j];
      if (!b || b === a || nx.includes(b)) continue;
      const u = y.tokens[j]!;
      if (!sameFrame(tokensAround(x.tokens, t.start, t.end), tokensAround(y.tokens, u.start, u.end), true)) continue;
      if (overlapOutside(x.tokens, t, y.tokens, u) < NAME_SWAP_MIN_REST) continue;
      const sa = sideAt(x, t.start, t.end);
      const sb = sideAt(y, u.start, u.end);
      return { type: 'meaning', key: `${a}|${b}`, summary: `Nationality named otherwise: “${sa.value}” vs “${sb.value}”`, a: sa, b: sb };
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

/**
 * The words just before and after a name (`tokensAround`; a "the" before it counts as part of it), and whether they
 * make it the source of what the sentence says: a verb of saying next to it, or "according to" before it.
 */
function frameOf(tokens: readonly Token[], ref: EntityRef): { around: TokensAround; source: boolean } {
  const near = tokensAround(tokens, ref.start, ref.end);
  // "the" before a name goes with the name ("according to the United Nations" / "according to NATO").
  const around = near.before?.norm === 'the' ? { before: tokensAround(tokens, near.before.start, near.before.end).before, after: near.after } : near;
  const { before, after } = around;
  const source =
    SPEECH.has(before?.norm ?? '') || SPEECH.has(after?.norm ?? '') || (before?.norm === 'to' && tokensAround(tokens, before.start, before.end).before?.norm === 'according');
  return { around, source };
}

/** A quotation mark in the sentence: who speaks in it is the quote ledger's to compare. */
function quotes(s: SentenceInfo): boolean {
  return /["“”«»„]/u.test(s.sentence.text);
}
