/**
 * Russian negation cues, one span per negator: не, ни, нет, никогда, никто (any case), ничего/ничто, никак,
 * нигде, никуда, нельзя, без. Not cues: "не только" (adds), "тем не менее" (nevertheless), "чуть ли не" /
 * "едва ли не" (almost), the concessive "бы ни" ("что бы ни случилось"), "без малого" (almost), "не раз" (often).
 */
import type { Negation, Sentence } from '../../types.js';
import { sentenceIndexAt } from '../../text/spans.js';

const CUES = /(?<![\p{L}\p{N}-])(не|ни|нет|никогда|никто|никого|никому|никем|ничего|ничто|ничему|ничем|никак|нигде|никуда|нельзя|без)(?![\p{L}\p{N}-])/giu;

export function findNegationsRu(text: string, sentences: readonly Sentence[]): Negation[] {
  const out: Negation[] = [];
  for (const m of text.matchAll(CUES)) {
    const w = m[1]!;
    const lower = w.toLowerCase();
    const start = m.index;
    const before = text.slice(Math.max(0, start - 12), start).toLowerCase();
    const after = text.slice(start + w.length, start + w.length + 10).toLowerCase();
    if (lower === 'не' && (/^\s+только(?![\p{L}])/u.test(after) || /^\s+раз(?![\p{L}])/u.test(after))) continue;
    if (lower === 'не' && (/(?:^|[^\p{L}])тем\s+$/u.test(before) || /(?:чуть|едва)\s+ли\s+$/u.test(before))) continue;
    if (lower === 'ни' && /(?:^|[^\p{L}])бы\s+$/u.test(before)) continue;
    if (lower === 'без' && /^\s+малого(?![\p{L}])/u.test(after)) continue;
    out.push({ start, end: start + w.length, text: w, sentence: sentenceIndexAt(sentences, start) });
  }
  return out;
}
