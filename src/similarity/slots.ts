/**
 * Typed slots of a sentence (numbers, dates, entities, negations) and their agreement between two
 * sentences: numbers by countedKey (else unit), within the range their qualifiers allow (./number-range.ts);
 * dates by ISO value, entities by key/alias, negation by parity over a shared scope word.
 */
import { lookupTable } from '../text/lookup-table.js';
import type { AnalysedArticle, DateMention, Entity, MediaAttribution, Negation, NumberMention, Span } from '../types.js';
import { sentenceIndexAt } from '../text/spans.js';
import { clauseEndsBetween, sentenceBreaks } from '../text/sentence-ends.js';
import { STAMP_WORDS, stampTestWords } from '../text/stamp-words.js';
import { numberRange, rangesMeet } from './number-range.js';
import { baseUnit, baseValue } from './quantity.js';
import { tokenize, type Token } from './tokens.js';

export interface EntityRef extends Span {
  entity: Entity;
  /** key and aliases, for cross-article matching. */
  keys: ReadonlySet<string>;
}

export interface NegationRef extends Negation {
  /** Content stems within the negation's scope (the next few content words of the sentence). */
  scope: Token[];
}

export interface SentenceSlots {
  /** The whole article text (spans index into it). */
  articleText: string;
  numbers: NumberMention[];
  dates: DateMention[];
  entities: EntityRef[];
  negations: NegationRef[];
  attributions: MediaAttribution[];
}

/** Number kinds that are compared as quantities (years and ordinals are left to the date slots). */
const QUANTITY_KINDS = new Set(['count', 'percent', 'money', 'measure', 'other']);

/** Auxiliaries and copulas that frame a negated predicate. */
const AUXILIARIES = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', 'am', 'has', 'have', 'had', 'do', 'does', 'did', 'will', 'would', 'can', 'could', 'should', 'shall', 'may', 'might', 'must']);

/** The modal of a contracted negation as the word tokens leave of it ("can't" → "ca", "won't" → "wo"). */
const CONTRACTED_MODALS = lookupTable({ ca: 'can', wo: 'will', sha: 'shall' });

/** The auxiliary of do-support ("did not confirm"): the plain sentence has no auxiliary in its place ("confirmed"). */
const DO_SUPPORT = new Set(['do', 'does', 'did']);

/**
 * Modals of ability, possibility or condition: "could harm", "can expect", "would have told" do not say that it happened,
 * so they say nothing against "did not harm", "is not expected", "had not been told".
 */
const NOT_ASSERTING = new Set(['can', 'could', 'may', 'might', 'would', 'should']);

/** Verbs of thinking that move a negation up from the clause they govern: "I didn't feel we were executing" is "I feel we weren't executing". */
const NEGATION_RAISERS = new Set(['feel', 'think', 'believe', 'expect', 'suppose', 'imagine', 'reckon', 'want', 'seem', 'appear']);

/** How many content words after a negation count as its scope. */
const NEGATION_SCOPE = 2;

/** Keys an entity is matched by across articles: its key and aliases. */
export function entityKeys(e: Entity): Set<string> {
  return new Set([e.key, ...e.aliases].filter((k) => k.length > 0));
}

/** True when two entities (of different articles) denote the same thing by key/alias. */
export function sameEntity(a: Entity, b: Entity): boolean {
  if (a.type !== b.type && a.type !== 'other' && b.type !== 'other') {
    // A person and a place may share a key ("Jordan"); only same-typed or untyped entities merge.
    return false;
  }
  const kb = entityKeys(b);
  for (const k of entityKeys(a)) if (kb.has(k)) return true;
  return false;
}

/** sameEntity(x.entity, y.entity) for entity mentions, from the keys they carry (entityKeys of their entities). */
export function sameEntityRef(x: EntityRef, y: EntityRef): boolean {
  const a = x.entity;
  const b = y.entity;
  if (a.type !== b.type && a.type !== 'other' && b.type !== 'other') return false;
  for (const k of x.keys) if (y.keys.has(k)) return true;
  return false;
}

