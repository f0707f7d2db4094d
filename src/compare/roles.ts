/**
 * Who did what to whom, compared across two aligned sentences:
 *  - actor: the same verb with the participants swapped ("The council blamed the authority" vs "The
 *    authority blamed the council", also through the passive: "Police were attacked by protesters" vs "Police
 *    attacked protesters", while "The airfield was struck by drones" says what "Drones struck the airfield" does), or
 *    a different named subject for the same verb and object;
 *  - meaning: the same ordered words with a "to" clause inserted into a noun's complement, changing what
 *    the sentence is about ("the initiative for the entire line ..." vs "the initiative to establish a
 *    security zone along the entire line ..."), in sentences that say the same (not on partial links).
 * Part-of-speech tags come from compromise (pos.ts); only linked sentences are tagged.
 */
import { sameEntityRef, type EntityRef } from '../similarity/slots.js';
import type { Token } from '../similarity/tokens.js';
import { intersectionSize } from '../similarity/weights.js';
import { sideAt, type SentenceInfo } from './context.js';
import { posTerms, tagsAt } from './pos.js';
import { clauseEndsBetween, sentenceEndWithin } from '../text/sentence-ends.js';
import { MEANING_MIN_INSERT, MEANING_MIN_SKELETON, OBJECT_WINDOW, SUBJECT_WINDOW } from './thresholds.js';
import type { LinkConflict } from './types.js';

/** Reporting verbs: "X said Y" vs "Y, X said" is not a role change. */
const REPORTING = new Set(['said', 'say', 'says', 'told', 'tell', 'stated', 'state', 'added', 'add', 'report', 'according', 'claim', 'note', 'explain', 'emphasiz', 'emphasis', 'announc']);
/** Time words move freely in a sentence; they are never actors. */
const TIME_WORDS = new Set(
  (
    'monday tuesday wednesday thursday friday saturday sunday morning afternoon evening night overnight dawn ' +
    'today yesterday tomorrow tonight week month year day hour minute january february march april may june ' +
    'july august september october november december earlier later recently'
  ).split(' '),
);

interface Tagged {
  tok: Token;
  tags: ReadonlySet<string>;
  /** Clause number within the sentence (`clauses`). */
  clause: number;
}

/** `tagged` of each sentence of the stories compared so far (a sentence is in many links of its story). */
const taggedMemo = new WeakMap<SentenceInfo, readonly Tagged[]>();

function tagged(info: SentenceInfo): readonly Tagged[] {
  let out = taggedMemo.get(info);
  if (!out) {
    out = tagSentence(info);
    taggedMemo.set(info, out);
  }
  return out;
}

function tagSentence(info: SentenceInfo): Tagged[] {
  const s = info.sentence;
  const terms = posTerms(s.text);
  const clause = clauses(info);
  return info.tokens.map((tok, k) => ({ tok, tags: tagsAt(terms, tok.start - s.start), clause: clause[k]! }));
}

function isVerb(t: Tagged): boolean {
  return t.tags.has('Verb') && !t.tags.has('Auxiliary') && !t.tags.has('Copula') && !t.tags.has('Modal');
}

function isActorWord(t: Tagged, dateSpans: readonly { start: number; end: number }[]): boolean {
  if (t.tok.stop || t.tok.numeric || TIME_WORDS.has(t.tok.norm)) return false;
  if (dateSpans.some((d) => t.tok.start >= d.start && t.tok.end <= d.end)) return false;
  return !isVerb(t);
}

/**
 * Actor and meaning conflicts between two aligned sentences (a from the earlier article). `withMeaning` false: actor
 * conflicts only (a partial link: two sentences that share part of their content add clauses of their own to it).
 */
