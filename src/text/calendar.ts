/** Calendar arithmetic shared by the stages that check dates (ingest's published values, analysis, the API). */

/** The days of `month` (1–12) in `year` (proleptic Gregorian, UTC). */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
