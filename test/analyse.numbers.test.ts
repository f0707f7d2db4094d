import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { NumberMention } from '../src/types.js';
import { extractNumbers } from '../src/analyse/numbers.js';
import { splitSentences } from '../src/analyse/sentences.js';
import { exampleBody } from './helpers/texts.js';


function numbers(text: string): NumberMention[] {
  const ns = extractNumbers(text, splitSentences(text));
  for (const n of ns) assert.equal(text.slice(n.start, n.end), n.text);
  return ns;
}

type Row = [text: string, value: number, kind: string, unit: string | null, countedKey: string | null];

function rows(ns: NumberMention[]): Row[] {
  return ns.map((n) => [n.text, n.value, n.kind, n.unit, n.countedKey]);
}

function find(ns: NumberMention[], text: string): NumberMention {
  const n = ns.find((x) => x.text === text);
  assert.ok(n, `no number "${text}" in ${ns.map((x) => x.text).join(' | ')}`);
  return n;
}

test('counts with what they count, exact spans', () => {
  const t = 'Rescuers freed 87 inhabited localities and moved 1,200 residents. About 340 homes flooded, 14 roads closed and up to 900 people slept in three emergency shelters.';
  const ns = numbers(t);
  assert.deepEqual(rows(ns), [
    ['87 inhabited localities', 87, 'count', null, 'locality'],
    ['1,200 residents', 1200, 'count', null, 'resident'],
    ['340 homes', 340, 'count', null, 'home'],
    ['14 roads', 14, 'count', null, 'road'],
    ['900 people', 900, 'count', null, 'person'],
    ['three emergency shelters', 3, 'count', null, 'shelter'],
  ]);
  const n = find(ns, '87 inhabited localities');
  assert.equal(n.start, t.indexOf('87'));
  assert.equal(n.counted, 'inhabited localities');
  assert.equal(n.sentence, 0);
  assert.equal(find(ns, '900 people').sentence, 1);
});

test('percentages, money, measures', () => {
  const t =
    'Prices rose 12% and rents 4.5 percent. The fund holds $5 million, the bank €3bn, the city 5 million dollars and the port £2.5m, or USD 40 million in all. ' +
    'The river peaked at 6.4 metres, 5km from the 2-metre wall, at 40 degrees Celsius.';
  assert.deepEqual(rows(numbers(t)), [
    ['12%', 12, 'percent', '%', null],
    ['4.5 percent', 4.5, 'percent', '%', null],
    ['$5 million', 5_000_000, 'money', 'USD', null],
    ['€3bn', 3_000_000_000, 'money', 'EUR', null],
    ['5 million dollars', 5_000_000, 'money', 'USD', null],
    ['£2.5m', 2_500_000, 'money', 'GBP', null],
    ['USD 40 million', 40_000_000, 'money', 'USD', null],
    ['6.4 metres', 6.4, 'measure', 'm', null],
    ['5km', 5, 'measure', 'km', null],
    ['2-metre', 2, 'measure', 'm', null],
    ['40 degrees Celsius', 40, 'measure', '°C', null],
  ]);
});

test('number words, ordinals, years, ranges', () => {
  const t =
    'Troops took two towns and a dozen villages on the third day. Twenty-five people came first in 1st place. ' +
    'The dam, built in 1952, held. Between 30 and 40 soldiers and 10-20 medics stayed. The first estimate was low.';
  assert.deepEqual(rows(numbers(t)), [
    ['two towns', 2, 'count', null, 'town'],
    ['a dozen villages', 12, 'count', null, 'village'],
    ['third day', 3, 'ordinal', null, 'day'],
    ['Twenty-five people', 25, 'count', null, 'person'],
    ['1st place', 1, 'ordinal', null, 'place'],
    ['1952', 1952, 'year', null, null],
    ['30', 30, 'count', null, 'soldier'],
    ['40 soldiers', 40, 'count', null, 'soldier'],
    ['10', 10, 'count', null, 'medic'],
    ['20 medics', 20, 'count', null, 'medic'],
    ['first estimate', 1, 'ordinal', null, 'estimate'],
  ]);
});

test('dates, times, codes and vague amounts are not numbers', () => {
  const t =
    'On November 30 at 5 a.m., and again on 3 March 2024 at 10:30, thousands fled. Dozens of COVID-19 cases, 24/7 patrols and F-16 jets ' +
    'were seen in the 1990s. No one of them spoke; one man did. Formula One cars raced. It rose to 12.';
  const ns = numbers(t);
  assert.deepEqual(rows(ns), [
    ['one man', 1, 'count', null, 'man'],
    ['12', 12, 'other', null, null],
  ]);
});

test('examples: residents, homes, metres and years across outlets', () => {
  const valley = numbers(exampleBody('valley-courier.txt'));
  assert.equal(find(valley, '1,200 residents').countedKey, 'resident');
  const metres = find(valley, '6.4 metres');
  assert.deepEqual([metres.value, metres.kind, metres.unit], [6.4, 'measure', 'm']);
  assert.equal(find(valley, '1952').kind, 'year');
  assert.equal(find(valley, '37 people').value, 37);
  assert.equal(find(valley, '900 people').value, 900);
  assert.equal(find(valley, '340 homes').countedKey, 'home');
  assert.equal(find(valley, '14 roads').countedKey, 'road');
  assert.equal(find(valley, '4 metres').unit, 'm');
  // "shortly after 5 a.m." is a time, not a number.
  assert.ok(!valley.some((n) => n.value === 5));

  const metro = numbers(exampleBody('metro-ledger.md'));
  const residents = find(metro, '2,100 residents');
  assert.deepEqual([residents.value, residents.countedKey], [2100, 'resident']);
  assert.equal(find(metro, '340 homes').value, 340);
  assert.equal(find(metro, '6.4 metres').value, 6.4);
  // "November 19" is a date.
  assert.ok(!metro.some((n) => n.value === 19));
});

