/**
 * Named entities of one article, typed person / place / organisation / other, with every mention.
 *
 * 1. Candidates (entity-candidates.ts): capitalised runs from one compromise parse (tokens + lexicon tags),
 *    trimmed of sentence-initial common words, titles (kept as descriptors) and possessives, each scored
 *    per type.
 * 2. Grouping: mentions with the same normalised key form one entity; its type is the best summed score.
 * 3. Merging short forms into full names: a one-word mention joins the person whose last (or first) name
 *    it is ("Putin" → "Vladimir Putin"); nearest preceding such person, else the first one. A one-word
 *    mention joins a place whose other words are place suffixes ("Arden" → "Arden River"); an acronym joins
 *    the organisation whose initials it spells ("NATO" → "North Atlantic Treaty Organization").
 * 4. Descriptions: "the Russian leader", "the president", "the fire chief" become mentions of the nearest
 *    preceding person whose descriptors fit: the head noun is one of the person's title words (or a
 *    synonym: "leader" fits president/prime minister/chancellor/...), and every nationality word and
 *    "former" in the description is among the person's descriptors.
 * 5. Entities are ordered by first mention and numbered e1, e2, ...; `name` is the fullest form seen,
 *    `key` = normaliseKey(name), `aliases` = every normalised name form seen (including `key`, plus the
 *    surname of a multi-word person).
 */
import type { Entity, EntityType, Sentence, Span } from '../types.js';
import { normaliseKey } from '../text/normalise.js';
import { parseTerms, type NlpTerm } from './nlp-doc.js';
import { isDemonymWord } from '../lang/demonyms.js';
import { bareWord, bestType, emptyScores, findCandidates, groupScores, isDemonym, NAME_SUFFIXES, type Candidate, type Scores } from './entity-candidates.js';
import { TITLE_MODIFIERS, TITLE_SYNONYMS, TITLE_WORDS } from './entity-lexicon.js';

interface Group {
  key: string;
  mentions: Candidate[];
  scores: Scores;
  descriptors: Set<string>;
  /** Set when merged into another group. */
  into: Group | null;
  extra: Span[];
  /** The mentions written with this group's own key (the name is chosen from these). */
  own: Candidate[];
  /** keyTokens(key) and surnameOf(key), computed once (the merging loops ask for them per pair of groups). */
  toks: string[];
  surname: string | null;
}

/** Some single mention has strong (lexicon or shape) evidence for this type. */
function strongly(g: Group, type: EntityType): boolean {
  return g.mentions.some((c) => c.scores[type] >= 3);
}

function keyTokens(key: string): string[] {
  return key.split(' ').filter((w) => w.length > 0);
}

function surnameOf(key: string): string | null {
  const toks = keyTokens(key).filter((w) => !NAME_SUFFIXES.has(w));
  return toks.length >= 2 ? toks[toks.length - 1]! : null;
}

function root(g: Group): Group {
  let r = g;
  while (r.into) r = r.into;
  return r;
}

function initials(c: Candidate): string {
  return c.words
    .filter((w) => !['of', 'the', 'and', '&', 'for', 'de', 'du', 'la'].includes(w))
    .map((w) => w[0] ?? '')
    .join('');
}

function merge(from: Group, into: Group): void {
  const a = root(from);
  const b = root(into);
  if (a === b) return;
  a.into = b;
  b.mentions.push(...a.mentions);
  b.scores = groupScores(b.mentions);
  for (const d of a.descriptors) b.descriptors.add(d);
}

/** Group type ignoring weak evidence of one-word mentions that are merged anyway. */
function groupType(g: Group): EntityType {
  return bestType(g.scores);
}

const SYNONYM_OF: Record<string, readonly string[]> = TITLE_SYNONYMS;

function titleFits(head: string, descriptors: ReadonlySet<string>): boolean {
  const options = SYNONYM_OF[head] ?? [head];
  return options.some((w) => descriptors.has(w));
}

interface Description {
  start: number;
  end: number;
  head: string;
  modifiers: string[];
}