/** The slots of every sentence of an analysed article, indexed by sentence index. */
export function sentenceSlots(a: AnalysedArticle): SentenceSlots[] {
  const articleText = a.article.text;
  const out: SentenceSlots[] = a.sentences.map(() => ({ articleText, numbers: [], dates: [], entities: [], negations: [], attributions: [] }));
  const at = (i: number): SentenceSlots | undefined => out[i];
  for (const n of a.numbers) at(n.sentence)?.numbers.push(n);
  for (const d of a.dates) if (!isPublicationStamp(articleText, d)) at(d.sentence)?.dates.push(d);
  for (const m of a.attributions) at(m.sentence)?.attributions.push(m);
  for (const e of a.entities) {
    const keys = entityKeys(e);
    for (const m of e.mentions) {
      const i = sentenceIndexAt(a.sentences, m.start);
      const sent = a.sentences[i];
      if (sent && m.start >= sent.start && m.start < sent.end) at(sent.index)?.entities.push({ ...m, entity: e, keys });
    }
  }
  for (const neg of a.negations) {
    const s = a.sentences[neg.sentence];
    if (!s) continue;
    // The scope runs to the next clause boundary or sentence end (a quoted passage of several sentences is one
    // sentence of the analysis: "I didn't have an involvement with them. That is total propaganda"), at most
    // NEGATION_SCOPE content words.
    const end = sentenceBreaks(a.article.text, neg.end, s.end)[0] ?? s.end;
    const rest = a.article.text.slice(neg.end, end);
    const cut = rest.search(/[,;:—–()"“”]/);
    const clause = cut >= 0 ? rest.slice(0, cut) : rest;
    const after = tokenize(clause, neg.end).filter((t) => !t.stop);
    at(neg.sentence)?.negations.push({ ...neg, scope: after.slice(0, NEGATION_SCOPE) });
  }
  return out;
}

/**
 * A stamp word right before a date: "… UPDATED 05/03/2013", "Published: June 13, 2013", "Last updated on". Capitalised
 * or in capitals, as a page's stamp writes it ("the report was updated on Tuesday" is a claim).
 */
const STAMP_BEFORE =
  /(?:^|[\s|·•–—-])(?:(?:(?:First|Last|Originally)\s+(?:[Uu]pdated|[Pp]ublished|[Pp]osted|[Mm]odified))|(?:FIRST|LAST|ORIGINALLY)\s+(?:UPDATED|PUBLISHED|POSTED|MODIFIED)|Updated?|UPDATED?|Published|PUBLISHED|Posted|POSTED|Modified|MODIFIED|Created|CREATED|Date|DATE)\s*(?::|[Oo]n|ON|[Aa]t|AT)?\s*$/;
/** A stamp line is short: a longer line is prose (and is not scanned word by word). */
const STAMP_LINE_MAX = 160;
/** How many lines at each end of a text a stamp with no clock time may stand on (a timeline's dates stand mid-text). */
const STAMP_EDGE_LINES = 3;

/**
 * A date that stamps the article's publication or update, not a claim of it:
 * - after "Updated", "Published", "Posted" (or "Date:", "Created") with nothing after it on its line but stamp words
 *   or a byline ("… UPDATED 05/03/2013 at 11:00 AM EDT", "Posted on November 30, 2025 by Editor"); "Published on
 *   4 May 2026, the audit found …" is prose;
 * - alone on a short line (besides stamp words), with a clock time ("May 2, 2013, 1:12 PM") or within the first or
 *   last STAMP_EDGE_LINES lines ("Friday, June 7, 2013" over the text); a date alone mid-text is a timeline's entry.
 * The copies of one wire carry each its own site's stamp: compared as claims they would be date conflicts between
 * outlets that say the same.
 */
export function isPublicationStamp(text: string, d: DateMention | Span): boolean {
  const lineStart = text.lastIndexOf('\n', d.start - 1) + 1;
  let lineEnd = text.indexOf('\n', d.end);
  if (lineEnd < 0) lineEnd = text.length;
  const after = text.slice(d.end, Math.min(lineEnd, d.end + STAMP_LINE_MAX));
  const stampWordsOnly = (part: string): boolean => stampTestWords(part).every((w) => STAMP_WORDS.test(w));
  const afterIsStamp = lineEnd - d.end <= STAMP_LINE_MAX && stampWordsOnly(after);
  const restIsStamp = afterIsStamp || (lineEnd - d.end <= STAMP_LINE_MAX && /^\s*,?\s*[Bb]y\s/.test(after));
  if (restIsStamp && STAMP_BEFORE.test(text.slice(Math.max(lineStart, d.start - 40), d.start))) return true;
  if (lineEnd - lineStart > STAMP_LINE_MAX || !afterIsStamp || !stampWordsOnly(text.slice(lineStart, d.start))) return false;
  if ('grain' in d && d.grain === 'time') return true;
  return atEdge(text, lineStart, lineEnd);
}

/** Whether the line [lineStart, lineEnd) is among the first or last STAMP_EDGE_LINES non-blank lines of the text. */
function atEdge(text: string, lineStart: number, lineEnd: number): boolean {
  return fewLines(text, 0, lineStart) || fewLines(text, lineEnd + 1, text.length);
}

/** Fewer than STAMP_EDGE_LINES non-blank lines in [from, to) (stops counting there). */
function fewLines(text: string, from: number, to: number): boolean {
  let count = 0;
  for (let at = from; at < to; ) {
    let end = text.indexOf('\n', at);
    if (end < 0 || end > to) end = to;
    if (/\S/.test(text.slice(at, end)) && ++count >= STAMP_EDGE_LINES) return false;
    at = end + 1;
  }
  return true;
}

/** The key numbers are compared under: the counted thing, else unit (its base unit: ./quantity.ts) + kind, else null (not comparable). */
export function numberKey(n: NumberMention): string | null {
  if (!QUANTITY_KINDS.has(n.kind)) return null;
  if (n.countedKey) return `${n.countedKey}`;
  if (n.unit) return `${n.kind}:${baseUnit(n.unit)}`;
  return null;
}

/** Canonical value text of a number as written ("1200", "6.4", "5" of "5 km"): what a report shows. */
export function numberValue(n: NumberMention): string {
  return Number.isFinite(n.value) ? String(n.value) : n.text;
}

/** The value numbers are compared by: `numberValue` in the base unit of `numberKey` ("5000" of "5 km"). */
export function quantityValue(n: NumberMention): string {
  return Number.isFinite(n.value) ? String(baseValue(n)) : n.text;
}

export type SlotConflictKind = 'number' | 'date' | 'negation';

export interface SlotSide extends Span {
  value: string;
}

export interface SlotConflict {
  kind: SlotConflictKind;
  /** What is compared ("resident", "date", "contaminated"). */
  key: string;
  a: SlotSide;
  b: SlotSide;
}

export interface SlotComparison {
  /** Number of slots (numbers, dates, entities) both sentences fill with the same value. */
  agreements: number;
  /** Share of the entities of the smaller side matched on the other side (0 when either has none). */
  entityOverlap: number;
  conflicts: SlotConflict[];
}

/**
 * Compares the slots of two sentences. `aTokens`/`bTokens` are the sentences' tokens (for negation scopes: a
 * negation conflicts only when a word it negates occurs un-negated in the other sentence; and for the words a date
 * dates: two days conflict only when they date the same words).
 */
export function compareSlots(a: SentenceSlots, b: SentenceSlots, aTokens: readonly Token[], bTokens: readonly Token[]): SlotComparison {
  let agreements = 0;

  // Numbers: every value both sentences carry is an agreement.
  const valuesA = new Set(a.numbers.map(quantityValue));
  for (const v of new Set(b.numbers.map(quantityValue))) if (valuesA.has(v)) agreements++;

  // Dates: an agreement per grain both sides use with a shared value.
  for (const grain of DATE_GRAINS) {
    const da = a.dates.filter((d) => d.grain === grain);
    const db = b.dates.filter((d) => d.grain === grain);
    if (da.length === 0 || db.length === 0) continue;
    const isoB = new Set(db.map((d) => d.iso));
    if (da.some((d) => isoB.has(d.iso))) agreements++;
  }

  // Entities.
  let entityOverlap = 0;
  if (a.entities.length > 0 && b.entities.length > 0) {
    const ua = uniqueEntities(a.entities);
    const ub = uniqueEntities(b.entities);
    let matched = 0;
    for (const x of ua) if (ub.some((y) => sameEntity(x, y))) matched++;
    agreements += matched;
    entityOverlap = matched / Math.min(ua.length, ub.length);
  }

  return { agreements, entityOverlap: Math.min(1, entityOverlap), conflicts: [...slotConflicts(a, b, aTokens, bTokens)] };
}

const DATE_GRAINS = ['day', 'month', 'year', 'time'] as const;
const NO_CONFLICTS: readonly SlotConflict[] = Object.freeze([]);

/**
 * The conflicts of `compareSlots` alone (what alignment links need), in its order: numbers, dates, negation.
 * `sameLanguage` false (a cross-lingual link): two days need not date the same words, which cannot be compared.
 * Each part needs something on both sides, so a side without numbers, dates or negations skips that part.
 * The returned array may be shared and frozen when empty: do not mutate it.
 */
export function slotConflicts(
  a: SentenceSlots,
  b: SentenceSlots,
  aTokens: readonly Token[],
  bTokens: readonly Token[],
  sameLanguage: boolean = true,
): readonly SlotConflict[] {
  // Mentions equal one by one (the same sentence in two copies) give every key or grain the same values on both
  // sides, which never conflict.
  const bothNumbers = a.numbers.length > 0 && b.numbers.length > 0 && !sameNumbers(a.numbers, b.numbers);
  const bothDates = a.dates.length > 0 && b.dates.length > 0 && !sameDates(a.dates, b.dates);
  const anyNegation = a.negations.length > 0 || b.negations.length > 0;
  if (!bothNumbers && !bothDates && !anyNegation) return NO_CONFLICTS;
  const conflicts: SlotConflict[] = [];

  // Numbers: within one key (counted thing or unit), disjoint values are a conflict ("1,200 residents"
  // vs "2,100 residents").
  if (bothNumbers) {
    const groups = new Map<string, { a: NumberMention[]; b: NumberMention[] }>();
    const group = (k: string): { a: NumberMention[]; b: NumberMention[] } => {
      let g = groups.get(k);
      if (!g) groups.set(k, (g = { a: [], b: [] }));
      return g;
    };
    for (const n of a.numbers) {
      const k = numberKey(n);
      if (k) group(k).a.push(n);
    }
    for (const n of b.numbers) {
      const k = numberKey(n);
      if (k) group(k).b.push(n);
    }
    for (const [key, g] of groups) {
      if (g.a.length === 0 || g.b.length === 0) continue;
      const vb = new Set(g.b.map(quantityValue));
      if (g.a.some((n) => vb.has(quantityValue(n)))) continue;
      // "at least 12 shots" and "13 shots" agree: values conflict only when no two ranges meet (./number-range.ts).
      const rb = g.b.map((n) => numberRange(b.articleText, n));
      if (g.a.some((n) => { const ra = numberRange(a.articleText, n); return rb.some((r) => rangesMeet(ra, r)); })) continue;
      const x = g.a[0]!;
      const y = g.b[0]!;
      conflicts.push({ kind: 'number', key, a: slotSide(x, numberValue(x)), b: slotSide(y, numberValue(y)) });
    }
    const swap = currencySwap(a.numbers, b.numbers);
    if (swap) conflicts.push({ kind: 'number', key: `money:${swap[0].unit}`, a: slotSide(swap[0], `${numberValue(swap[0])} ${swap[0].unit}`), b: slotSide(swap[1], `${numberValue(swap[1])} ${swap[1].unit}`) });
  }

  // Dates: compare at each grain both sides use; explicit (non-inferred) dates only conflict.
  if (bothDates) {
    for (const grain of DATE_GRAINS) {
      const da = a.dates.filter((d) => d.grain === grain);
      const db = b.dates.filter((d) => d.grain === grain);
      if (da.length === 0 || db.length === 0) continue;
      const isoB = new Set(db.map((d) => d.iso));
      if (da.some((d) => isoB.has(d.iso)) || sameWords(da, db)) {
        // Some dates shared; the others may still disagree about one thing: "built in 1962 and renovated in 2019" /
        // "… in 2021", "closed from March 10 to March 14" / "… to March 18". Those date the same words for sure (the
        // same word before, or after, each: not the benefit of the doubt two sentences with one date each get).
        const isoA = new Set(da.map((d) => d.iso));
        const restA = da.filter((d) => !isoB.has(d.iso) && !db.some((e) => sameDateWording(d, e)));
        const restB = db.filter((d) => !isoA.has(d.iso) && !da.some((e) => sameDateWording(d, e)));
        const rest = sameLanguage && restA.length > 0 && restB.length > 0 ? sameEventDates(a, restA, aTokens, b, restB, bTokens, true) : null;
        if (rest) conflicts.push({ kind: 'date', key: grain, a: slotSide(rest[0], rest[0].iso), b: slotSide(rest[1], rest[1].iso) });
        continue;
      }
      // Two days are a disagreement about one event only when they date the same words: "died on Thursday in …"
      // and "died yesterday in …" do, "was convicted on Tuesday of killing …" and "went on trial on Wednesday for
      // killing …" (two steps of one case, in sentences that share other words) do not.
      // Across languages the words differ: the days are compared alone, as the only language-neutral evidence.
      const pair = sameLanguage ? sameEventDates(a, da, aTokens, b, db, bTokens) : ([da[0]!, db[0]!] as const);
      if (pair) conflicts.push({ kind: 'date', key: grain, a: slotSide(pair[0], pair[0].iso), b: slotSide(pair[1], pair[1].iso) });
    }
  }

  // Negation parity over a shared scope word.
  if (anyNegation) {
    const neg = negationConflict(a, b, aTokens, bTokens, 'ab') ?? negationConflict(b, a, bTokens, aTokens, 'ba');
    if (neg) conflicts.push(neg);
  }
  return conflicts;
}

/** The content words next to a date: the nearest before and after it within its clause, as stems (null: none). */
interface DateNeighbours {
  before: string | null;
  after: string | null;
}

/**
 * The content words next to a date (the nearest before and after it within its clause, outside every date of the
 * sentence): what the date dates ("died … in", "vote", "budget"). Tokens are the sentence's.
 */
function dateNeighbours(text: string, tokens: readonly Token[], dates: readonly DateMention[], d: DateMention): DateNeighbours {
  const usable = (t: Token): boolean => !t.stop && !t.numeric && !dates.some((x) => t.start < x.end && x.start < t.end);
  const apart = (from: number, to: number): boolean => clauseEndsBetween(text, from, to) > 0;
  let before: string | null = null;
  for (let k = tokens.length - 1; k >= 0; k--) {
    const t = tokens[k]!;
    if (t.end > d.start) continue;
    if (apart(t.end, d.start)) break;
    if (usable(t)) {
      before = t.stem;
      break;
    }
  }
  let after: string | null = null;
  for (const t of tokens) {
    if (t.start < d.end) continue;
    if (apart(d.end, t.start)) break;
    if (usable(t)) {
      after = t.stem;
      break;
    }
  }
  return { before, after };
}

/**
 * May two dates date the same words? The word before each decides when both have one (the predicate: "died on
 * Tuesday", "convicted on Tuesday"); else the word after, when both have one; else nothing tells them apart ("On
 * Tuesday, …" opening both sentences) and they may, unless `sure` asks for a word that says so.
 */
function sameNeighbours(x: DateNeighbours, y: DateNeighbours, sure: boolean): boolean {
  if (x.before !== null && y.before !== null) return x.before === y.before;
  if (x.after !== null && y.after !== null) return x.after === y.after;
  return !sure;
}

/**
 * One amount in two currencies: the same value in a currency the other side never names ("2.5 million euros" /
 * "2.5 million dollars", "300 rubles" / "300 dollars"). A rewrite that converts an amount changes its value too; one
 * that keeps the value and changes the currency changes what was paid. The key has a ':', so only links that say the
 * same thing are read (not partial ones).
 */
function currencySwap(a: readonly NumberMention[], b: readonly NumberMention[]): [NumberMention, NumberMention] | null {
  const money = (ns: readonly NumberMention[]): NumberMention[] => ns.filter((n) => n.kind === 'money' && n.unit !== null);
  const ma = money(a);
  const mb = money(b);
  if (ma.length === 0 || mb.length === 0) return null;
  const ca = new Set(ma.map((n) => n.unit));
  const cb = new Set(mb.map((n) => n.unit));
  for (const x of ma) {
    if (cb.has(x.unit)) continue;
    const y = mb.find((n) => n.value === x.value && !ca.has(n.unit));
    if (y) return [x, y];
  }
  return null;
}

/** A date of each side that may date the same words (`sameNeighbours`), else null. */
function sameEventDates(
  a: SentenceSlots,
  da: readonly DateMention[],
  aTokens: readonly Token[],
  b: SentenceSlots,
  db: readonly DateMention[],
  bTokens: readonly Token[],
  sure: boolean = false,
): [DateMention, DateMention] | null {
  const nb = db.map((y) => dateNeighbours(b.articleText, bTokens, b.dates, y));
  for (const x of da) {
    const nx = dateNeighbours(a.articleText, aTokens, a.dates, x);
    const k = nb.findIndex((ny) => sameNeighbours(nx, ny, sure));
    if (k >= 0) return [x, db[k]!];
  }
  return null;
}

/**
 * Some mention on each side in the same words ("Thursday", "today", "March 8"): the texts say the same; copies
 * published on other days read such words as other days (the day or year comes from each copy's publication date),
 * which is no disagreement of the sources. (Words that name the day in full read alike everywhere.)
 */
function sameWords(a: readonly DateMention[], b: readonly DateMention[]): boolean {
  return a.some((x) => b.some((y) => sameDateWording(x, y)));
}

/** Two date mentions in the same words (`sameWords`). */
export function sameDateWording(x: DateMention, y: DateMention): boolean {
  return x.text.toLowerCase().replace(/\s+/g, ' ') === y.text.toLowerCase().replace(/\s+/g, ' ');
}

/** The same number keys and values, mention by mention. */
function sameNumbers(a: readonly NumberMention[], b: readonly NumberMention[]): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (numberKey(a[k]!) !== numberKey(b[k]!) || quantityValue(a[k]!) !== quantityValue(b[k]!)) return false;
  return true;
}

/** The same date grains and values, mention by mention. */
function sameDates(a: readonly DateMention[], b: readonly DateMention[]): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k]!.grain !== b[k]!.grain || a[k]!.iso !== b[k]!.iso) return false;
  return true;
}

