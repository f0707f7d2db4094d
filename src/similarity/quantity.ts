/**
 * A measure in its base unit, so that one quantity written in two units compares as one: "5 km" and "5,000 metres"
 * are both 5,000 m, "2.5 tonnes" and "2,500 kg" both 2,500 kg. Only the exact metric steps (and those of power and
 * energy) and the exact steps of time up to a week ("90 minutes" is 5,400 s, "two hours" 7,200 s; a month or a year is
 * no fixed number of days): a mile is no exact number of kilometres, and a rewrite that turned miles into kilometres
 * rounded them, so such values keep their own units (and are compared with nothing of another unit).
 */
import type { NumberMention } from '../types.js';
import { lookupTable } from '../text/lookup-table.js';

const BASES = lookupTable<readonly [base: string, factor: number]>({
  mm: ['m', 1e-3], cm: ['m', 1e-2], m: ['m', 1], km: ['m', 1e3],
  g: ['kg', 1e-3], kg: ['kg', 1], t: ['kg', 1e3],
  ml: ['l', 1e-3], l: ['l', 1],
  m2: ['m2', 1], ha: ['m2', 1e4], km2: ['m2', 1e6],
  kW: ['W', 1e3], MW: ['W', 1e6], GW: ['W', 1e9],
  kWh: ['Wh', 1e3], MWh: ['Wh', 1e6], GWh: ['Wh', 1e9], TWh: ['Wh', 1e12],
  s: ['s', 1], min: ['s', 60], h: ['s', 3600], day: ['s', 86_400], week: ['s', 604_800],
});

/** The unit `unit` is compared in ("km" → "m"); a unit with no base is its own. */
export function baseUnit(unit: string): string {
  return BASES[unit]?.[0] ?? unit;
}

/** The value of `n` in its base unit (`baseUnit`), rounded to 12 significant digits (5 × 1e3 is 5000, 0.3 × 1e3 300). */
export function baseValue(n: Pick<NumberMention, 'unit' | 'value'>): number {
  const factor = n.unit === null ? undefined : BASES[n.unit]?.[1];
  return factor === undefined || !Number.isFinite(n.value) ? n.value : Number((n.value * factor).toPrecision(12));
}
