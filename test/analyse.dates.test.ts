import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DateMention } from '../src/types.js';
import { extractDates } from '../src/analyse/dates.js';
import { resolveWeekday } from '../src/analyse/date-rules.js';
import { splitSentences } from '../src/analyse/sentences.js';
import { exampleFile } from './helpers/texts.js';

const example = exampleFile;

function dates(text: string, published: string | null): DateMention[] {
  const ds = extractDates(text, splitSentences(text), published);
  for (const d of ds) assert.equal(text.slice(d.start, d.end), d.text);
  return ds;
}

type Row = [text: string, iso: string, grain: string, inferred: boolean];
function rows(ds: DateMention[]): Row[] {
  return ds.map((d) => [d.text, d.iso, d.grain, d.inferred]);
}

test('day-month dates take the year from the publication date, explicit years do not', () => {
  const t = 'On November 30 the levee, last inspected on 3 March 2024, failed. By the night of November 1st the water had gone.';
  assert.deepEqual(rows(dates(t, '2025-12-01')), [
    ['November 30', '2025-11-30', 'day', true],
    ['3 March 2024', '2024-03-03', 'day', false],
    ['November 1st', '2025-11-01', 'day', true],
  ]);
  const ds = dates(t, '2025-12-01');
  assert.equal(ds[0]!.start, t.indexOf('November 30'));
  assert.deepEqual(ds.map((d) => d.sentence), [0, 0, 1]);
});

test('without a publication date a year-less day is --MM-DD', () => {
  const t = 'Speaking on the evening of November 30, he recalled 3 March 2024.';
  assert.deepEqual(rows(dates(t, null)), [
    ['November 30', '--11-30', 'day', false],
    ['3 March 2024', '2024-03-03', 'day', false],
  ]);
});

test('weekdays resolve within ±3 days of publication; last/next; relative words', () => {
  // 2026-11-17 is a Tuesday.
  const t = 'The river rose on Tuesday. Schools shut until Thursday, roads reopen by Friday, and it began on Sunday. ' +
    'Crews arrived last Tuesday and leave next Tuesday. Yesterday was calm; tonight is not.';
  assert.deepEqual(rows(dates(t, '2026-11-17T07:10:00Z')), [
    ['Tuesday', '2026-11-17', 'day', true],
    ['Thursday', '2026-11-19', 'day', true],
    ['Friday', '2026-11-20', 'day', true],
    ['Sunday', '2026-11-15', 'day', true],
    ['last Tuesday', '2026-11-10', 'day', true],
    ['next Tuesday', '2026-11-24', 'day', true],
    ['Yesterday', '2026-11-16', 'day', true],
    ['tonight', '2026-11-17', 'day', true],
  ]);
  // Without a publication date there is nothing to anchor them to.
  assert.deepEqual(dates(t, null), []);
  // The rule itself: Saturday is 3 days back, Wednesday 1 day ahead.
  assert.deepEqual(resolveWeekday({ y: 2026, m: 11, d: 17 }, 6, null), { y: 2026, m: 11, d: 14 });
  assert.deepEqual(resolveWeekday({ y: 2026, m: 11, d: 17 }, 3, null), { y: 2026, m: 11, d: 18 });
});

test('years, months and times at the right grain', () => {
  const t = 'The highest level since 1952 was recorded in 1952 again. Works end in November 2026 and began last March. ' +
    'Sirens sounded shortly after 5 a.m. A meeting is set for Dec 1st at 6pm. 1952 homes were flooded.';
  assert.deepEqual(rows(dates(t, '2026-11-17')), [
    ['1952', '1952', 'year', false],
    ['1952', '1952', 'year', false],
    ['November 2026', '2026-11', 'month', false],
    ['March', '2026-03', 'month', true],
    ['Dec 1st at 6pm', '2026-12-01T18:00', 'time', true],
  ]);
});

test('durations and relative spans are not dates', () => {
  const t = 'The shelling has gone on for months. The levee was flagged two years ago and will be fixed in 3 days.';
  assert.deepEqual(dates(t, '2026-11-17'), []);
});

test('examples: weekdays and "November 19" against the publication date', () => {
  const valley = example('valley-courier.txt');
  assert.equal(valley.published, '2026-11-17T07:10:00Z');
  const vd = dates(valley.body, valley.published);
  assert.deepEqual(rows(vd), [
    ['Tuesday', '2026-11-17', 'day', true],
    ['1952', '1952', 'year', false],
    ['tonight', '2026-11-17', 'day', true],
    ['Thursday', '2026-11-19', 'day', true],
    ['Tuesday', '2026-11-17', 'day', true],
    ['Friday', '2026-11-20', 'day', true],
  ]);
  assert.equal(vd[0]!.start, valley.body.indexOf('Tuesday'));

  const metro = example('metro-ledger.md');
  const md = dates(metro.body, metro.published);
  const nov19 = md.find((d) => d.text === 'November 19');
  assert.ok(nov19);
  assert.deepEqual([nov19.iso, nov19.grain, nov19.inferred], ['2026-11-19', 'day', true]);
  assert.equal(metro.body.slice(nov19.start, nov19.end), 'November 19');
});