export function roleConflicts(a: SentenceInfo, b: SentenceInfo, withMeaning = true): readonly LinkConflict[] {
  // The same words in the same order cannot disagree on who did what or on what was meant (copies of one wire
  // are most links of a big story: this keeps them off the tagger).
  if (a.sentence.text === b.sentence.text) return NONE;
  // Cheap word-order prefilters first; part-of-speech tagging only for the few candidates. Each prefilter is a
  // condition the tagged check needs to find anything (tags only narrow it), so skipping is exact.
  // A passive on one side only turns the word order round by itself: those go to the tagged check as they are.
  const actorPossible = passiveBy(a) !== passiveBy(b) || ((hasInversion(a, b) || hasDistinctEntities(a, b)) && actorCandidate(a, b));
  const meaningPossible = withMeaning && meaningCandidate(a, b);
  if (!actorPossible && !meaningPossible) return NONE;
  const ta = tagged(a);
  const tb = tagged(b);
  const out: LinkConflict[] = [];
  const actor = actorPossible ? actorConflict(a, b, ta, tb) : null;
  if (actor) out.push(actor);
  const meaning = meaningPossible ? meaningConflict(a, b, ta, tb) : null;
  if (meaning) out.push(meaning);
  return out;
}

const NONE: readonly LinkConflict[] = Object.freeze([]);

/**
 * A passive with its doer, tag-free: "by" within three words of a form of "be" or right after a word ending in -ed
 * ("was struck by", "were quickly attacked by", "used by"), not before a number ("increased by 943,000").
 */
function passiveBy(info: SentenceInfo): boolean {
  let known = passiveMemo.get(info);
  if (known === undefined) passiveMemo.set(info, (known = hasPassiveBy(info.tokens)));
  return known;
}

const passiveMemo = new WeakMap<SentenceInfo, boolean>();

function hasPassiveBy(ts: readonly Token[]): boolean {
  for (let j = 1; j < ts.length; j++) {
    if (ts[j]!.norm !== 'by' || ts[j + 1]?.numeric === true) continue;
    if (ts[j - 1]!.norm.endsWith('ed')) return true;
    for (let k = Math.max(0, j - 3); k < j - 1; k++) if (PASSIVE_AUXILIARIES.has(ts[k]!.norm)) return true;
  }
  return false;
}

/** Two shared content words (each once per sentence) in opposite orders: participants may have swapped. */
function hasInversion(a: SentenceInfo, b: SentenceInfo): boolean {
  const pos = (info: SentenceInfo): Map<string, number> => {
    const m = new Map<string, number>();
    const dup = new Set<string>();
    info.tokens.forEach((t, k) => {
      if (t.stop || t.numeric) return;
      if (m.has(t.stem)) dup.add(t.stem);
      m.set(t.stem, k);
    });
    for (const d of dup) m.delete(d);
    return m;
  };
  const pa = pos(a);
  const pb = pos(b);
  const shared = [...pa.keys()].filter((k) => pb.has(k)).sort((x, y) => pa.get(x)! - pa.get(y)!);
  // An inversion exists iff the b positions, taken in a's order, are not increasing.
  for (let k = 1; k < shared.length; k++) if (pb.get(shared[k]!)! < pb.get(shared[k - 1]!)!) return true;
  return false;
}

/** Each sentence names an entity the other does not: a subject may have changed. */
function hasDistinctEntities(a: SentenceInfo, b: SentenceInfo): boolean {
  const only = (x: SentenceInfo, y: SentenceInfo) => x.slots.entities.some((e) => !y.slots.entities.some((f) => sameEntityRef(e, f)));
  return only(a, b) && only(b, a);
}

/**
 * Is text[from, to), the words one sentence inserts between two words it shares with the other, one plain
 * insertion that may change what the sentence says? Not when it is set off by punctuation (a parenthetical or an
 * aside adds, it does not change), and not when a sentence ends inside it: an aligned "sentence" can hold several
 * (a quoted passage is kept whole with its reporting clause), and a sentence more or less in a quotation adds or
 * drops a statement, it does not turn one into another ("… party. Violations also include …. Each felony …").
 */
