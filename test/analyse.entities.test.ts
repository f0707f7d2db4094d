import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Entity } from '../src/types.js';
import { extractEntities } from '../src/analyse/entities.js';
import { splitSentences } from '../src/analyse/sentences.js';
import { exampleBody } from './helpers/texts.js';


function entities(text: string): Entity[] {
  const es = extractEntities(text, splitSentences(text));
  for (const e of es) for (const m of e.mentions) assert.equal(text.slice(m.start, m.end), m.text, `${e.name}: offsets`);
  return es;
}

function byName(es: Entity[], name: string): Entity {
  const e = es.find((x) => x.name === name);
  assert.ok(e, `no entity "${name}" in ${es.map((x) => x.name).join(', ')}`);
  return e;
}

function mentionTexts(e: Entity): string[] {
  return e.mentions.map((m) => m.text);
}

const CITY_TEXT = [
  'Prime Minister Anna Kowalski met NATO officials in Brussels on Monday. Kowalski said the alliance would help, and the prime minister later flew to Lisbon.',
  '',
  'While the Harbor Transit Authority said trains would run, the Ministry of Transport disagreed. “This is unacceptable,” said Jean-Paul Moreau, the transport minister. Moreau’s aides declined to comment.',
  '',
  'The Grenfell City Council voted on the plan. Soldiers from the Coastal Defence Forces arrived at Port Alder and Westhaven, two towns on the Selwyn River, near the border with Norland.',
  '',
  'Dr. Samuel Okoro of Westbridge University told the BBC that the Selwyn had never been so high. Okoro’s team at the Norland Meteorological Office expects more rain. The Norland government and Acme Holdings Ltd agreed.',
  '',
  'During the night, Interior Minister Petra Lind visited Westhaven. Lind, 54, called it “a disaster”. The Norlandic minister’s visit was brief.',
].join('\n');

test('types people, places and organisations, with titles left out of names', () => {
  const es = entities(CITY_TEXT);
  const types = Object.fromEntries(es.map((e) => [e.name, e.type]));
  assert.deepEqual(types, {
    'Anna Kowalski': 'person',
    NATO: 'organisation',
    Brussels: 'place',
    Lisbon: 'place',
    'Harbor Transit Authority': 'organisation',
    'Ministry of Transport': 'organisation',
    'Jean-Paul Moreau': 'person',
    'Grenfell City Council': 'organisation',
    'Coastal Defence Forces': 'organisation',
    'Port Alder': 'place',
    Westhaven: 'place',
    'Selwyn River': 'place',
    Norland: 'place',
    'Samuel Okoro': 'person',
    'Westbridge University': 'organisation',
    BBC: 'organisation',
    'Norland Meteorological Office': 'organisation',
    'Acme Holdings Ltd': 'organisation',
    'Petra Lind': 'person',
  });
  // Ordered by first mention, numbered e1, e2, ...
  assert.deepEqual(es.map((e) => e.id), es.map((_, i) => `e${i + 1}`));
  for (let i = 1; i < es.length; i++) assert.ok(es[i]!.mentions[0]!.start > es[i - 1]!.mentions[0]!.start);
  // Sentence-initial common words and nationality adjectives are not entities.
  for (const w of ['While', 'During', 'This', 'The', 'Soldiers', 'Norlandic', 'Prime Minister']) {
    assert.ok(!es.some((e) => e.name === w), w);
  }
});

test('merges surnames, possessives and fitting descriptions into one person', () => {
  const es = entities(CITY_TEXT);
  const anna = byName(es, 'Anna Kowalski');
  assert.equal(anna.key, 'anna kowalski');
  assert.deepEqual(anna.aliases, ['anna kowalski', 'kowalski']);
  assert.deepEqual(mentionTexts(anna), ['Anna Kowalski', 'Kowalski', 'the prime minister']);
  assert.equal(anna.mentions[0]!.start, CITY_TEXT.indexOf('Anna Kowalski'));
  assert.equal(anna.mentions[2]!.start, CITY_TEXT.indexOf('the prime minister'));

  const moreau = byName(es, 'Jean-Paul Moreau');
  // "Moreau’s" → the mention is "Moreau" (possessive outside the span); the apposition gives descriptors.
  assert.deepEqual(mentionTexts(moreau), ['Jean-Paul Moreau', 'the transport minister', 'Moreau']);
  assert.equal(moreau.mentions[2]!.start, CITY_TEXT.indexOf('Moreau’s'));
  assert.equal(moreau.mentions[2]!.end, CITY_TEXT.indexOf('Moreau’s') + 'Moreau'.length);

  const okoro = byName(es, 'Samuel Okoro');
  assert.deepEqual(mentionTexts(okoro), ['Samuel Okoro', 'Okoro']);
  assert.deepEqual(mentionTexts(byName(es, 'Petra Lind')), ['Petra Lind', 'Lind']);
  // A place name without its suffix joins the full place.
  const river = byName(es, 'Selwyn River');
  assert.deepEqual(mentionTexts(river), ['Selwyn River', 'Selwyn']);
  assert.deepEqual(river.aliases, ['selwyn', 'selwyn river']);
  assert.deepEqual(mentionTexts(byName(es, 'Westhaven')), ['Westhaven', 'Westhaven']);
});

