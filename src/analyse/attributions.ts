/**
 * Media attributions: a claim credited to a news outlet.
 *
 * Cues (outlet = a known agency/outlet from lexicon-outlets.ts, a capitalised name ending in an outlet
 * word — Wire, News, Agency, Press, Times, Post, Daily, Herald, Journal, Wire/News/Press Service, ... —
 * or a bare head word ("the Post") that an organisation entity of the article is known by):
 * - "as reported by X", "reported by X", "according to X", "citing X", "cited by X", "told X", "X reported",
 *   "X reports", "reports X", "writes X", "X said/says/wrote/quoted" (outlets only), "(X) -" / "(X) —" datelines.
 * Persons and other phrases ("according to official reports", "according to Putin") are not media
 * attributions (they are speaker attributions, see quotes.ts). "the agency said" is not enough.
 * Span = the outlet as written; `cue` = the reporting phrase in lower case ("dateline" for "(AFP) -");
 * `key` = normaliseKey(outlet).
 */
import type { Entity, MediaAttribution, Sentence } from '../types.js';
import { normaliseKey } from '../text/normalise.js';
import { sentenceIndexAt } from '../text/spans.js';
import { KNOWN_OUTLETS, OUTLET_HEADS } from './lexicon-outlets.js';

const KNOWN = [...KNOWN_OUTLETS].sort((a, b) => b.length - a.length);
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const KNOWN_RE = KNOWN.map(escape).join('|');
/** A capitalised name (up to 5 words, "the" optional) ending in an outlet word. */
const HEADS_RE = [...OUTLET_HEADS].sort((a, b) => b.length - a.length).map(escape).join('|');
const GENERIC_RE = `(?:[\\p{Lu}][\\p{L}&.'’-]*\\s+){0,4}(?:${HEADS_RE})`;
const OUTLET_RE = `(?:the\\s+|The\\s+)?(?:${GENERIC_RE}|${KNOWN_RE})(?![\\p{L}\\p{N}-])`;

interface Pattern {
  re: RegExp;
  /** Group index holding the outlet. */
  group: number;
  cueGroup: number;
}

const PATTERNS: Pattern[] = [
  { re: new RegExp(`\\b((?:[Aa]s\\s+)?[Rr]eported\\s+by|[Aa]ccording\\s+to|[Cc]iting|told|[Qq]uoted\\s+by|(?:[Aa]s\\s+)?[Cc]ited\\s+by|[Ii]n\\s+an\\s+interview\\s+with)\\s+(${OUTLET_RE})`, 'gu'), group: 2, cueGroup: 1 },
  { re: new RegExp(`(${OUTLET_RE})\\s+(reported|reports|has\\s+reported|had\\s+reported|said|says|wrote|writes|quoted|cited|learned|has\\s+learned|reported\\s+on\\s+\\p{Lu}\\p{Ll}+day)\\b`, 'gu'), group: 1, cueGroup: 2 },
  { re: new RegExp(`\\b([Rr]eports|reported|said|wrote|writes)\\s+(${OUTLET_RE})`, 'gu'), group: 2, cueGroup: 1 },
  { re: new RegExp(`\\((${OUTLET_RE})\\)\\s*([-–—])`, 'gu'), group: 1, cueGroup: 2 },
];

/** Is `name` (as matched) an outlet? Known outlets, outlet-named organisations, or "<Name> <Head>". */
function isOutlet(name: string, entities: readonly Entity[]): boolean {
  const bare = name.replace(/^the\s+/i, '');
  if (KNOWN_OUTLETS.includes(bare)) return true;
  const words = bare.split(/\s+/);
  const last = words[words.length - 1] ?? '';
  const lastTwo = words.slice(-2).join(' ');
  if (!(OUTLET_HEADS.has(last) || OUTLET_HEADS.has(lastTwo))) return false;
  // A bare head word is not a name ("the Post" is, when the article named "The Washington Post").
  if (words.length === 1) {
    const key = normaliseKey(bare);
    return entities.some((e) => e.type === 'organisation' && (e.aliases.includes(key) || e.key === key));
  }
  const k = normaliseKey(bare);
  const person = entities.find((e) => e.type === 'person' && (e.key === k || e.aliases.includes(k)));
  return !person;
}

export function extractMediaAttributions(text: string, sentences: Sentence[], entities: Entity[]): MediaAttribution[] {
  const out: MediaAttribution[] = [];
  const seen = new Set<string>();
  for (const p of PATTERNS) {
    p.re.lastIndex = 0;
    for (const m of text.matchAll(p.re)) {
      let outlet = m[p.group]!;
      const rawCue = m[p.cueGroup]!.replace(/\s+/g, ' ');
      const cue = /^[-–—]$/.test(rawCue) ? 'dateline' : rawCue.toLowerCase();
      let start = (m.index ?? 0) + m[0].indexOf(outlet, p.group > p.cueGroup ? m[0].indexOf(m[p.cueGroup]!) + m[p.cueGroup]!.length : 0);
      // "the" is not part of the outlet name.
      const the = /^(?:the|The)\s+/.exec(outlet);
      if (the) {
        start += the[0].length;
        outlet = outlet.slice(the[0].length);
      }
      // A sentence-initial capitalised word glued to a generic outlet ("Yesterday Harbor Wire Service").
      while (/\s/.test(outlet) && !KNOWN_OUTLETS.includes(outlet)) {
        const first = outlet.split(/\s+/)[0]!;
        if (!/^(Yesterday|Today|Meanwhile|However|Earlier|Later|On|In|As|But|And|Also|Separately)$/.test(first)) break;
        const cut = outlet.indexOf(first) + first.length;
        const ws = /^\s+/.exec(outlet.slice(cut))![0].length;
        start += cut + ws;
        outlet = outlet.slice(cut + ws);
      }
      if (!isOutlet(outlet, entities)) continue;
      const end = start + outlet.length;
      if (text.slice(start, end) !== outlet) continue;
      const id = `${start}:${end}`;
      if (seen.has(id)) continue;
      seen.add(id);
      out.push({ start, end, text: outlet, outlet, key: normaliseKey(outlet), cue, sentence: sentenceIndexAt(sentences, start) });
    }
  }
  out.sort((a, b) => a.start - b.start || a.end - b.end);
  return out;
}
