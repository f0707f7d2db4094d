/**
 * Conflicts: the typed disagreements found on alignment links (number, date, negation, actor,
 * meaning, media attribution) and in the quote ledger (the same words attributed to different
 * speakers), each with every article's exact evidence and the claims involved. Involved claims
 * become `conflicting`.
 *
 * One conflict per disagreement in the story, not per article pair. Pairwise findings ("pieces")
 * are merged when they have the same type and
 *  - the same key (the counted thing, the verb, the negated word, ...) and share a statement claim
 *    (the same group of aligned sentences), or
 *  - share a number/date/attribution value claim or a quote claim, or
 *  - have overlapping side spans in one article (the same evidence seen from two pairs).
 * Number and date conflicts then take in every mention of their value claims that sits in a sentence
 * aligned (any label) with a sentence already on a side: an outlet that states the same quantity in
 * an aligned sentence is a side, even where its counted noun differs ("1,200 people were moved out"
 * vs "1,200 residents") — the claim ledger groups such numbers (claims.ts documents when).
 *
 * Sides are grouped into camps, one per asserted value: numbers and dates by value; actor, negation,
 * meaning and attribution by the pairwise oppositions (a side opposed to the same side as another is
 * in that other's camp), falling back to the normalised value when the oppositions are not two-sided.
 * Each article appears once per camp (its first piece of evidence); identical spans once.
 * Summary: "<what>: Metro Ledger says X; Northshore Daily and Valley Courier say Y" (at most SUMMARY_CAMPS values
 * and SUMMARY_NAMES outlets each: "A, B, C and 47 more outlets say Y; 3 more values").
 *
 * Ids: `conflict-` + hash of type and sides (stable). Order: sides by camp (the camp holding the
 * story-first side first), then story order and offset; conflicts by their first side, then type.
 */
import type { Conflict, ConflictSide } from '../types.js';
import { shortHash } from '../text/hash.js';
import { normaliseKey } from '../text/normalise.js';
import { sentenceIndexAt } from '../text/spans.js';
import { sameSpeaker } from '../similarity/speakers.js';
import { spanKey, type ClaimBook, type ClaimDraft } from './claims.js';
import type { QuoteConflict } from './quote-ledger.js';
import type { PairAlignment } from './types.js';
import { UnionFind } from './union-find.js';
import { push } from './multimap.js';

type ConflictType = Conflict['type'];

/** One pairwise finding, before merging. */
interface Piece {
  type: ConflictType;
  key: string;
  /** The finder's summary (its "what" part is reused). */
  summary: string;
  a: ConflictSide;
  b: ConflictSide;
  claims: ClaimDraft[];
  /** Statement claims of the two sentences. */
  statements: Set<string>;
  /** Value (number/date/attribution) or quote claims. */
  values: Set<string>;
}

