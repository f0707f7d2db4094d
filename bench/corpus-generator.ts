import type { Article } from '../src/types.js';
import { generateRewrites } from './story-generator.js';

const SYLLABLES = ['ka', 'ro', 'mel', 'dun', 'vi', 'tar', 'os', 'len', 'bri', 'go', 'sha', 'pel', 'ur', 'nad', 'fe', 'lim', 'cor', 'ith', 'wa', 'zen'];

/** A made-up proper name, the same for the same (story, name) pair. */
function inventName(story: number, name: string): string {
  const key = `${name}#${story}`;
  let h = 2166136261;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619);
  let out = '';
  for (let p = 0; p < 3; p++) {
    h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> 0;
    out += SYLLABLES[h % SYLLABLES.length]!;
  }
  // A fourth syllable from the story number itself: names of different stories never coincide.
  out += SYLLABLES[story % SYLLABLES.length]! + SYLLABLES[Math.floor(story / SYLLABLES.length) % SYLLABLES.length]!;
  return out.charAt(0).toUpperCase() + out.slice(1);
}

/**
 * A synthetic corpus of `count` articles (our own examples only, no third-party text): story s takes one of
 * the example articles, gives every capitalised name and every number a value of its own (so stories are
 * distinct events; four in five of the other words too), and is reported by 1–6 outlets as generated rewrites, minutes apart; stories start every
 * few minutes, so the whole corpus spans months. Deterministic.
 */
export function* generateCorpus(examples: readonly Article[], count: number): Generator<Article> {
  const names = [...new Set(examples.flatMap((a) => a.text.match(/\b[A-Z][a-z]{2,}\b/g) ?? []))].filter((w) => !/^(The|This|That|They|There|Their|When|After|Before|While|According|But|And|In|On|At)$/.test(w));
  const pattern = new RegExp(`\\b(${names.join('|')})\\b`, 'g');
  let made = 0;
  for (let s = 0; made < count; s++) {
    const base = examples[s % examples.length]!;
    // Names, numbers and four in five longer words get values of this story's own: distinct events.
    const rename = (text: string): string =>
      text
        .replace(pattern, (w) => inventName(s, w))
        .replace(/\b[a-z]{5,}\b/g, (w) => ((w.length + s) % 5 !== 0 ? inventName(s, w).toLowerCase() : w))
        .replace(/\b\d+(?:,\d{3})*\b/g, (n) => String((Number(n.replace(/,/g, '')) * (1 + (s % 17))) % 100000));
    const story: Article = { ...base, title: base.title ? rename(base.title) : null, text: rename(base.text) };
    const size = 1 + (((s * 2654435761) >>> 0) % 6);
    const rewrites = generateRewrites([story], size);
    const start = Date.UTC(2026, 0, 1) + s * 4 * 60_000;
    for (let k = 0; k < rewrites.length && made < count; k++, made++) {
      const r = rewrites[k]!;
      yield { ...r, id: `g${s}-${k}`, source: `Outlet ${(s + k * 7) % 40}`, published: new Date(start + k * 9 * 60_000).toISOString(), origin: `generated:${s}:${k}` };
    }
  }
}