function plainInsertion(text: string, from: number, to: number): boolean {
  return !/[,;:()—–"“”]|\s-\s/.test(text.slice(from, to)) && !sentenceEndWithin(text, from, to);
}

/** A pure insertion of ≥ MEANING_MIN_INSERT content words, without punctuation, inside a long shared skeleton. */
function meaningCandidate(a: SentenceInfo, b: SentenceInfo): boolean {
  const ca = a.tokens.filter((t) => !t.stop);
  const cb = b.tokens.filter((t) => !t.stop);
  const anchors = lcs(
    ca.map((t) => t.stem),
    cb.map((t) => t.stem),
  );
  if (anchors.length < MEANING_MIN_SKELETON) return false;
  for (let k = 0; k + 1 < anchors.length; k++) {
    const [ia, ib] = anchors[k]!;
    const [na, nb] = anchors[k + 1]!;
    const gapA = na - ia - 1;
    const gapB = nb - ib - 1;
    if (gapA === 0 && gapB >= MEANING_MIN_INSERT && plainInsertion(b.slots.articleText, cb[ib]!.end, cb[nb]!.start)) {
      if (mayOpenClause(b.tokens, cb[ib]!.end, cb[nb]!.start)) return true;
    }
    if (gapB === 0 && gapA >= MEANING_MIN_INSERT && plainInsertion(a.slots.articleText, ca[ia]!.end, ca[na]!.start)) {
      if (mayOpenClause(a.tokens, ca[ia]!.end, ca[na]!.start)) return true;
    }
  }
  return false;
}

/**
 * What meaningConflict's clause test needs without tags: the tokens between `from` and `to` open with "to" and a
 * content word (the tagged test also wants that word to be a verb).
 */
function mayOpenClause(tokens: readonly Token[], from: number, to: number): boolean {
  const gap = tokens.filter((t) => t.start >= from && t.end <= to);
  return gap[0]?.norm === 'to' && gap[1] !== undefined && !gap[1].stop;
}

/** Could `t` be a frame's actor word (isActorWord without the tag test)? */
function mayBeActor(t: Token, dateSpans: readonly { start: number; end: number }[]): boolean {
  if (t.stop || t.numeric || TIME_WORDS.has(t.norm)) return false;
  return !dateSpans.some((d) => t.start >= d.start && t.end <= d.end);
}

/** Index of the only token of `tokens` with stem `stem`, else −1 (none or several). */
function onlyIndex(tokens: readonly Token[], stem: string): number {
  let at = -1;
  for (let k = 0; k < tokens.length; k++) {
    if (tokens[k]!.stem !== stem) continue;
    if (at >= 0) return -1;
    at = k;
  }
  return at;
}

/** A stem of a possible actor word of `x` in [xFrom, xTo) that is also one of `y` in [yFrom, yTo) (token indices). */
function sharedActorStem(x: SentenceInfo, xFrom: number, xTo: number, y: SentenceInfo, yFrom: number, yTo: number): boolean {
  for (let p = xFrom; p < xTo; p++) {
    const t = x.tokens[p]!;
    if (!mayBeActor(t, x.slots.dates)) continue;
    for (let q = yFrom; q < yTo; q++) {
      const u = y.tokens[q]!;
      if (u.stem === t.stem && mayBeActor(u, y.slots.dates)) return true;
    }
  }
  return false;
}

/** An entity of x holding a possible actor word among tokens [from, to), matching no entity of y. */
function unmatchedSubjectEntity(x: SentenceInfo, from: number, to: number, y: SentenceInfo): boolean {
  return x.slots.entities.some(
    (e) =>
      !y.slots.entities.some((f) => sameEntityRef(e, f)) &&
      x.tokens.some((t, k) => k >= from && k < to && t.start >= e.start && t.end <= e.end && mayBeActor(t, x.slots.dates)),
  );
}

/**
 * Clause number of each token: the count of clause ends before it in the sentence (`clauseEndsBetween`: , ; : — – ( )
 * and sentence ends, so a frame never reaches from one sentence of a quoted passage into the next).
 */
export function clauses(info: SentenceInfo): Int32Array {
  const text = info.slots.articleText;
  const out = new Int32Array(info.tokens.length);
  let clause = 0;
  let last = info.sentence.start;
  info.tokens.forEach((tok, k) => {
    clause += clauseEndsBetween(text, last, tok.start);
    last = tok.end;
    out[k] = clause;
  });
  return out;
}

/** The token range [from, to) of the clause of token k. */
function clauseRange(clause: Int32Array, k: number): [number, number] {
  let from = k;
  let to = k + 1;
  while (from > 0 && clause[from - 1] === clause[k]) from--;
  while (to < clause.length && clause[to] === clause[k]) to++;
  return [from, to];
}

/**
 * What actorConflict needs without tags, for some word v of a (not a stopword or reporting verb; its stem once in
 * each sentence, at i in a and j in b): a swap (a possible actor word before v in a found after v in b, and one
 * before v in b found after v in a), or a different named subject (an entity of each side holding a possible
 * actor word before v that matches no entity of the other side, and a possible actor stem after v in both).
 * Subjects and objects are windows of such words before/after the verb within its clause (frame), so each is
 * found in these ranges.
 */
function actorCandidate(a: SentenceInfo, b: SentenceInfo): boolean {
  let ca: Int32Array | null = null;
  let cb: Int32Array | null = null;
  for (let i = 0; i < a.tokens.length; i++) {
    const v = a.tokens[i]!;
    if (v.stop || REPORTING.has(v.stem) || REPORTING.has(v.norm)) continue;
    if (onlyIndex(a.tokens, v.stem) !== i) continue;
    const j = onlyIndex(b.tokens, v.stem);
    if (j < 0) continue;
    const [fromA, toA] = clauseRange((ca ??= clauses(a)), i);
    const [fromB, toB] = clauseRange((cb ??= clauses(b)), j);
    if (sharedActorStem(a, fromA, i, b, j + 1, toB) && sharedActorStem(b, fromB, j, a, i + 1, toA)) return true;
    if (unmatchedSubjectEntity(a, fromA, i, b) && unmatchedSubjectEntity(b, fromB, j, a) && sharedActorStem(a, i + 1, toA, b, j + 1, toB)) return true;
  }
  return false;
}

interface Frame {
  verb: Tagged;
  subj: Tagged[];
  obj: Tagged[];
}

function frame(ts: readonly Tagged[], vi: number, dates: readonly { start: number; end: number }[]): Frame {
  const v = ts[vi]!;
  const subj: Tagged[] = [];
  for (let k = vi - 1; k >= 0 && subj.length < SUBJECT_WINDOW; k--) {
    const t = ts[k]!;
    if (t.clause !== v.clause) break;
    if (isVerb(t)) break;
    if (isActorWord(t, dates)) subj.unshift(t);
  }
  const obj: Tagged[] = [];
  for (let k = vi + 1; k < ts.length && obj.length < OBJECT_WINDOW; k++) {
    const t = ts[k]!;
    if (t.clause !== v.clause) break;
    if (isActorWord(t, dates)) obj.push(t);
  }
  // The passive ("the airfield was struck by drones") names the one it was done to first and the doer after "by", if
  // at all: the frame is the active one's ("drones struck the airfield"; no doer for "Scott was signed"), so a rewrite
  // that turns the voice round keeps who did what to whom.
  // (Only with a participle of its own before the verb: "I'm pleased by the fact that …" names no one it was done to.)
  if (subj.length > 0 && isPassive(ts, vi)) {
    const clause = v.clause;
    let by = -1;
    for (let j = vi + 1; j < ts.length && ts[j]!.clause === clause && by < 0; j++) if (ts[j]!.tok.norm === 'by') by = j;
    return { verb: v, subj: by < 0 ? [] : obj.filter((t) => t.tok.start > ts[by]!.tok.start), obj: subj };
  }
  return { verb: v, subj, obj };
}

/** Prepositions of place or time: an -ed verb followed by one of them has no object, so it is a participle of the passive. */
const PLACE_OR_TIME_AFTER = new Set(['in', 'on', 'at', 'during', 'after', 'near', 'outside', 'inside', 'while', 'when', 'since']);

/** A form of "be" before a passive verb (an -ly adverb may stand between: "was quickly struck"). */
const PASSIVE_AUXILIARIES = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being']);

/**
 * The verb at vi is passive: not an -ing form, after a form of "be" ("was struck", "were quickly moved"; not "was
 * striking") or followed by "by" ("facilities used by militias", a headline's "Indictment Dismissed by Judge").
 */
function isPassive(ts: readonly Tagged[], vi: number): boolean {
  const v = ts[vi]!;
  if (v.tok.norm.endsWith('ing')) return false;
  const next = ts[vi + 1];
  const sameClause = next !== undefined && next.clause === v.clause;
  // "by" and a doer, not a quantity ("payrolls increased by 943,000"), after a past form ("used by", "struck by"; not a
  // noun read as a verb: "… and television networks by Edison Research").
  const pastForm = v.tok.norm.endsWith('ed') || v.tags.has('PastTense') || v.tags.has('Participle');
  if (sameClause && pastForm && next.tok.norm === 'by' && ts[vi + 2]?.tok.numeric !== true) return true;
  // A headline's or a reduced clause's participle, with no object but a place or time after it ("150 people killed in
  // shootings", "Jackson arrested on suspicion of …"): the people were killed, Jackson was arrested.
  if (sameClause && v.tok.norm.endsWith('ed') && PLACE_OR_TIME_AFTER.has(next.tok.norm)) return true;
  let k = vi - 1;
  while (k >= 0 && !ts[k]!.tok.stop && ts[k]!.tok.norm.endsWith('ly')) k--;
  // "I'm pleased", "we're told": the form of "be" written into the pronoun.
  return k >= 0 && (PASSIVE_AUXILIARIES.has(ts[k]!.tok.norm) || /'(?:m|re)$/.test(ts[k]!.tok.norm));
}

function occurrences(ts: readonly Tagged[], stem: string): number[] {
  const out: number[] = [];
  ts.forEach((t, k) => {
    if (t.tok.stem === stem) out.push(k);
  });
  return out;
}

function actorConflict(a: SentenceInfo, b: SentenceInfo, ta: readonly Tagged[], tb: readonly Tagged[]): LinkConflict | null {
  const datesA = a.slots.dates;
  const datesB = b.slots.dates;
  for (let i = 0; i < ta.length; i++) {
    const v = ta[i]!;
    if (!isVerb(v) || v.tok.stop || REPORTING.has(v.tok.stem) || REPORTING.has(v.tok.norm)) continue;
    const inA = occurrences(ta, v.tok.stem);
    const inB = occurrences(tb, v.tok.stem);
    if (inA.length !== 1 || inB.length !== 1) continue;
    const fa = frame(ta, i, datesA);
    const fb = frame(tb, inB[0]!, datesB);
    const stems = (xs: readonly Tagged[]): Set<string> => new Set(xs.map((x) => x.tok.stem));
    const subjA = stems(fa.subj);
    const objA = stems(fa.obj);
    const subjB = stems(fb.subj);
    const objB = stems(fb.obj);
    const swapAB = fa.subj.filter((t) => objB.has(t.tok.stem) && !subjB.has(t.tok.stem));
    const swapBA = fb.subj.filter((t) => objA.has(t.tok.stem) && !subjA.has(t.tok.stem));
    if (swapAB.length > 0 && swapBA.length > 0) {
      const endA = lastOf(fa.obj, (t) => swapBA.some((s) => s.tok.stem === t.tok.stem));
      const endB = lastOf(fb.obj, (t) => swapAB.some((s) => s.tok.stem === t.tok.stem));
      // From the first to the last of the two participants (in a passive the doer comes after the one it was done to).
      const sideA = sideOf(a, Math.min(swapAB[0]!.tok.start, endA.tok.start), Math.max(swapAB[0]!.tok.end, endA.tok.end));
      const sideB = sideOf(b, Math.min(swapBA[0]!.tok.start, endB.tok.start), Math.max(swapBA[0]!.tok.end, endB.tok.end));
      return {
        type: 'actor',
        key: v.tok.norm,
        summary: `Who ${v.tok.norm} whom: “${sideA.value}” vs “${sideB.value}”`,
        a: sideA,
        b: sideB,
      };
    }
    // A different named subject for the same verb and object.
    const entsIn = (info: SentenceInfo, xs: readonly Tagged[]) =>
      info.slots.entities.filter((e) => xs.some((t) => t.tok.start >= e.start && t.tok.end <= e.end));
    const ea = entsIn(a, fa.subj);
    const eb = entsIn(b, fb.subj);
    const sharedObj = intersectionSize(objA, objB);
    if (ea.length > 0 && eb.length > 0 && sharedObj > 0) {
      const anyShared = ea.some((x) => b.slots.entities.some((y) => sameEntityRef(x, y) || nameWithin(x, y))) ||
        eb.some((y) => a.slots.entities.some((x) => sameEntityRef(x, y) || nameWithin(x, y)));
      if (!anyShared) {
        const sideA = sideOf(a, ea[0]!.start, v.tok.end);
        const sideB = sideOf(b, eb[0]!.start, tb[inB[0]!]!.tok.end);
        return {
          type: 'actor',
          key: v.tok.norm,
          summary: `Who ${v.tok.norm}: “${sideA.value}” vs “${sideB.value}”`,
          a: sideA,
          b: sideB,
        };
      }
    }
  }
  return null;
}

/**
 * One name's words all within the other's ("Saints" in "New Orleans Saints", "Reid" in "Tara Reid"): one actor, named
 * shorter in one article. Entities are matched within an article (aliases), not across: across two articles a short
 * name is not another actor.
 */
function nameWithin(x: EntityRef, y: EntityRef): boolean {
  // As sameEntityRef: a person and a place are not one actor ("New York" signed …, the "New York Jets" signed …).
  if (x.entity.type !== y.entity.type && x.entity.type !== 'other' && y.entity.type !== 'other') return false;
  for (const kx of x.keys) {
    for (const ky of y.keys) {
      const [short, long] = kx.length <= ky.length ? [kx, ky] : [ky, kx];
      const words = new Set(long.split(' '));
      if (short.split(' ').every((w) => words.has(w))) return true;
    }
  }
  return false;
}

function lastOf(xs: readonly Tagged[], pred: (t: Tagged) => boolean): Tagged {
  for (let k = xs.length - 1; k >= 0; k--) if (pred(xs[k]!)) return xs[k]!;
  return xs[xs.length - 1]!;
}

/** `sideAt`, with the value on one line (a role spans several words). */
function sideOf(info: SentenceInfo, start: number, end: number): LinkConflict['a'] {
  const side = sideAt(info, start, end);
  return { ...side, value: side.value.replace(/\s+/g, ' ') };
}

/** Longest common subsequence of content stems: index pairs into the two content-token lists. */
function lcs(a: readonly string[], b: readonly string[]): [number, number][] {
  const n = a.length;
  const m = b.length;
  const dp: Uint16Array[] = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      dp[i]![j] = a[i] === b[j] ? dp[i + 1]![j + 1]! + 1 : Math.max(dp[i + 1]![j]!, dp[i]![j + 1]!);
    }
  }
  const out: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      out.push([i, j]);
      i++;
      j++;
    } else if (dp[i + 1]![j]! >= dp[i]![j + 1]!) i++;
    else j++;
  }
  return out;
}