export function findConflicts(book: ClaimBook, pairs: readonly PairAlignment[], quoteConflicts: readonly QuoteConflict[]): Conflict[] {
  const pieces: Piece[] = [];
  const valueClaims = valueClaimFinder(book);
  const quoteClaims = quoteClaimFinder(book);
  for (const p of pairs) {
    for (const d of p.details) {
      if (d.conflicts.length === 0) continue;
      const stA = book.statementOf.get(`${p.a}:${d.a.sentence.index}`);
      const stB = book.statementOf.get(`${p.b}:${d.b.sentence.index}`);
      for (const c of d.conflicts) {
        const a: ConflictSide = { article: d.a.articleId, start: c.a.start, end: c.a.end, text: c.a.text, value: c.a.value };
        const b: ConflictSide = { article: d.b.articleId, start: c.b.start, end: c.b.end, text: c.b.text, value: c.b.value };
        const claims: ClaimDraft[] = [];
        if (stA) claims.push(stA);
        if (stB && stB !== stA) claims.push(stB);
        const values = new Set<string>();
        if (c.type === 'number' || c.type === 'date' || c.type === 'attribution') {
          const vc = [...valueClaims(a, c.type), ...valueClaims(b, c.type)];
          claims.push(...vc);
          for (const x of vc) values.add(x.id);
        }
        // A side inside a quotation ("We will not rebuild" against "We will rebuild"): the quote's claim conflicts too,
        // not only the sentence's; else the ledger shows the quotation as quoted alike by both.
        for (const x of uniqueDrafts([...quoteClaims(a), ...quoteClaims(b)])) if (!claims.includes(x)) claims.push(x);
        pieces.push({
          type: c.type,
          key: c.key,
          summary: c.summary,
          a,
          b,
          claims,
          statements: new Set([stA, stB].filter((x): x is ClaimDraft => !!x).map((x) => x.id)),
          values,
        });
      }
    }
  }
  for (const q of quoteConflicts) {
    pieces.push({
      type: q.type,
      key: `${q.type === 'attribution' ? 'quote' : 'quote-words'}|${q.claim.id}`,
      summary: q.type === 'attribution' ? `Speaker of ${shorten(q.claim.text)}` : `Words of ${shorten(q.claim.text)}`,
      a: { article: q.a.article, ...q.a.side },
      b: { article: q.b.article, ...q.b.side },
      claims: [q.claim],
      statements: new Set(),
      values: new Set([q.claim.id]),
    });
  }

  // Merge pieces about the same disagreement.
  const uf = mergePieces(pieces);
  // Only number and date conflicts read the aligned sentences: built on the first that does.
  let linked: Map<string, Set<string>> | null = null;

  const out: Conflict[] = [];
  const ids = new Set<string>();
  for (const g of uf.groups()) {
    const group = g.map((i) => pieces[i]!);
    const first = group[0]!;
    const claims: ClaimDraft[] = group.flatMap((x) => x.claims);
    let sides = uniqueSides(group.flatMap((x) => [x.a, x.b]));
    if (first.type === 'number' || first.type === 'date') {
      linked ??= sentenceLinks(pairs);
      const extra = alignedValueMentions(book, linked, sides, claims, first.type);
      sides = uniqueSides([...sides, ...extra.sides]);
      claims.push(...extra.claims);
    }
    const camps = orderCamps(book, campsOf(group, sides, book.ctx.multilingual));
    if (camps.length < 2) continue;
    const ordered = camps.flatMap((c) => c);
    if (ordered.length < 2) continue;
    const uniqueClaims = uniqueDrafts(claims);
    for (const c of uniqueClaims) c.conflicting = true;
    const base = `conflict-${shortHash(first.type, ...ordered.map((s) => `${s.article}:${s.start}:${s.end}:${s.value}`))}`;
    let id = base;
    for (let k = 2; ids.has(id); k++) id = `${base}-${k}`;
    ids.add(id);
    out.push({ id, type: first.type, summary: summaryOf(book, first, camps), sides: ordered, claims: uniqueClaims.map((c) => c.id) });
  }
  return out.sort((x, y) => {
    const sx = firstByOrder(book, x.sides);
    const sy = firstByOrder(book, y.sides);
    return (
      (book.articleOrder.get(sx.article) ?? 0) - (book.articleOrder.get(sy.article) ?? 0) ||
      sx.start - sy.start ||
      (x.type < y.type ? -1 : x.type > y.type ? 1 : 0) ||
      (x.id < y.id ? -1 : 1)
    );
  });
}

/**
 * Pieces of one type join when they have the same key and share a statement claim, share a value claim,
 * or have overlapping side spans in one article. Bucketed by (type, key, statement) and (type, value), and
 * swept by start per (type, article) — linear up to the sort, where testing every two pieces was quadratic
 * in a big story. Overlap is [start, end) against the side reaching furthest so far: every side still open
 * at a start contains that point, so they overlap one another and were joined already.
 */
function mergePieces(pieces: readonly Piece[]): UnionFind {
  const uf = new UnionFind(pieces.length);
  const buckets = new Map<string, number>();
  const join = (key: string, i: number): void => {
    const first = buckets.get(key);
    if (first === undefined) buckets.set(key, i);
    else uf.union(first, i);
  };
  const spans = new Map<string, { start: number; end: number; piece: number }[]>();
  pieces.forEach((p, i) => {
    for (const st of p.statements) join(`${p.type}\u0000k\u0000${p.key}\u0000${st}`, i);
    for (const v of p.values) join(`${p.type}\u0000v\u0000${v}`, i);
    for (const side of [p.a, p.b]) push(spans, `${p.type}\u0000${side.article}`, { start: side.start, end: side.end, piece: i });
  });
  for (const list of spans.values()) {
    list.sort((x, y) => x.start - y.start || x.end - y.end || x.piece - y.piece);
    let open: { start: number; end: number; piece: number } | null = null;
    for (const span of list) {
      if (open && open.end > span.start && open.start < span.end) uf.union(open.piece, span.piece);
      if (!open || span.end > open.end) open = span;
    }
  }
  return uf;
}

