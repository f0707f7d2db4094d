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
 * Summary: "<what>: Metro Ledger says X; Northshore Daily and Valley Courier say Y".
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
  for (const p of pairs) {
    for (const d of p.details) {
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
          const vc = [...valueClaims(book, a, c.type), ...valueClaims(book, b, c.type)];
          claims.push(...vc);
          for (const x of vc) values.add(x.id);
        }
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
      type: 'attribution',
      key: `quote|${q.claim.id}`,
      summary: `Speaker of ${shorten(q.claim.text)}`,
      a: { article: q.a.article, ...q.a.side },
      b: { article: q.b.article, ...q.b.side },
      claims: [q.claim],
      statements: new Set(),
      values: new Set([q.claim.id]),
    });
  }

  // Merge pieces about the same disagreement.
  const uf = new UnionFind(pieces.length);
  for (let i = 0; i < pieces.length; i++) {
    for (let j = i + 1; j < pieces.length; j++) {
      if (samePieceGroup(pieces[i]!, pieces[j]!)) uf.union(i, j);
    }
  }

  const out: Conflict[] = [];
  const ids = new Set<string>();
  for (const g of uf.groups()) {
    const group = g.map((i) => pieces[i]!);
    const first = group[0]!;
    const claims: ClaimDraft[] = group.flatMap((x) => x.claims);
    let sides = uniqueSides(group.flatMap((x) => [x.a, x.b]));
    if (first.type === 'number' || first.type === 'date') {
      const extra = alignedValueMentions(book, pairs, sides, claims, first.type);
      sides = uniqueSides([...sides, ...extra.sides]);
      claims.push(...extra.claims);
    }
    const camps = orderCamps(book, campsOf(group, sides));
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

function samePieceGroup(x: Piece, y: Piece): boolean {
  if (x.type !== y.type) return false;
  if (x.key === y.key && [...x.statements].some((s) => y.statements.has(s))) return true;
  if ([...x.values].some((v) => y.values.has(v))) return true;
  const overlap = (s: ConflictSide, t: ConflictSide): boolean => s.article === t.article && s.start < t.end && t.start < s.end;
  return [x.a, x.b].some((s) => [y.a, y.b].some((t) => overlap(s, t)));
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
  pairs: readonly PairAlignment[],
  sides: readonly ConflictSide[],
  claims: readonly ClaimDraft[],
  type: 'number' | 'date',
): { sides: ConflictSide[]; claims: ClaimDraft[] } {
  const { ctx } = book;
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
function campsOf(group: readonly Piece[], sides: readonly ConflictSide[]): ConflictSide[][] {
  const idx = new Map<string, number>();
  sides.forEach((s, i) => idx.set(spanKey(s.article, s.start, s.end) + `|${s.value}`, i));
  const at = (s: ConflictSide): number => idx.get(spanKey(s.article, s.start, s.end) + `|${s.value}`) ?? -1;
  const type = group[0]!.type;
  const valueKey = (s: ConflictSide): string => (normaliseKey(s.value));

  let campOf: number[];
  if (type === 'number' || type === 'date') {
    campOf = byValue(sides, valueKey);
  } else {
    // Two-sided oppositions: sides opposed to a common side are one camp.
    const uf = new UnionFind(sides.length);
    for (let i = 0; i < sides.length; i++) for (let j = i + 1; j < sides.length; j++) if (sameValue(type, sides[i]!, sides[j]!)) uf.union(i, j);
    for (let changed = true; changed; ) {
      changed = false;
      for (const p of group) {
        for (const q of group) {
          if (p === q) continue;
          const [pa, pb, qa, qb] = [at(p.a), at(p.b), at(q.a), at(q.b)];
          if (pa < 0 || pb < 0 || qa < 0 || qb < 0) continue;
          const link = (x: number, y: number): void => {
            if (x >= 0 && y >= 0 && uf.find(x) !== uf.find(y)) {
              uf.union(x, y);
              changed = true;
            }
          };
          if (uf.find(pa) === uf.find(qa)) link(pb, qb);
          if (uf.find(pa) === uf.find(qb)) link(pb, qa);
          if (uf.find(pb) === uf.find(qa)) link(pa, qb);
          if (uf.find(pb) === uf.find(qb)) link(pa, qa);
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

function sameValue(type: ConflictType, x: ConflictSide, y: ConflictSide): boolean {
  if (type === 'attribution') return sameSpeaker(x.value, y.value) || normaliseKey(x.value) === normaliseKey(y.value);
  return normaliseKey(x.value) === normaliseKey(y.value);
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
  const parts = camps.map((camp) => {
    const names = [...new Set(camp.map((s) => outletName(book, s.article)))];
    const verb = names.length === 1 ? 'says' : 'say';
    return `${joinNames(names)} ${verb} ${shownValue(book, first.type, camp[0]!)}`;
  });
  return `${what}: ${parts.join('; ')}`;
}

function whatOf(book: ClaimBook, first: Piece, sides: readonly ConflictSide[]): string {
  switch (first.type) {
    case 'number': {
      const counted = sides.map((s) => numberAt(book, s)?.counted).find((c): c is string => !!c);
      if (counted) return `Number of ${counted.replace(/\s+/g, ' ')}`;
      const unit = sides.map((s) => numberAt(book, s)?.unit).find((u): u is string => !!u);
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
      if (text.toLowerCase().endsWith(` ${counted.toLowerCase()}`)) return text.slice(0, text.length - counted.length - 1);
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
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

function shorten(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length <= 60 ? t : `${t.slice(0, 57).trimEnd()}…”`;
}

/** The number/date/attribution claims whose mention is exactly (or contains/is contained by) this side. */
function valueClaims(book: ClaimBook, side: ConflictSide, type: ConflictType): ClaimDraft[] {
  const kind = type === 'number' ? 'number' : type === 'date' ? 'date' : 'attribution';
  const exact = book.bySpan.get(spanKey(side.article, side.start, side.end));
  if (exact) return exact.filter((c) => c.kind === kind);
  return book.drafts.filter(
    (c) => c.kind === kind && c.mentions.some((m) => m.article === side.article && m.start < side.end && side.start < m.end),
  );
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