test('a publication date at the end of year 9999: inferred days and years stay four-digit ISO (none past 9999)', () => {
  const ds = dates('The council met on March 3 and again on Monday. It meets tomorrow and next Friday, and in May.', '9999-12-31');
  for (const d of ds) assert.match(d.iso, /^\d{4}(?:-\d{2}){0,2}$/, JSON.stringify(d));
  // "Monday" (within three days: 3 January 10000), "tomorrow" and "next Friday" fall past 9999: not reported.
  assert.deepEqual(
    rows(ds).map((r) => `${r[0]} ${r[1]}`),
    ['March 3 9999-03-03', 'May 9999-05'],
  );
});

test('dotted numeric dates are day first ("12.03.2026" is 12 March), a time after them is kept', () => {
  const t = 'Signed on 12.03.2026, again on 12.03.2026 at 10:00, on 25.03.2026 and on 03.25.2026.';
  assert.deepEqual(
    rows(dates(t, '2026-03-20')).map((r) => [r[0], r[1], r[2]]),
    [
      ['12.03.2026', '2026-03-12', 'day'],
      ['12.03.2026 at 10:00', '2026-03-12T10:00', 'time'],
      ['25.03.2026', '2026-03-25', 'day'],
      ['03.25.2026', '2026-03-25', 'day'],
    ],
  );
});

test('year ranges give both years ("2025-26" is 2025 and 2026); a year naming an occasion is a year, not a count', () => {
  const t = 'In the 2025-26 season, 12 clubs played. The 2024/25 budget grew. Output fell in 2020–2022. ' +
    'Records from 1999-00 survive. The 2024 elections were close. The 2000 workers went home. Issue 2026-03 is out.';
  assert.deepEqual(rows(dates(t, '2026-11-17')), [
    ['2025', '2025', 'year', false],
    ['26', '2026', 'year', false],
    ['2024', '2024', 'year', false],
    ['25', '2025', 'year', false],
    ['2020', '2020', 'year', false],
    ['2022', '2022', 'year', false],
    ['1999', '1999', 'year', false],
    ['00', '2000', 'year', false],
    ['2024', '2024', 'year', false],
  ]);
});

test('a day and month written with a slash and no year are not read ("24/7", "9/11", "3/4 of"); with a year they are', () => {
  const t = 'He paid 3/4 of the bill for 24/7 coverage after 9/11. The vote was on 3/15/2026.';
  assert.deepEqual(rows(dates(t, '2026-11-17')), [['3/15/2026', '2026-03-15', 'day', false]]);
});

test('a range of days or months is two dates, each on its own words ("March 10 to March 14", "March 10-14", "Dec. 30 to Jan. 2")', () => {
  const t = 'The bridge is closed from March 10 to March 14. The fair runs July 8-12 in Dorrow. ' +
    'It was held 10-14 March 2026. The office shuts from Dec. 30 to Jan. 2. The toll rises on March 20.';
  assert.deepEqual(rows(dates(t, '2026-03-09')), [
    ['March 10', '2026-03-10', 'day', true],
    ['March 14', '2026-03-14', 'day', true],
    ['July 8', '2026-07-08', 'day', true],
    ['12', '2026-07-12', 'day', true],
    ['10', '2026-03-10', 'day', false],
    ['14 March 2026', '2026-03-14', 'day', false],
    ['Dec. 30', '2025-12-30', 'day', true],
    ['Jan. 2', '2026-01-02', 'day', true],
    ['March 20', '2026-03-20', 'day', true],
  ]);
});

test('a weekday after "until", "till" or "by" is the next one, after "since" the last one (published on a Tuesday)', () => {
  const t = 'The school will stay closed until Monday. Repairs must be done by Friday. It has rained since Wednesday. The storm hit on Monday.';
  assert.deepEqual(rows(dates(t, '2026-03-10')), [
    ['Monday', '2026-03-16', 'day', true],
    ['Friday', '2026-03-13', 'day', true],
    ['Wednesday', '2026-03-04', 'day', true],
    ['Monday', '2026-03-09', 'day', true],
  ]);
});

test('a clock time next to a day word is a time of that day on the clock’s words ("at 9 a.m. on Monday", "Friday at 11:30 a.m.", "tonight at 8 p.m.")', () => {
  const t = 'The blast came at 9 a.m. on Monday. The summit opens Friday at 11:30 a.m. in Kelso. Polls close tonight at 8 p.m. The ferry left on Sunday at 13 p.m.';
  assert.deepEqual(rows(dates(t, '2026-03-10')), [
    ['9 a.m.', '2026-03-09T09:00', 'time', true],
    ['Monday', '2026-03-09', 'day', true],
    ['Friday', '2026-03-13', 'day', true],
    ['11:30 a.m.', '2026-03-13T11:30', 'time', true],
    ['tonight', '2026-03-10', 'day', true],
    ['8 p.m.', '2026-03-10T20:00', 'time', true],
    ['Sunday', '2026-03-08', 'day', true],
  ]);
});