test('an attached m or k before a currency is a multiplier ("1.5m euros"), elsewhere metres', () => {
  const t = 'The fund received 1.5m euros and 3m pounds, then 4k USD; the 5m wall cost 2.5m dollars.';
  assert.deepEqual(
    rows(numbers(t)).map((r) => r.slice(0, 4)),
    [
      ['1.5m euros', 1_500_000, 'money', 'EUR'],
      ['3m pounds', 3_000_000, 'money', 'GBP'],
      ['4k USD', 4_000, 'money', 'USD'],
      ['5m', 5, 'measure', 'm'],
      ['2.5m dollars', 2_500_000, 'money', 'USD'],
    ],
  );
});

test('a minus sign against the number makes it negative; ranges and codes keep their dashes', () => {
  const t = 'Temperatures fell to -5 degrees, growth was −0.4% (-3 points); 10-20 km, 10 -20 people, 5 - 6 hours, COVID-19.';
  assert.deepEqual(
    rows(numbers(t)).map((r) => [r[0], r[1]]),
    [
      ['-5 degrees', -5],
      ['−0.4%', -0.4],
      ['-3 points', -3],
      ['10', 10],
      ['20 km', 20],
      ['10', 10],
      ['20 people', 20],
      ['5', 5],
      ['6 hours', 6],
    ],
  );
});

test('a broken digit grouping ("1,2345") is not read as 1,234', () => {
  assert.deepEqual(rows(numbers('Officials counted 1,2345 homes and 1,234 cars.')).map((r) => [r[0], r[1]]), [['1,234 cars', 1234]]);
});

test('the years of a range and of an occasion are years, not counts ("the 2025-26 season" holds no 26 seasons)', () => {
  const ns = numbers('In the 2025-26 season, 12 clubs played. The 2024 elections were close. The 2000 workers went home.');
  assert.deepEqual(
    ns.map((n) => [n.text, n.value, n.kind, n.counted]),
    [
      ['2025', 2025, 'year', null],
      ['26', 2026, 'year', null],
      ['12 clubs', 12, 'count', 'clubs'],
      ['2024', 2024, 'year', null],
      ['2000 workers', 2000, 'count', 'workers'],
    ],
  );
});

test('"half a million" is 500,000; lakh and crore are multipliers and "Rs" is rupees; wire clock times are no numbers', () => {
  const ns = numbers(
    'Half a million people came and a half-million dollars was paid. The fund holds Rs 5 crore, Rs. 40 and 3 lakh rupees. ' +
      'Police arrived at 2300 GMT and left at 0130 local time; 2300 homes burned.',
  );
  assert.deepEqual(rows(ns), [
    ['Half a million people', 500_000, 'count', null, 'person'],
    ['half-million dollars', 500_000, 'money', 'USD', null],
    ['Rs 5 crore', 50_000_000, 'money', 'INR', null],
    ['Rs. 40', 40, 'money', 'INR', null],
    ['3 lakh rupees', 300_000, 'money', 'INR', null],
    ['2300 homes', 2300, 'count', null, 'home'],
  ]);
});

test('labels are no quantities ("Boeing 737", "Route 94", "No. 10"); scores and ranges after a name are; "$1.5-billion" multiplies', () => {
  const ns = numbers(
    'A Boeing 737 crashed on Route 94 near Section 7 of the park; Flight 370 vanished. The No. 10 seed lost. ' +
      'The Colts beat the Chiefs 20-13. The poll had Reyes 45 to 40 percent. Nearly 40 were hurt. Lind won 4&3 over Marsh 2. ' +
      'They acted under the Valley Act 2017. ' +
      'He paid $1.5-billion and a 3-million-dollar fine.',
  );
  assert.deepEqual(
    ns.map((n) => [n.text, n.value, n.kind]),
    [
      ['20', 20, 'other'],
      ['13', 13, 'other'],
      ['45', 45, 'percent'],
      ['40 percent', 40, 'percent'],
      ['40', 40, 'other'],
      ['4', 4, 'other'],
      ['3', 3, 'other'],
      ['2017', 2017, 'year'],
      ['$1.5-billion', 1.5e9, 'money'],
      ['3-million-dollar', 3e6, 'money'],
    ],
  );
});

test('a number of a part counts what it is a part of ("two of the victims", "two of the bridge’s engineers"); not a part of another count', () => {
  const ns = numbers('Two of the victims were children. Police said 12 of the injured workers went home. ' +
    'One of the victims was a child. Six of the past seven games were lost. Two of the three suspects fled. ' +
    'Two of the bridge’s engineers resigned. Two of the mayor’s were hurt.');
  assert.deepEqual(rows(ns), [
    ['Two of the victims', 2, 'count', null, 'victim'],
    ['12 of the injured workers', 12, 'count', null, 'worker'],
    ['seven games', 7, 'count', null, 'game'],
    ['three suspects', 3, 'count', null, 'suspect'],
    ['Two of the bridge’s engineers', 2, 'count', null, 'engineer'],
  ]);
});