/** "the (former) (Russian) (prime) leader|president|minister|chief ..." noun phrases. */
function findDescriptions(text: string, terms: readonly NlpTerm[]): Description[] {
  const out: Description[] = [];
  for (let i = 0; i < terms.length; i++) {
    const the = terms[i]!;
    if (the.text.toLowerCase() !== 'the') continue;
    const mods: string[] = [];
    let j = i + 1;
    let found: Description | null = null;
    while (j < terms.length && j <= i + 5) {
      const t = terms[j]!;
      const prev = terms[j - 1]!;
      if (!/^[ \t\u00a0]{1,2}$/.test(text.slice(prev.end, t.start))) break;
      const w = bareWord(t.text);
      const isHead = TITLE_WORDS.has(w) || w in SYNONYM_OF;
      const isMod = TITLE_MODIFIERS.has(w) || isDemonym(t);
      if (!isHead && !isMod) break;
      if (isHead) {
        // The head is the last title word of the phrase: stop unless another title word follows.
        const n = terms[j + 1];
        const joined = n && /^[ \t\u00a0]{1,2}$/.test(text.slice(t.end, n.start)) && !/[’']s?$/.test(t.text);
        const nw = n ? bareWord(n.text) : '';
        if (joined && (TITLE_WORDS.has(nw) || nw in SYNONYM_OF)) {
          mods.push(w);
          j++;
          continue;
        }
        // "the president of France" names someone else; "the fire chief Tomas Reyes" is a name mention.
        if (joined && (nw === 'of' || /^\p{Lu}/u.test(n.text))) break;
        let end = t.end;
        if (/[’']s$/.test(t.text)) end -= 2;
        else if (/[’']$/.test(t.text)) end -= 1;
        found = { start: the.start, end, head: w, modifiers: mods.slice() };
        break;
      }
      mods.push(w);
      j++;
    }
    if (found) out.push(found);
  }
  return out;
}

export function extractEntities(text: string, sentences: Sentence[]): Entity[] {
  void sentences; // mentions are spans of the text; sentence indices are not part of an Entity
  const terms = parseTerms(text);
  const candidates = findCandidates(text, terms);

  // 2. Group by key.
  const byKey = new Map<string, Group>();
  const groups: Group[] = [];
  for (const c of candidates) {
    const key = normaliseKey(c.text);
    if (key === '') continue;
    let g = byKey.get(key);
    if (!g) {
      g = { key, mentions: [], scores: emptyScores(), descriptors: new Set(), into: null, extra: [], own: [], toks: keyTokens(key), surname: surnameOf(key) };
      byKey.set(key, g);
      groups.push(g);
    }
    g.mentions.push(c);
    for (const d of c.descriptors) g.descriptors.add(d);
  }
  for (const g of groups) {
    g.own = g.mentions.slice();
    g.scores = groupScores(g.mentions);
  }

  // 3. Merge short forms into full names.
  const multi = groups.filter((g) => g.toks.length >= 2);
  // News style names a person in full once, then by surname: an untyped two- or three-word name whose
  // last word also appears on its own is a person ("Wladimir Klitschko" ... "Klitschko").
  const singles = new Set(groups.filter((g) => g.toks.length === 1).map((g) => g.key));
  for (const g of multi) {
    const toks = g.toks;
    const first = g.mentions[0]!;
    if (toks.length > 3 || groupType(g) !== 'other' || first.acronym || /^\p{Lu}{2,}\b/u.test(first.text)) continue;
    const s = g.surname;
    if (s && singles.has(s)) g.scores.person += 2;
  }
  // "Crooked Hillary Clinton" → "Hillary Clinton": a longer person key ending in a shorter person key.
  for (const g of multi) {
    if (groupType(g) !== 'person') continue;
    const shorter = multi.filter((m) => m !== g && groupType(m) === 'person' && g.key.endsWith(' ' + m.key));
    shorter.sort((a, b) => b.key.length - a.key.length);
    if (shorter[0]) merge(g, shorter[0]);
  }
  for (const g of groups) {
    const toks = g.toks;
    if (toks.length !== 1) continue;
    const tok = toks[0]!;
    const firstAt = g.mentions[0]!.start;
    const type = groupType(g);
    // Persons: surname (or first name) of a multi-word person.
    if (type === 'person' || type === 'other' || g.scores.person > 0) {
      const persons = multi.filter((m) => groupType(root(m)) === 'person' && (m.surname === tok || m.toks[0] === tok));
      const target = pickNearest(persons, firstAt);
      const otherwise = (strongly(g, 'place') || strongly(g, 'organisation')) && !strongly(g, 'person');
      if (target && !otherwise) {
        merge(g, target);
        continue;
      }
    }
    // Places: "Arden" → "Arden River".
    const places = multi.filter((m) => {
      const mt = m.toks;
      return groupType(root(m)) === 'place' && mt[0] === tok && mt.length === 2 && root(m).mentions.some((c) => c.scores.place >= 4);
    });
    const place = pickNearest(places, firstAt);
    if (place && type !== 'person') {
      merge(g, place);
      continue;
    }
    // Acronyms: initials of an organisation.
    const cand = g.mentions[0]!;
    if (cand.acronym) {
      const letters = cand.text.replace(/[^\p{Lu}]/gu, '').toLowerCase();
      const orgs = multi.filter((m) => groupType(root(m)) === 'organisation' && initials(root(m).mentions[0]!) === letters);
      const org = pickNearest(orgs, firstAt);
      if (org) merge(g, org);
    }
  }

  const roots = groups.filter((g) => g.into === null);

  // 4. Descriptions → person mentions.
  const persons = roots.filter((g) => groupType(g) === 'person' && g.descriptors.size > 0);
  if (persons.length > 0) {
    const taken = candidates.map((c) => [c.start, c.end] as const);
    for (const d of findDescriptions(text, terms)) {
      if (taken.some(([s, e]) => s < d.end && d.start < e)) continue;
      const fitting = persons.filter((p) => {
        if (!titleFits(d.head, p.descriptors)) return false;
        for (const m of d.modifiers) {
          if ((isDemonymWord(m) || m === 'former') && !p.descriptors.has(m)) return false;
        }
        return true;
      });
      // Nearest person mentioned before the description.
      let best: Group | null = null;
      let bestAt = -1;
      for (const p of fitting) {
        const mentionsBefore = [...p.mentions.map((c) => c.start), ...p.extra.map((s) => s.start)].filter((s) => s < d.start);
        const lastBefore = mentionsBefore.length > 0 ? Math.max(...mentionsBefore) : -1;
        if (lastBefore > bestAt) {
          bestAt = lastBefore;
          best = p;
        }
      }
      if (best) best.extra.push({ start: d.start, end: d.end, text: text.slice(d.start, d.end) });
    }
  }

  // 5. Build entities.
  const built = roots.map((g) => {
    const mentions: Span[] = [
      ...g.mentions.map((c) => ({ start: c.start, end: c.end, text: c.text })),
      ...g.extra,
    ].sort((a, b) => a.start - b.start || a.end - b.end);
    // Fullest form: most words, then longest, then earliest.
    const base = g.own.length > 0 ? g.own : g.mentions;
    let name = base[0]!.text;
    let nameWords = base[0]!.words.length;
    for (const c of base) {
      if (c.words.length > nameWords || (c.words.length === nameWords && c.text.length > name.length)) {
        name = c.text;
        nameWords = c.words.length;
      }
    }
    const key = normaliseKey(name);
    const type = groupType(g);
    const aliases = new Set<string>();
    for (const c of g.mentions) aliases.add(normaliseKey(c.text));
    if (type === 'person') {
      const s = surnameOf(key);
      if (s) aliases.add(s);
    }
    return { type, name, key, aliases: [...aliases].sort(), mentions };
  });
  built.sort((a, b) => a.mentions[0]!.start - b.mentions[0]!.start);
  return built.map((e, i) => ({ id: `e${i + 1}`, ...e }));
}

/** The group whose last mention before `at` is nearest; else the one mentioned first after it. */
function pickNearest(list: Group[], at: number): Group | null {
  let best: Group | null = null;
  let bestBefore = -1;
  let firstAfter: Group | null = null;
  let firstAfterAt = Infinity;
  for (const g0 of list) {
    const g = root(g0);
    for (const c of g.mentions) {
      if (c.start < at && c.start > bestBefore) {
        bestBefore = c.start;
        best = g;
      }
      if (c.start >= at && c.start < firstAfterAt) {
        firstAfterAt = c.start;
        firstAfter = g;
      }
    }
  }
  return best ?? firstAfter;
}