const LEADER_TEXT = [
  'On the evening of May 3, French President Marc Duval spoke at a command post near Lyon.',
  'Duval’s plan, he said, was to create a buffer zone along the border. The French leader’s remarks were welcomed in Paris.',
  'He said the initiative belongs to the Armed Forces of France, which had taken Ostrovsk and Belograd, two towns near the front.',
  'The former Italian prime minister, in an interview, doubted the plan. The Italian leader’s comments drew a reply: the president has repeatedly stressed his goal.',
  'This was welcomed by NATO and reported by TASS.',
].join('\n\n');

test('descriptions attach only to the person whose descriptors fit', () => {
  const es = entities(LEADER_TEXT);
  const duval = byName(es, 'Marc Duval');
  assert.equal(duval.type, 'person');
  assert.deepEqual(mentionTexts(duval), ['Marc Duval', 'Duval', 'The French leader', 'the president']);
  assert.deepEqual(duval.aliases, ['duval', 'marc duval']);
  // "The former Italian prime minister" and "The Italian leader" are someone else.
  const all = es.flatMap((e) => mentionTexts(e));
  assert.ok(!all.some((m) => /Italian/.test(m)));
  assert.equal(byName(es, 'Armed Forces of France').type, 'organisation');
  assert.ok(!es.some((e) => e.name === 'France'), 'France is part of the organisation name');
  assert.equal(byName(es, 'Ostrovsk').type, 'place');
  assert.equal(byName(es, 'Belograd').type, 'place');
  assert.equal(byName(es, 'Lyon').type, 'place');
  assert.equal(byName(es, 'Paris').type, 'place');
  assert.equal(byName(es, 'TASS').type, 'organisation');
  assert.equal(byName(es, 'NATO').type, 'organisation');
  assert.ok(!es.some((e) => e.name === 'French' || e.name === 'May' || e.name === 'This'));
});

test('a surname seen before the full name still joins it; fullest form is the name', () => {
  const t = 'Reyes said the water was rising. Fire chief Tomas Reyes later ordered an evacuation. The fire chief’s crews stayed.';
  const es = entities(t);
  assert.equal(es.length, 1);
  const reyes = es[0]!;
  assert.equal(reyes.name, 'Tomas Reyes');
  assert.equal(reyes.id, 'e1');
  assert.deepEqual(mentionTexts(reyes), ['Reyes', 'Tomas Reyes', 'The fire chief']);
});

test('offsets are UTF-16 indices with non-ASCII text before the names', () => {
  const t = '😀 “Très bien,” said José Müller — the mayor of Zürich — in Kyiv’s centre. Müller’s aide agreed.';
  const es = entities(t);
  const jose = byName(es, 'José Müller');
  assert.equal(jose.type, 'person');
  assert.equal(jose.key, 'jose muller');
  assert.deepEqual(mentionTexts(jose), ['José Müller', 'Müller']);
  assert.equal(jose.mentions[0]!.start, t.indexOf('José'));
  assert.equal(byName(es, 'Zürich').type, 'place');
  const kyiv = byName(es, 'Kyiv');
  assert.equal(kyiv.mentions[0]!.text, 'Kyiv');
  assert.equal(kyiv.mentions[0]!.start, t.indexOf('Kyiv'));
});

test('examples: the Valley Courier and Metro Ledger articles', () => {
  const valley = entities(exampleBody('valley-courier.txt'));
  assert.equal(byName(valley, 'Arden River').type, 'place');
  assert.equal(byName(valley, 'Kessington').type, 'place');
  assert.equal(byName(valley, 'Millbrook').type, 'place');
  assert.equal(byName(valley, 'Harlow').type, 'place');
  const reyes = byName(valley, 'Tomas Reyes');
  assert.equal(reyes.type, 'person');
  assert.deepEqual(mentionTexts(reyes), ['Tomas Reyes', 'Reyes']);
  const marsh = byName(valley, 'Elena Marsh');
  assert.equal(marsh.type, 'person');
  assert.deepEqual(mentionTexts(marsh), ['Elena Marsh', 'Marsh']);
  assert.ok(!valley.some((e) => e.name.startsWith('Mayor') || e.name === 'Fire'));

  const metro = entities(exampleBody('metro-ledger.md'));
  assert.equal(byName(metro, 'Harbor Wire Service').type, 'organisation');
  assert.equal(byName(metro, 'Tomas Reyes').type, 'person');
  assert.equal(byName(metro, 'Arden River').key, 'arden river');
});

test('deterministic: same input, same output', () => {
  assert.deepEqual(entities(LEADER_TEXT), entities(LEADER_TEXT));
});

test('news agencies named by their names are organisations, not people ("RIA Novosti", "Interfax", "Sputnik")', () => {
  const es = entities('According to RIA Novosti, the zone covers the border. As reported by Interfax, it was signed, Sputnik said.');
  for (const name of ['RIA Novosti', 'Interfax', 'Sputnik']) assert.equal(byName(es, name).type, 'organisation', name);
});