/** Aligned sentences (any label) of the story, both ways: `${articleId}#${sentence}` → linked sentences. */
function sentenceLinks(pairs: readonly PairAlignment[]): Map<string, Set<string>> {
  const linked = new Map<string, Set<string>>();
  const add = (x: string, y: string): void => {
    const s = linked.get(x);
    if (s) s.add(y);
    else linked.set(x, new Set([y]));
  };
  for (const p of pairs) {
    for (const d of p.details) {
      const x = `${d.a.articleId}#${d.a.sentence.index}`;
      const y = `${d.b.articleId}#${d.b.sentence.index}`;
      add(x, y);
      add(y, x);
    }
  }
  return linked;
}

function firstByOrder(book: ClaimBook, sides: readonly ConflictSide[]): ConflictSide {
  return book.sortMentions(sides)[0] as ConflictSide;
}

function uniqueSides(sides: readonly ConflictSide[]): ConflictSide[] {
  const seen = new Set<string>();
  const out: ConflictSide[] = [];
  for (const s of sides) {
    const k = `${spanKey(s.article, s.start, s.end)}|${s.value}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(s);
  }
  return out;
}

/**
 * Mentions of the conflict's number/date claims that sit in a sentence aligned with a sentence of a
 * current side (repeated until nothing is added): the outlets that state one of the disputed values
 * at the same place in the story.
 */
function alignedValueMentions(
  book: ClaimBook,
  linked: ReadonlyMap<string, ReadonlySet<string>>,
  sides: readonly ConflictSide[],
  claims: readonly ClaimDraft[],
  type: 'number' | 'date',
): { sides: ConflictSide[]; claims: ClaimDraft[] } {
  const { ctx } = book;
  const sentenceOf = (article: string, start: number): string => {
    const order = book.articleOrder.get(article);
    const art = order === undefined ? undefined : ctx.articles[order];
    return `${article}#${art ? sentenceIndexAt(art.analysed.sentences, start) : -1}`;
  };
  const kind = type;
  const valueClaimsNow = uniqueDrafts(claims.filter((c) => c.kind === kind));
  const have = new Set(sides.map((s) => spanKey(s.article, s.start, s.end)));
  const sentences = new Set(sides.map((s) => sentenceOf(s.article, s.start)));
  const outSides: ConflictSide[] = [];
  const outClaims: ClaimDraft[] = [];
  for (let changed = true; changed; ) {
    changed = false;
    for (const c of valueClaimsNow) {
      for (const m of c.mentions) {
        const k = spanKey(m.article, m.start, m.end);
        if (have.has(k)) continue;
        const sent = sentenceOf(m.article, m.start);
        const near = [...(linked.get(sent) ?? [])].some((s) => sentences.has(s));
        if (!near) continue;
        have.add(k);
        sentences.add(sent);
        outSides.push({ article: m.article, start: m.start, end: m.end, text: m.text, value: c.value ?? m.text });
        const order = book.articleOrder.get(m.article) ?? -1;
        const st = book.statementOf.get(`${order}:${sent.slice(sent.lastIndexOf('#') + 1)}`);
        if (st) outClaims.push(st);
        changed = true;
      }
    }
  }
  return { sides: outSides, claims: outClaims };
}

/**
 * The sides grouped by the value they assert, camps in story order of their first side, each camp
 * with one side per article (its first), sides in story order.
 */
