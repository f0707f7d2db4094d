/**
 * The claim ledger: statements (groups of aligned sentences), numbers, dates, entities and media
 * attributions, each with every mention. Quotes are added by quote-ledger.ts.
 *
 * Grouping:
 *  - statement: connected components of sentences over `same`/`paraphrase` links; every sentence not
 *    in such a multi-article component (unmatched, or only partially matched) is its own statement;
 *  - number: mentions of quantity kinds (not years/ordinals) with the same value and the same counted
 *    thing (countedKey, else unit), or with the same value in linked sentences even when the counted
 *    nouns differ ("1,200 people were moved out" / "1,200 residents"), unless they contradict
 *    (sameQuantity: different units, or a sentence states the other's counted thing with another
 *    value). Durations and relative times ("two years ago", "for three weeks") are no number claims
 *    (isDuration);
 *  - date: mentions with the same ISO value; "today"/"tonight"/"this morning" resolved to the
 *    article's own publication day are no date claims (isPublicationDeictic), nor are the stamps of a
 *    page's publication or update ("Updated May 2, 2013, 1:12 PM": isPublicationStamp);
 *  - entity: persons, places, organisations matched across articles by key/alias;
 *  - attribution: media attributions by outlet key.
 * Status: `corroborated` when ≥ 2 articles carry it, else `single-source`; `conflicting` overrides
 * both when a conflict involves the claim (set in index.ts after conflicts.ts ran).
 *
 * Ids: kind prefix + shortHash of the claim's normalised content (so they are stable across runs and
 * input order); a rare collision gets a numeric suffix in creation order.
 * Order (documented choice): by kind — statement, quote, number, date, entity, attribution — then by
 * the first mention (story order of the article, then offset). Reading order within each kind; the
 * renderers put conflicts first themselves.
 */
import type { Claim, ClaimKind, DateMention, Entity, Mention, NumberMention } from '../types.js';
import { shortHash } from '../text/hash.js';
import { normaliseKey } from '../text/normalise.js';
import { entityKeys, isPublicationStamp, numberKey, numberValue, quantityValue, sameDateWording } from '../similarity/slots.js';
import { baseUnit, baseValue } from '../similarity/quantity.js';
import { nameAnchor } from '../lang/anchor.js';
import { crossUnits } from '../similarity/crosslingual.js';
import type { SentenceInfo, StoryContext } from './context.js';
import type { SentenceLink } from './sentence-links.js';
import type { PairAlignment } from './types.js';
import { UnionFind } from './union-find.js';
import { push } from './multimap.js';

export interface ClaimDraft {
  id: string;
  kind: ClaimKind;
  text: string;
  value?: string;
  mentions: Mention[];
  speaker?: string | null;
  quotedIn?: string[];
  supportedIn?: string[];
  translatedIn?: string[];
  conflicting: boolean;
  /** Articles that carry the claim without a mention of their own (none today; reserved). */
  extraArticles?: string[];
}

const PREFIX: Record<ClaimKind, string> = {
  statement: 'stmt',
  quote: 'quote',
  number: 'num',
  date: 'date',
  entity: 'ent',
  attribution: 'attr',
};
const KIND_ORDER: ClaimKind[] = ['statement', 'quote', 'number', 'date', 'entity', 'attribution'];
const ENTITY_TYPES = new Set(['person', 'place', 'organisation']);

export class ClaimBook {
  readonly drafts: ClaimDraft[] = [];
  private readonly ids = new Set<string>();
  /** Statement claim of each sentence: key `${articleOrder}:${sentenceIndex}`. */
  readonly statementOf = new Map<string, ClaimDraft>();
  /** Number/date/attribution claims by mention: key `${articleId}:${start}:${end}`. */
  readonly bySpan = new Map<string, ClaimDraft[]>();
  readonly articleOrder: ReadonlyMap<string, number>;

  constructor(readonly ctx: StoryContext) {
    this.articleOrder = new Map(ctx.articles.map((a) => [a.id, a.order]));
  }

