import type { Article } from '../src/types.js';

/** Word swaps a rewriting desk would make; applied by variant so that every rewrite differs. */
const SWAPS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bresidents\b/g, 'inhabitants'],
  [/\bevacuated\b/g, 'moved out'],
  [/\bflooded\b/g, 'inundated'],
  [/\bsaid\b/g, 'stated'],
  [/\bclosed\b/g, 'shut'],
  [/\bhighest\b/g, 'greatest'],
  [/\bcrews\b/g, 'teams'],
  [/\bhomes\b/g, 'houses'],
  [/\bTuesday\b/g, 'Tuesday morning'],
  [/\bexpects\b/g, 'predicts'],
];

/**
 * `count` rewrites of the given base articles (our own examples): each takes one base and the
 * paragraphs of the next (a desk merging two reports, ~20 sentences), drops one paragraph in five,
 * applies a different subset of word swaps, and is published ten minutes after the previous one.
 */
export function generateRewrites(bases: readonly Article[], count: number): Article[] {
  const out: Article[] = [];
  for (let k = 0; k < count; k++) {
    const base = bases[k % bases.length]!;
    const next = bases[(k + 1) % bases.length]!;
    const paragraphs = [...base.text.split(/\n\s*\n/), ...(next === base ? [] : next.text.split(/\n\s*\n/))];
    const kept = paragraphs.filter((_, j) => (j + k) % 5 !== 4 || j === 0);
    let text = kept.join('\n\n');
    SWAPS.forEach(([pattern, replacement], s) => {
      if ((k >> s) % 2 === 1 || (k + s) % 3 === 0) text = text.replace(pattern, replacement);
    });
    const minutes = 10 * (k + 1);
    out.push({
      ...base,
      id: `rewrite-${String(k + 1).padStart(2, '0')}`,
      source: `Outlet ${k + 1}`,
      text,
      published: new Date(Date.UTC(2026, 10, 17, 7, minutes)).toISOString(),
      origin: `generated:${k + 1}`,
    });
  }
  return out;
}