function uniqueEntities(refs: readonly EntityRef[]): Entity[] {
  const seen = new Set<string>();
  const out: Entity[] = [];
  for (const r of refs) {
    if (seen.has(r.entity.id)) continue;
    seen.add(r.entity.id);
    out.push(r.entity);
  }
  return out;
}

/** A side of a slot conflict: the mention's span and the value compared. */
export function slotSide(s: Span, value: string): SlotSide {
  return { start: s.start, end: s.end, text: s.text, value };
}

/** A modal of NOT_ASSERTING among the two words before `start` ("could harm", "would have told"), else null. */
function modalBefore(tokens: readonly Token[], start: number): string | null {
  const i = tokens.findIndex((t) => t.start >= start);
  const end = i < 0 ? tokens.length : i;
  for (let k = end - 1; k >= Math.max(0, end - 2); k--) if (NOT_ASSERTING.has(tokens[k]!.norm)) return tokens[k]!.norm;
  return null;
}

/** The first content word at or after `from`. */
function nextContent(tokens: readonly Token[], from: number): Token | undefined {
  return tokens.find((t) => t.start >= from && !t.stop);
}

/**
 * The word a negation denies, as a conflict key: the first content word of its scope (the second when the first is an
 * -ly adverb: "was not immediately confirmed"), not a name ("was not Deep Throat"), and none when "until" or "till"
 * follows in the clause ("will not be restored until 31 December" says it will be, later). The later words of the
 * scope are objects ("will not affect the playing status"), which the plain side may well use otherwise.
 */