  add(kind: ClaimKind, content: string, draft: Omit<ClaimDraft, 'id' | 'kind' | 'conflicting'>): ClaimDraft {
    const base = `${PREFIX[kind]}-${shortHash(kind, content)}`;
    let id = base;
    for (let k = 2; this.ids.has(id); k++) id = `${base}-${k}`;
    this.ids.add(id);
    const d: ClaimDraft = { id, kind, conflicting: false, ...draft, mentions: this.sortMentions(draft.mentions) };
    this.drafts.push(d);
    if (kind === 'number' || kind === 'date' || kind === 'attribution' || kind === 'quote') {
      for (const m of d.mentions) {
        const key = spanKey(m.article, m.start, m.end);
        const list = this.bySpan.get(key);
        if (list) list.push(d);
        else this.bySpan.set(key, [d]);
      }
    }
    return d;
  }

  sortMentions(ms: readonly Mention[]): Mention[] {
    const seen = new Set<string>();
    const out: Mention[] = [];
    for (const m of ms) {
      const k = spanKey(m.article, m.start, m.end);
      if (seen.has(k)) continue;
      seen.add(k);
      out.push(m);
    }
    return out.sort((x, y) => (this.articleOrder.get(x.article) ?? 0) - (this.articleOrder.get(y.article) ?? 0) || x.start - y.start || x.end - y.end);
  }

  articlesOf(d: ClaimDraft): string[] {
    const s = new Set(d.mentions.map((m) => m.article));
    for (const a of d.extraArticles ?? []) s.add(a);
    for (const a of d.quotedIn ?? []) s.add(a);
    for (const a of d.supportedIn ?? []) s.add(a);
    for (const a of d.translatedIn ?? []) s.add(a);
    return [...s].sort((x, y) => (this.articleOrder.get(x) ?? 0) - (this.articleOrder.get(y) ?? 0));
  }

  /** The final, ordered claims. */
  finish(): Claim[] {
    const ordered = [...this.drafts].sort((x, y) => {
      const k = KIND_ORDER.indexOf(x.kind) - KIND_ORDER.indexOf(y.kind);
      if (k !== 0) return k;
      const mx = x.mentions[0];
      const my = y.mentions[0];
      if (!mx || !my) return mx ? -1 : my ? 1 : 0;
      return (this.articleOrder.get(mx.article) ?? 0) - (this.articleOrder.get(my.article) ?? 0) || mx.start - my.start || (x.id < y.id ? -1 : 1);
    });
    return ordered.map((d) => {
      const articles = this.articlesOf(d);
      const claim: Claim = {
        id: d.id,
        kind: d.kind,
        text: d.text,
        status: d.conflicting ? 'conflicting' : articles.length >= 2 ? 'corroborated' : 'single-source',
        articles,
        mentions: d.mentions.map((m) => ({ article: m.article, start: m.start, end: m.end, text: m.text })),
      };
      if (d.kind === 'quote') {
        claim.speaker = d.speaker ?? null;
        claim.quotedIn = d.quotedIn ?? [];
        claim.supportedIn = d.supportedIn ?? [];
        if (d.translatedIn && d.translatedIn.length > 0) claim.translatedIn = d.translatedIn;
      }
      if (d.value !== undefined) claim.value = d.value;
      return claim;
    });
  }
}

const MONTHS = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b/i;

/** A date written with a month name or digits ("November 30", "1952", "30.11."), not "Thursday". */
export function isAbsoluteDate(text: string): boolean {
  return /\d/.test(text) || MONTHS.test(text);
}

const TIME_UNITS = new Set(['year', 'month', 'week', 'day', 'hour', 'minute', 'second', 'decade', 'century']);
/** Words after a time quantity that make it a relative or elapsed time ("two years ago", "three days later"). */
const DURATION_AFTER = /^\s*(ago|earlier|later|before|after|previously|old|from now|long|running|in a row)\b/i;
/** Words before it ("for two years", "over the past three days", "within 48 hours", "in two weeks"). */
const DURATION_BEFORE = /\b(for|over|in|during|within|after|past|last|next|nearly|almost|some)\s+(the\s+)?((past|last|next|previous|coming|first)\s+)?$/i;