function campsOf(group: readonly Piece[], sides: readonly ConflictSide[], acrossSpellings: boolean): ConflictSide[][] {
  const idx = new Map<string, number>();
  sides.forEach((s, i) => idx.set(spanKey(s.article, s.start, s.end) + `|${s.value}`, i));
  const at = (s: ConflictSide): number => idx.get(spanKey(s.article, s.start, s.end) + `|${s.value}`) ?? -1;
  const type = group[0]!.type;
  const valueKey = (s: ConflictSide): string => (normaliseKey(s.value));

  let campOf: number[];
  if (type === 'number' || type === 'date') {
    campOf = byValue(sides, valueKey);
  } else {
    // Two-sided oppositions: sides opposed to a common side are one camp. Sides with the same value are
    // one camp first (attribution: also speakers that match by name, tested over distinct values).
    const uf = new UnionFind(sides.length);
    const keys = sides.map(valueKey);
    const byKey = new Map<string, number[]>();
    keys.forEach((k, i) => push(byKey, k, i));
    for (const same of byKey.values()) for (const i of same) uf.union(same[0]!, i);
    if (type === 'attribution') {
      const distinct = [...new Map(sides.map((s, i) => [s.value, i])).values()].sort((x, y) => x - y);
      for (let x = 0; x < distinct.length; x++) {
        for (let y = x + 1; y < distinct.length; y++) {
          const i = distinct[x]!;
          const j = distinct[y]!;
          if (uf.find(i) !== uf.find(j) && sameSpeaker(sides[i]!.value, sides[j]!.value, acrossSpellings)) uf.union(i, j);
        }
      }
      // Every side with a value is joined to the first side of that value above.
      const firstOfValue = new Map<string, number>();
      sides.forEach((s, i) => {
        const f = firstOfValue.get(s.value);
        if (f === undefined) firstOfValue.set(s.value, i);
        else uf.union(f, i);
      });
    }
    // Pieces touching one camp: their other ends are one camp (to a fixpoint).
    const ends = group.map((p) => [at(p.a), at(p.b)] as const).filter(([a, b]) => a >= 0 && b >= 0);
    for (let changed = true; changed; ) {
      changed = false;
      const opposite = new Map<number, number>();
      for (const [a, b] of ends) {
        for (const [x, y] of [
          [a, b],
          [b, a],
        ] as const) {
          const camp = uf.find(x);
          const seen = opposite.get(camp);
          if (seen === undefined) opposite.set(camp, y);
          else if (uf.find(seen) !== uf.find(y)) {
            uf.union(seen, y);
            changed = true;
          }
        }
      }
    }
    const twoSided = group.every((p) => at(p.a) >= 0 && at(p.b) >= 0 && uf.find(at(p.a)) !== uf.find(at(p.b)));
    campOf = twoSided ? sides.map((_, i) => uf.find(i)) : byValue(sides, valueKey);
  }
  const camps = new Map<number, ConflictSide[]>();
  sides.forEach((s, i) => {
    const c = campOf[i]!;
    const list = camps.get(c);
    if (list) list.push(s);
    else camps.set(c, [s]);
  });
  return [...camps.values()];
}

function byValue(sides: readonly ConflictSide[], key: (s: ConflictSide) => string): number[] {
  const first = new Map<string, number>();
  return sides.map((s, i) => {
    const k = key(s);
    const f = first.get(k);
    if (f !== undefined) return f;
    first.set(k, i);
    return i;
  });
}

/** Orders camps and their sides (story order), one side per article per camp. */
function orderCamps(book: ClaimBook, camps: readonly ConflictSide[][]): ConflictSide[][] {
  const sorted = camps.map((c) => {
    const seen = new Set<string>();
    return (book.sortMentions(c) as ConflictSide[]).filter((s) => {
      if (seen.has(s.article)) return false;
      seen.add(s.article);
      return true;
    });
  });
  return sorted.sort((x, y) => {
    const a = x[0]!;
    const b = y[0]!;
    return (book.articleOrder.get(a.article) ?? 0) - (book.articleOrder.get(b.article) ?? 0) || a.start - b.start;
  });
}

function summaryOf(book: ClaimBook, first: Piece, camps: ConflictSide[][]): string {
  const what = whatOf(book, first, camps.flat());
  const parts = camps.slice(0, SUMMARY_CAMPS).map((camp) => {
    const names = [...new Set(camp.map((s) => outletName(book, s.article)))];
    const verb = names.length === 1 ? 'says' : 'say';
    return `${joinNames(names)} ${verb} ${shownValue(book, first.type, camp[0]!)}`;
  });
  const more = camps.length - SUMMARY_CAMPS;
  return `${what}: ${parts.join('; ')}${more > 0 ? `; ${more} more ${more === 1 ? 'value' : 'values'}` : ''}`;
}

/** A summary names at most this many values (camps) and this many outlets per value; the sides hold them all. */
const SUMMARY_CAMPS = 4;
const SUMMARY_NAMES = 3;

function whatOf(book: ClaimBook, first: Piece, sides: readonly ConflictSide[]): string {
  switch (first.type) {
    case 'number': {
      // A count in words ("dozens" / "hundreds", ./magnitudes.ts): no number to name.
      if (first.key.startsWith('magnitude:')) return 'Order of magnitude';
      const counted = sides.map((s) => numberAt(book, s)?.counted).find((c): c is string => !!c);
      if (counted) return `Number of ${counted.replace(/\s+/g, ' ')}`;
      const numbers = sides.map((s) => numberAt(book, s));
      const units = new Set(numbers.map((n) => n?.unit).filter((u): u is string => !!u));
      // One amount in two currencies (similarity/slots.ts `currencySwap`); "5 km" / "6,000 metres" is one quantity.
      if (units.size > 1 && numbers.every((n) => n?.kind === 'money')) return 'Currency';
      const unit = units.values().next().value;
      return unit ? `Quantity in ${unit}` : 'Number';
    }
    case 'date':
      return 'Date';
    case 'negation':
      return `Negation of “${first.key}”`;
    case 'attribution':
      return first.key.startsWith('quote|') ? first.summary : 'Credited source';
    default: {
      const cut = first.summary.indexOf(': ');
      return cut > 0 ? first.summary.slice(0, cut) : first.summary;
    }
  }
}

