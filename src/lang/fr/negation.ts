/**
 * French negation, one span per negator: "ne"/"n'" with a partner in its clause (pas, jamais, plus, rien,
 * aucun(e), personne, guère, point, nul(le), ni) — after it ("n'a pas"), or before it as the subject ("Personne
 * n'a", "Aucun blessé n'est") — is one negation, spanned on "ne"/"n'"; a "ne" with no partner (the expletive "avant
 * qu'il ne parte", the restrictive "ne … que") is not one. Alone: "sans", and "jamais", "aucun(e)", "rien", "ni",
 * "pas" when no "ne" claimed them ("pas de blessés", "sans électricité"). Not cues: "sans doute" (probably), "non
 * seulement".
 */
import type { Negation, Sentence } from '../../types.js';
import { sentenceIndexAt } from '../../text/spans.js';

const NE = /(?<![\p{L}])(ne(?=\s)|n['’](?=\p{L}))/giu;
const PARTNER_AFTER = /(?<![\p{L}])(pas|jamais|plus|rien|aucune?|personne|guère|point|nulle?|ni)(?![\p{L}])/iu;
const PARTNER_BEFORE = /(?<![\p{L}])(rien|personne|aucune?|nulle?|jamais)(?![\p{L}])/giu;
const ALONE = /(?<![\p{L}])(sans|jamais|aucune?|rien|ni|pas)(?![\p{L}])/giu;

export function findNegationsFr(text: string, sentences: readonly Sentence[]): Negation[] {
  const out: Negation[] = [];
  const claimed = new Set<number>();
  for (const m of text.matchAll(NE)) {
    const start = m.index;
    const end = start + m[1]!.length;
    // The clause: up to the next clause punctuation, at most 60 characters.
    const ahead = text.slice(end, end + 60);
    const stop = ahead.search(/[,.;:!?«»]/);
    const clause = stop < 0 ? ahead : ahead.slice(0, stop);
    const p = PARTNER_AFTER.exec(clause);
    let partner = p ? end + p.index + p[0].length - p[1]!.length : -1;
    if (partner < 0) {
      const behind = text.slice(Math.max(0, start - 40), start);
      const cut = Math.max(behind.lastIndexOf(','), behind.lastIndexOf('.'), behind.lastIndexOf(';'));
      const clauseBefore = behind.slice(cut + 1);
      let last: RegExpExecArray | null = null;
      PARTNER_BEFORE.lastIndex = 0;
      for (let b = PARTNER_BEFORE.exec(clauseBefore); b; b = PARTNER_BEFORE.exec(clauseBefore)) last = b;
      if (last) partner = start - clauseBefore.length + last.index;
    }
    if (partner < 0) continue;
    claimed.add(partner);
    out.push({ start, end, text: text.slice(start, end), sentence: sentenceIndexAt(sentences, start) });
  }
  for (const m of text.matchAll(ALONE)) {
    if (claimed.has(m.index)) continue;
    const w = m[1]!.toLowerCase();
    const after = text.slice(m.index + w.length, m.index + w.length + 12).toLowerCase();
    if (w === 'sans' && /^\s+doute(?![\p{L}])/u.test(after)) continue;
    out.push({ start: m.index, end: m.index + w.length, text: m[1]!, sentence: sentenceIndexAt(sentences, m.index) });
  }
  out.sort((a, b) => a.start - b.start);
  return out;
}