/**
 * A time quantity in a relative phrase ("two years ago", "for three weeks", "over the past 48 hours")
 * is a duration or a pointer in time, not a checkable quantity: it is kept out of the number claims.
 * Rule: the number's unit or countedKey is a time unit (year, month, week, day, hour, minute, ...)
 * and a relative word follows ("ago", "later", "earlier", ...) or precedes it ("for", "over the
 * past", "within", "in", ...). "340 homes" or "a 3-day festival" in other phrasing stay claims.
 */
export function isDuration(text: string, n: { start: number; end: number; unit: string | null; countedKey: string | null; kind: string }): boolean {
  const unit = (n.countedKey ?? n.unit ?? '').toLowerCase().replace(/s$/, '');
  if (!TIME_UNITS.has(unit)) return false;
  const before = text.slice(Math.max(0, n.start - 30), n.start);
  const after = text.slice(n.end, n.end + 20);
  return DURATION_AFTER.test(after) || DURATION_BEFORE.test(before);
}

const DEICTIC = new Set(['today', 'tonight', 'this morning', 'this afternoon', 'this evening', 'now']);

/**
 * "tonight", "today", "this morning" resolved to the article's own publication day add nothing a
 * reader can check (every article is about its own day): kept out of the date claims. A named day
 * ("Tuesday") or a date that differs from the publication day stays a claim.
 */
export function isPublicationDeictic(published: string | null, d: { text: string; iso: string }): boolean {
  if (!DEICTIC.has(normaliseKey(d.text))) return false;
  if (!published) return true;
  return published.slice(0, 10) === d.iso.slice(0, 10);
}

/** Two date mentions of aligned sentences that state one date: the same value, or the same words (sameDateWording). */
function sameDate(x: DateMention, y: DateMention): boolean {
  return x.iso === y.iso || sameDateWording(x, y);
}

/**
 * Two equal values in aligned sentences are the same quantity — even when the counted nouns differ
 * ("1,200 people were moved out" / "1,200 residents") — unless they contradict: both have units and
 * the units differ, or one sentence also states the other's counted thing with a different value.
 */
export function sameQuantity(
  x: NumberMention,
  y: NumberMention,
  inX: readonly NumberMention[],
  inY: readonly NumberMention[],
): boolean {
  // (A unit that is another step of one base unit is another quantity too: "6 m" is no "6 km".)
  if (x.unit && y.unit && (baseUnit(x.unit) !== baseUnit(y.unit) || baseValue(x) !== baseValue(y))) return false;
  const kx = numberKey(x);
  const ky = numberKey(y);
  if (kx === ky) return true;
  const contradicts = (key: string | null, others: readonly NumberMention[], value: string): boolean =>
    key !== null && others.some((o) => numberKey(o) === key && quantityValue(o) !== value);
  return !contradicts(kx, inY, quantityValue(x)) && !contradicts(ky, inX, quantityValue(y));
}

/** Entity keys plus the anchor key of each (`~krsnrmsk`), for stories in more than one language. */
function withAnchors(keys: Set<string>): Set<string> {
  for (const k of [...keys]) {
    const anchor = nameAnchor(k);
    if (anchor !== '') keys.add(`~${anchor}`);
  }
  return keys;
}

/** sameEntity(a, b) with the entities' keys (entityKeys) computed once. */
function sameEntityKeys(a: Entity, ka: ReadonlySet<string>, b: Entity, kb: ReadonlySet<string>): boolean {
  if (a.type !== b.type && a.type !== 'other' && b.type !== 'other') return false;
  for (const k of ka) if (kb.has(k)) return true;
  return false;
}

export function spanKey(article: string, start: number, end: number): string {
  return `${article}:${start}:${end}`;
}

function mention(article: string, s: { start: number; end: number; text: string }): Mention {
  return { article, start: s.start, end: s.end, text: s.text };
}