function numberAt(book: ClaimBook, s: ConflictSide) {
  const order = book.articleOrder.get(s.article);
  const art = order === undefined ? undefined : book.ctx.articles[order];
  return art?.analysed.numbers.find((n) => n.start === s.start && n.end === s.end) ?? art?.analysed.numbers.find((n) => n.start < s.end && s.start < n.end);
}

/** The value as a reader says it: numbers as written without their counted noun, roles with their article. */
function shownValue(book: ClaimBook, type: ConflictType, s: ConflictSide): string {
  const oneLine = (t: string): string => t.replace(/\s+/g, ' ').trim();
  if (type === 'number') {
    const n = numberAt(book, s);
    const text = oneLine(s.text);
    if (n?.counted) {
      const counted = oneLine(n.counted);
      // ("Two of the victims": the number alone, "Two".)
      if (text.toLowerCase().endsWith(` ${counted.toLowerCase()}`)) return text.slice(0, text.length - counted.length - 1).replace(/\s+of\s+(?:the|these|those|its|their|his|her|our)\b.*$/i, '');
    }
    return text;
  }
  if (type === 'date') return oneLine(s.text);
  if (type === 'actor') {
    const order = book.articleOrder.get(s.article);
    const text = order === undefined ? '' : book.ctx.articles[order]!.analysed.article.text;
    const det = /\b(the|a|an)\s+$/i.exec(text.slice(Math.max(0, s.start - 5), s.start));
    return `${det ? `${det[1]!.toLowerCase()} ` : ''}${oneLine(s.value)}`;
  }
  if (type === 'attribution') return oneLine(s.value);
  return `“${oneLine(s.value)}”`;
}

function outletName(book: ClaimBook, article: string): string {
  const order = book.articleOrder.get(article);
  const a = order === undefined ? undefined : book.ctx.articles[order];
  return a?.analysed.article.source?.trim() || article;
}

function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  if (names.length > SUMMARY_NAMES) return `${names.slice(0, SUMMARY_NAMES).join(', ')} and ${names.length - SUMMARY_NAMES} more outlets`;
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

function shorten(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length <= 60 ? t : `${t.slice(0, 57).trimEnd()}…”`;
}

/**
 * The number/date/attribution claims whose mention is exactly (or contains/is contained by) a side: a
 * lookup by span, then by article (claims in book order) for the overlapping ones.
 */
function valueClaimFinder(book: ClaimBook): (side: ConflictSide, type: ConflictType) => ClaimDraft[] {
  let byArticle: Map<string, ClaimDraft[]> | null = null;
  return (side, type) => {
    const kind = type === 'number' ? 'number' : type === 'date' ? 'date' : 'attribution';
    const exact = book.bySpan.get(spanKey(side.article, side.start, side.end));
    if (exact) return exact.filter((c) => c.kind === kind);
    if (!byArticle) {
      const index = new Map<string, ClaimDraft[]>();
      for (const c of book.drafts) {
        if (c.kind !== 'number' && c.kind !== 'date' && c.kind !== 'attribution') continue;
        for (const article of new Set(c.mentions.map((m) => m.article))) push(index, article, c);
      }
      byArticle = index;
    }
    return (byArticle.get(side.article) ?? []).filter(
      (c) => c.kind === kind && c.mentions.some((m) => m.article === side.article && m.start < side.end && side.start < m.end),
    );
  };
}

/** The quote claims with a mention (a quotation) that holds a side. */
function quoteClaimFinder(book: ClaimBook): (side: ConflictSide) => ClaimDraft[] {
  let byArticle: Map<string, ClaimDraft[]> | null = null;
  return (side) => {
    if (!byArticle) {
      const index = new Map<string, ClaimDraft[]>();
      for (const c of book.drafts) {
        if (c.kind !== 'quote') continue;
        for (const article of new Set(c.mentions.map((m) => m.article))) push(index, article, c);
      }
      byArticle = index;
    }
    return (byArticle.get(side.article) ?? []).filter((c) => c.mentions.some((m) => m.article === side.article && m.start <= side.start && side.end <= m.end));
  };
}

function uniqueDrafts(xs: readonly ClaimDraft[]): ClaimDraft[] {
  const seen = new Set<string>();
  const out: ClaimDraft[] = [];
  for (const x of xs) {
    if (seen.has(x.id)) continue;
    seen.add(x.id);
    out.push(x);
  }
  return out;
}

