/**
 * Conflicts: the typed disagreements found on alignment links (number, date, negation, actor,
 * meaning, media attribution) and in the quote ledger (the same words attributed to different
 * speakers), each with both sides' exact spans and the claims involved. Involved claims become
 * `conflicting`.
 *
 * Number and date conflicts about the same values (the same pair of value claims) found on several
 * article pairs are merged into one conflict with all sides; every other conflict is per link.
 * Order: by the first side (story order of its article, then offset), then type.
 */
import type { Conflict, ConflictSide } from '../types.js';
import { shortHash } from '../text/hash.js';
import { spanKey, type ClaimBook, type ClaimDraft } from './claims.js';
import type { QuoteConflict } from './quote-ledger.js';
import type { PairAlignment } from './types.js';

interface Draft {
  type: Conflict['type'];
  summary: string;
  sides: ConflictSide[];
  claims: ClaimDraft[];
  mergeKey: string | null;
}

export function findConflicts(book: ClaimBook, pairs: readonly PairAlignment[], quoteConflicts: readonly QuoteConflict[]): Conflict[] {
  const drafts: Draft[] = [];
  const merged = new Map<string, Draft>();

  for (const p of pairs) {
    for (const d of p.details) {
      const stA = book.statementOf.get(`${p.a}:${d.a.sentence.index}`);
      const stB = book.statementOf.get(`${p.b}:${d.b.sentence.index}`);
      for (const c of d.conflicts) {
        const sideA: ConflictSide = { article: d.a.articleId, start: c.a.start, end: c.a.end, text: c.a.text, value: c.a.value };
        const sideB: ConflictSide = { article: d.b.articleId, start: c.b.start, end: c.b.end, text: c.b.text, value: c.b.value };
        const claims: ClaimDraft[] = [];
        if (stA) claims.push(stA);
        if (stB && stB !== stA) claims.push(stB);
        let mergeKey: string | null = null;
        if (c.type === 'number' || c.type === 'date' || c.type === 'attribution') {
          const va = valueClaims(book, sideA, c.type);
          const vb = valueClaims(book, sideB, c.type);
          claims.push(...va, ...vb);
          if (va.length > 0 && vb.length > 0) {
            mergeKey = `${c.type}|${c.key}|${[...new Set([...va, ...vb].map((x) => x.id))].sort().join(',')}`;
          }
        }
        if (mergeKey) {
          const prev = merged.get(mergeKey);
          if (prev) {
            prev.sides.push(sideA, sideB);
            prev.claims.push(...claims);
            continue;
          }
        }
        const draft: Draft = { type: c.type, summary: c.summary, sides: [sideA, sideB], claims, mergeKey };
        drafts.push(draft);
        if (mergeKey) merged.set(mergeKey, draft);
      }
    }
  }

  for (const q of quoteConflicts) {
    drafts.push({
      type: 'attribution',
      summary: `The same quote attributed to ${q.a.side.value} and to ${q.b.side.value}`,
      sides: [
        { article: q.a.article, ...q.a.side },
        { article: q.b.article, ...q.b.side },
      ],
      claims: [q.claim],
      mergeKey: null,
    });
  }

  const out: Conflict[] = [];
  const ids = new Set<string>();
  for (const d of drafts) {
    const sides = book.sortMentions(d.sides) as ConflictSide[];
    const claims = uniqueDrafts(d.claims);
    for (const c of claims) c.conflicting = true;
    const base = `conflict-${shortHash(d.type, ...sides.map((s) => `${s.article}:${s.start}:${s.end}:${s.value}`))}`;
    let id = base;
    for (let k = 2; ids.has(id); k++) id = `${base}-${k}`;
    ids.add(id);
    out.push({ id, type: d.type, summary: d.summary, sides, claims: claims.map((c) => c.id) });
  }
  return out.sort((x, y) => {
    const sx = x.sides[0]!;
    const sy = y.sides[0]!;
    return (
      (book.articleOrder.get(sx.article) ?? 0) - (book.articleOrder.get(sy.article) ?? 0) ||
      sx.start - sy.start ||
      (x.type < y.type ? -1 : x.type > y.type ? 1 : 0) ||
      (x.id < y.id ? -1 : 1)
    );
  });
}

/** The number/date/attribution claims whose mention is exactly (or contains/is contained by) this side. */
function valueClaims(book: ClaimBook, side: ConflictSide, type: Conflict['type']): ClaimDraft[] {
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