/** Statements from the alignments (and, in a big story, the story-wide sentence links). */
export function addStatements(book: ClaimBook, pairs: readonly PairAlignment[], links: readonly SentenceLink[] = []): void {
  const { ctx } = book;
  const offsets: number[] = [];
  let total = 0;
  for (const a of ctx.articles) {
    offsets.push(total);
    total += a.sentences.length;
  }
  const uf = new UnionFind(total);
  for (const p of pairs) {
    for (const d of p.details) {
      if (d.link.label === 'partial') continue;
      uf.union(offsets[p.a]! + d.a.sentence.index, offsets[p.b]! + d.b.sentence.index);
    }
  }
  for (const l of links) uf.union(offsets[l.a.article]! + l.a.sentence.index, offsets[l.b.article]! + l.b.sentence.index);
  const orderOf = new Int32Array(total);
  offsets.forEach((start, order) => orderOf.fill(order, start, start + ctx.articles[order]!.sentences.length));
  const nodeInfo = (n: number): { order: number; index: number } => ({ order: orderOf[n]!, index: n - offsets[orderOf[n]!]! });
  for (const group of uf.groups()) {
    const members = group.map(nodeInfo);
    const articles = new Set(members.map((m) => m.order));
    const parts = articles.size >= 2 ? [members] : members.map((m) => [m]);
    for (const part of parts) {
      const infos = part.map((m) => ctx.articles[m.order]!.sentences[m.index]!);
      const first = infos[0]!;
      const content = infos
        .map((s) => normaliseKey(s.sentence.text))
        .sort()
        .join('\n');
      const d = book.add('statement', content, {
        text: first.sentence.text.replace(/\s+/g, ' ').trim(),
        mentions: infos.map((s) => mention(s.articleId, s.sentence)),
      });
      for (const m of part) book.statementOf.set(`${m.order}:${m.index}`, d);
    }
  }
}