function meaningConflict(a: SentenceInfo, b: SentenceInfo, ta: readonly Tagged[], tb: readonly Tagged[]): LinkConflict | null {
  const ca = ta.filter((t) => !t.tok.stop);
  const cb = tb.filter((t) => !t.tok.stop);
  const anchors = lcs(
    ca.map((t) => t.tok.stem),
    cb.map((t) => t.tok.stem),
  );
  if (anchors.length < MEANING_MIN_SKELETON) return null;
  for (let k = 0; k + 1 < anchors.length; k++) {
    const [ia, ib] = anchors[k]!;
    const [na, nb] = anchors[k + 1]!;
    const gapA = na - ia - 1;
    const gapB = nb - ib - 1;
    let ins: 'a' | 'b' | null = null;
    if (gapA === 0 && gapB >= MEANING_MIN_INSERT) ins = 'b';
    else if (gapB === 0 && gapA >= MEANING_MIN_INSERT) ins = 'a';
    if (!ins) continue;
    const [info, all, c, from, to] = ins === 'b' ? [b, tb, cb, ib, nb] : [a, ta, ca, ia, na];
    const head = c[from]!;
    if (!head.tags.has('Noun')) continue;
    if (!plainInsertion(info.slots.articleText, head.tok.end, c[to]!.tok.start)) continue;
    // The insertion must be a clause that complements the head noun: it opens with "to [adverb] <verb>" ("the
    // initiative to establish a zone …"). Words inserted after the noun that do not open such a clause ("the hearing
    // on Monday he was deemed …", "Obama was moved to tears …") add a detail or belong to another sentence that
    // happens to share words, they do not re-scope the noun; nor does a relative clause ("the doctor who says he
    // performed an abortion", "the fire that destroyed the old mill"): it says which one or adds what another outlet
    // knew (of the 13 meaning conflicts on the 505 AllSides roundups, the 12 from relative clauses and partial links were
    // all such details).
    const inGap = all.filter((t) => t.tok.start >= head.tok.end && t.tok.end <= c[to]!.tok.start);
    const first = inGap[0]?.tok.norm ?? '';
    const verbAt = (k: number): boolean => inGap[k] !== undefined && isVerb(inGap[k]) && !inGap[k].tok.stop;
    const opensClause = first === 'to' && (verbAt(1) || (inGap[1]?.tags.has('Adverb') === true && verbAt(2))); // "to establish", "to quickly close"
    // Words the other sentence has elsewhere were moved, not added ("… next year to host the annual Oscar …" and
    // "… to Host Next Year's Oscars").
    const other = new Set((ins === 'b' ? ca : cb).map((t) => t.tok.stem));
    const inserted = c.slice(from + 1, to);
    if (inserted.filter((t) => other.has(t.tok.stem)).length * 2 >= inserted.length) continue;
    if (!opensClause) continue;
    // Both sides: from the head noun through the next run of shared words (up to 3).
    let last = k + 1;
    while (last + 1 < anchors.length && last < k + 3 && anchors[last + 1]![0] === anchors[last]![0] + 1 && anchors[last + 1]![1] === anchors[last]![1] + 1) last++;
    const sideA = sideOf(a, ca[ia]!.tok.start, ca[anchors[last]![0]]!.tok.end);
    const sideB = sideOf(b, cb[ib]!.tok.start, cb[anchors[last]![1]]!.tok.end);
    return {
      type: 'meaning',
      key: head.tok.norm,
      summary: `Changed meaning around “${head.tok.norm}”: “${sideA.value}” vs “${sideB.value}”`,
      a: sideA,
      b: sideB,
    };
  }
  return null;
}