function negatedHead(x: SentenceSlots, n: NegationRef): Token | null {
  const first = n.scope[0];
  const w = first && /ly$/.test(first.norm) && n.scope[1] ? n.scope[1] : first;
  if (!w || /^\p{Lu}/u.test(x.articleText.slice(w.start, w.start + 1))) return null;
  const clause = /^[^,;:.!?]*/.exec(x.articleText.slice(w.end, w.end + 200))![0];
  return /\b(?:until|till|til)\b/i.test(clause) ? null : w;
}

/**
 * A negation on side x whose scope word appears on side y with no negation in front of it.
 * "was not contaminated" vs "was contaminated" → conflict on "contaminated".
 */
function negationConflict(
  x: SentenceSlots,
  y: SentenceSlots,
  xTokens: readonly Token[],
  yTokens: readonly Token[],
  order: 'ab' | 'ba',
): SlotConflict | null {
  for (const n of x.negations) {
    const w = negatedHead(x, n);
    if (!w) continue;
    const hits = yTokens.filter((t) => t.stem === w.stem && !t.stop);
    const hit = hits[0];
    if (!hit) continue;
    // Is the word negated in y too, anywhere (within a negation's scope there)? Then y says "not …" as well, also
    // when it has the plain word elsewhere ("what is conservative and what isn't conservative").
    const negatedInY = hits.some((h) => y.negations.some((m) => m.scope.some((s) => s.start === h.start)));
    if (negatedInY) continue;
    // Does x say the word plainly as often as y does ("that won't happen … I now fear it may happen" / "I now fear it
    // may happen")? Then y's plain uses are x's own, and y does not say what x denies.
    const plainInX = xTokens.filter((t) => t.stem === w.stem && !t.stop && !x.negations.some((m) => m.scope.some((s) => s.start === t.start))).length;
    if (plainInX >= hits.length) continue;
    // The same frame: the word before the negation in x is the word before the plain word in y
    // ("was not contaminated" / "was contaminated"), or both are auxiliaries ("is not" / "was").
    // "if no further rain arrives" / "if the rain holds off" say the same thing and do not conflict.
    const before = (ts: readonly Token[], start: number): Token | undefined => {
      let prev: Token | undefined;
      for (const t of ts) {
        if (t.start >= start) break;
        prev = t;
      }
      return prev;
    };
    const px = before(xTokens, n.start);
    const py = before(yTokens, hit.start);
    if (!px || !py) continue;
    // Do-support: "Ostrova did not confirm" / "Ostrova confirmed": the word before "did" frames the verb, and the verb
    // has the same next content word ("the deaths"): "I don't want to be photographed" says nothing against "I want
    // to be remembered".
    const doSupport = DO_SUPPORT.has(px.norm) && !AUXILIARIES.has(py.norm);
    const frame = doSupport ? before(xTokens, px.start) : px;
    if (!frame) continue;
    if (doSupport && nextContent(xTokens, w.end)?.stem !== nextContent(yTokens, hit.end)?.stem) continue;
    // A modal written into the negation ("cannot", "can't", "won't") is the word before the negation.
    const modal = n.text.toLowerCase() === 'cannot' ? 'can' : (CONTRACTED_MODALS[px.norm] ?? px.norm);
    const frameNorm = doSupport ? frame.norm : modal;
    if (frameNorm !== py.norm && !(AUXILIARIES.has(modal) && AUXILIARIES.has(py.norm))) continue;
    // The plain word under a modal the negation lacks ("did not harm" / "could harm", "had not been told" / "would have
    // told"): a possibility or a condition, not the fact x denies. "cannot afford" / "can afford" keep their modal.
    const plainModal = modalBefore(yTokens, hit.start);
    if (plainModal !== null && plainModal !== modal && modalBefore(xTokens, n.start) !== plainModal) continue;
    // The negation raised to a verb of thinking ("I didn't feel we were executing" / "I feel we weren't executing"): the
    // two deny the same, one from the verb of thinking, the other in the clause after it.
    if (y.negations.some((m) => m.start < hit.start && NEGATION_RAISERS.has(m.scope[0]?.stem ?? ''))) continue;
    if (NEGATION_RAISERS.has(w.stem) && y.negations.some((m) => m.start > hit.start)) continue;
    // The negated side spans negation → scope word; the other side is the plain word.
    const xText = `${n.text} ${w.norm}`;
    const negSide: SlotSide = { start: n.start, end: w.end, text: x.articleText.slice(n.start, w.end), value: xText };
    const plainSide: SlotSide = { start: hit.start, end: hit.end, text: y.articleText.slice(hit.start, hit.end), value: hit.norm };
    return order === 'ab'
      ? { kind: 'negation', key: w.norm, a: negSide, b: plainSide }
      : { kind: 'negation', key: w.norm, a: plainSide, b: negSide };
  }
  return null;
}