/** Numbers, dates, entities and media attributions (numbers and dates also joined through the story-wide sentence links). */
export function addFacts(book: ClaimBook, pairs: readonly PairAlignment[], links: readonly SentenceLink[] = []): void {
  const { ctx } = book;

  // ── numbers
  const nums = ctx.articles.flatMap((a) =>
    a.analysed.numbers.filter((n) => n.kind !== 'year' && n.kind !== 'ordinal' && !isDuration(a.analysed.article.text, n)).map((n) => ({ a, n })),
  );
  const numIndex = new Map<string, number>();
  nums.forEach((x, i) => numIndex.set(spanKey(x.a.id, x.n.start, x.n.end), i));
  const uf = new UnionFind(nums.length);
  const byKeyValue = new Map<string, number>();
  nums.forEach((x, i) => {
    const k = numberKey(x.n);
    if (!k) return;
    const kv = `${k}=${quantityValue(x.n)}`;
    const first = byKeyValue.get(kv);
    if (first === undefined) byKeyValue.set(kv, i);
    else uf.union(first, i);
  });
  // Across languages the counted nouns differ ("43 населённых пункта", "43 localities"): mentions of one value and
  // kind in articles of two languages join when their counted phrases share a cross-lingual term (a gloss of one is
  // the other's word, src/similarity/crosslingual.ts) or neither says what it counts.
  if (ctx.multilingual) {
    const byValue = new Map<string, number[]>();
    nums.forEach((x, i) => push(byValue, `${x.n.kind}|${x.n.unit === null ? '' : baseUnit(x.n.unit)}|${quantityValue(x.n)}`, i));
    const countedTerms = nums.map((x) => (x.n.counted ? new Set(crossUnits(x.n.counted, x.a.language).flat()) : null));
    for (const list of byValue.values()) {
      for (let p = 0; p < list.length; p++) {
        for (let q = p + 1; q < list.length; q++) {
          const i = list[p]!;
          const j = list[q]!;
          if (nums[i]!.a.language === nums[j]!.a.language) continue;
          const ti = countedTerms[i]!;
          const tj = countedTerms[j]!;
          if ((ti === null && tj === null) || (ti !== null && tj !== null && [...ti].some((t) => tj.has(t)))) uf.union(i, j);
        }
      }
    }
  }
  // Per sentence, looked up once (a sentence is on many links): the numIndex entry of each of its number mentions
  // (−1 when none) and their values.
  const numbersOf = new Map<SentenceInfo, { index: Int32Array; value: string[] }>();
  const numbersIn = (s: SentenceInfo): { index: Int32Array; value: string[] } => {
    let r = numbersOf.get(s);
    if (!r) {
      r = { index: Int32Array.from(s.slots.numbers, (x) => numIndex.get(spanKey(s.articleId, x.start, x.end)) ?? -1), value: s.slots.numbers.map(quantityValue) };
      numbersOf.set(s, r);
    }
    return r;
  };
  const linkNumbers = (a: SentenceInfo, b: SentenceInfo): void => {
    const xs = a.slots.numbers;
    const ys = b.slots.numbers;
    if (xs.length === 0 || ys.length === 0) return;
    const na = numbersIn(a);
    const nb = numbersIn(b);
    for (let p = 0; p < xs.length; p++) {
      for (let q = 0; q < ys.length; q++) {
        if (na.value[p] !== nb.value[q] || !sameQuantity(xs[p]!, ys[q]!, xs, ys)) continue;
        const i = na.index[p]!;
        const j = nb.index[q]!;
        if (i >= 0 && j >= 0) uf.union(i, j);
      }
    }
  };
  for (const p of pairs) for (const d of p.details) linkNumbers(d.a, d.b);
  for (const l of links) linkNumbers(l.a, l.b);
  for (const g of uf.groups()) {
    const first = nums[g[0]!]!.n;
    const counted = g.map((i) => nums[i]!.n.counted).find((c): c is string => !!c);
    const text = counted && !first.text.toLowerCase().includes(counted.toLowerCase()) ? `${first.text} ${counted}` : first.text;
    const key = g.map((i) => numberKey(nums[i]!.n)).find((k): k is string => !!k) ?? first.kind;
    book.add('number', `${key}=${quantityValue(first)}`, {
      text,
      value: numberValue(first),
      mentions: g.map((i) => mention(nums[i]!.a.id, nums[i]!.n)),
    });
  }

  // ── dates: the same ISO value, merged across mentions when both are absolute ("November 30",
  // "1952", "3 March 2024") or when their sentences are aligned; a relative mention ("Thursday",
  // "tonight") only joins through an aligned sentence or the same wording in one article. Two events
  // on one day ("until Thursday" vs "an emergency session on November 19") stay apart. In aligned
  // sentences the same words join even when the copies' publication dates read them as other days
  // ("Thursday" in a copy of the next week: sameDateWording).
  const dms = ctx.articles.flatMap((a) => a.analysed.dates.filter((d) => !isPublicationDeictic(a.analysed.article.published, d) && !isPublicationStamp(a.analysed.article.text, d)).map((d) => ({ a, d })));
  // Linear in the mentions (bucketed by ISO value and by sentence), with the same groups as the pairwise rule:
  // absolute mentions of one value join; relative ones join through an aligned sentence, the same wording in one
  // article, or the same wording everywhere (every mention of the value worded alike).
  const wording = dms.map((x) => normaliseKey(x.d.text));
  const absolute = dms.map((x) => isAbsoluteDate(x.d.text));
  const ud = new UnionFind(dms.length);
  const byIso = new Map<string, number[]>();
  // Date mentions by article (story order) and sentence index.
  const bySentence = ctx.articles.map(() => new Map<number, number[]>());
  const datesIn = (order: number, sentence: number): number[] | undefined => bySentence[order]?.get(sentence);
  dms.forEach((x, i) => {
    push(byIso, x.d.iso, i);
    push(bySentence[x.a.order]!, x.d.sentence, i);
  });
  for (const list of byIso.values()) {
    const wordings = new Set(list.map((i) => wording[i]!));
    if (wordings.size === 1) {
      // Same wording in every mention: all join (absolute ones as absolute, relative ones as the same wording).
      for (const i of list) ud.union(list[0]!, i);
      continue;
    }
    let firstAbsolute = -1;
    const sameArticleWording = new Map<string, number>();
    for (const i of list) {
      if (absolute[i]) {
        if (firstAbsolute < 0) firstAbsolute = i;
        else ud.union(firstAbsolute, i);
      }
      const k = `${dms[i]!.a.order}\u0000${wording[i]}`;
      const first = sameArticleWording.get(k);
      if (first === undefined) sameArticleWording.set(k, i);
      else ud.union(first, i);
    }
  }
  for (const p of pairs) {
    for (const d of p.details) {
      const xs = datesIn(p.a, d.a.sentence.index);
      const ys = xs && datesIn(p.b, d.b.sentence.index);
      if (!xs || !ys) continue;
      for (const i of xs) for (const j of ys) if (sameDate(dms[i]!.d, dms[j]!.d)) ud.union(i, j);
    }
  }
  for (const l of links) {
    const xs = datesIn(l.a.article, l.a.sentence.index);
    const ys = xs && datesIn(l.b.article, l.b.sentence.index);
    if (xs && ys) for (const i of xs) for (const j of ys) if (sameDate(dms[i]!.d, dms[j]!.d)) ud.union(i, j);
  }
  for (const g of ud.groups()) {
    const first = dms[g[0]!]!.d;
    const wordings = [...new Set(g.map((i) => wording[i]!))].sort().join('|');
    book.add('date', `${first.iso}|${wordings}`, {
      text: first.text,
      value: first.iso,
      mentions: g.map((i) => mention(dms[i]!.a.id, dms[i]!.d)),
    });
  }

  // ── entities
  const ents = ctx.articles.flatMap((a) => a.analysed.entities.filter((e) => ENTITY_TYPES.has(e.type)).map((e) => ({ a, e })));
  const ue = new UnionFind(ents.length);
  // Entities sharing a key or alias (and a compatible type) are one; indexed by key, not all pairs.
  const byKey = new Map<string, number[]>();
  // Across languages a name is spelt in two scripts (or transliterated two ways): its anchor keys join too (only
  // entities of articles in different languages, below).
  const keysOf = ents.map((x) => (ctx.multilingual ? withAnchors(entityKeys(x.e)) : entityKeys(x.e)));
  keysOf.forEach((keys, i) => {
    for (const k of keys) {
      const list = byKey.get(k);
      if (list) list.push(i);
      else byKey.set(k, [i]);
    }
  });
  for (const [key, list] of byKey) {
    // An anchor key joins only entities of articles in two languages (within one, "Taylor" and "Tyler" are two people).
    const across = key.startsWith('~');
    for (let k = 1; k < list.length; k++) {
      const x = list[k]!;
      const j = list.findIndex((i) => (!across || ents[i]!.a.language !== ents[x]!.a.language) && sameEntityKeys(ents[i]!.e, keysOf[i]!, ents[x]!.e, keysOf[x]!));
      if (j >= 0 && j < k) ue.union(list[j]!, x);
    }
  }
  for (const g of ue.groups()) {
    const members = g.map((i) => ents[i]!);
    if (members.every((m) => m.e.mentions.length === 0)) continue;
    const name = members.map((m) => m.e.name).reduce((x, y) => (y.length > x.length ? y : x));
    const keys = [...new Set(members.map((m) => m.e.key))].sort().join('|');
    book.add('entity', keys, {
      text: name,
      mentions: members.flatMap((m) => m.e.mentions.map((s) => mention(m.a.id, s))),
    });
  }

  // ── media attributions
  const attrs = new Map<string, { outlet: string; ms: Mention[] }>();
  for (const a of ctx.articles) {
    for (const m of a.analysed.attributions) {
      const g = attrs.get(m.key);
      if (g) g.ms.push(mention(a.id, m));
      else attrs.set(m.key, { outlet: m.outlet, ms: [mention(a.id, m)] });
    }
  }
  for (const [key, g] of attrs) book.add('attribution', key, { text: g.outlet, value: key, mentions: g.ms });
}
