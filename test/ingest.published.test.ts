import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { detectLanguage, normaliseLanguageTag, plainEnglish } from '../src/ingest/language.js';
import { normalisePublished } from '../src/ingest/published.js';

test('ISO dates and date-times are kept', () => {
  assert.equal(normalisePublished('2026-11-17'), '2026-11-17');
  assert.equal(normalisePublished('2026-11-17T09:30:00Z'), '2026-11-17T09:30:00Z');
  assert.equal(normalisePublished(' 2026-11-17T09:30:00.250+01:00 '), '2026-11-17T09:30:00.250+01:00');
  assert.equal(normalisePublished('2026-11-17 09:30'), '2026-11-17T09:30');
});

test('unambiguous other forms are converted', () => {
  assert.equal(normalisePublished('Tue, 17 Nov 2026 09:30:00 GMT'), '2026-11-17T09:30:00Z');
  assert.equal(normalisePublished('17 Nov 2026 10:30 +0100'), '2026-11-17T09:30:00Z');
  assert.equal(normalisePublished('2026-11-17T10:30:00+0100'), '2026-11-17T09:30:00Z');
  assert.equal(normalisePublished('17 November 2026'), '2026-11-17');
  assert.equal(normalisePublished('November 7th, 2026'), '2026-11-07');
  assert.equal(normalisePublished('Tuesday, Nov. 17, 2026'), '2026-11-17');
  assert.equal(normalisePublished('20261117'), '2026-11-17');
  assert.equal(normalisePublished('17/11/2026'), '2026-11-17');
  assert.equal(normalisePublished('11/17/2026'), '2026-11-17');
});

test('ambiguous or invalid values give null', () => {
  assert.equal(normalisePublished('05/06/2026'), null);
  assert.equal(normalisePublished('2026-02-30'), null);
  assert.equal(normalisePublished('2026-11-17T25:00'), null);
  assert.equal(normalisePublished('yesterday'), null);
  assert.equal(normalisePublished('17 Nov 2026 09:30'), null);
  assert.equal(normalisePublished(''), null);
  assert.equal(normalisePublished(null), null);
});

test('language tags and detection', async () => {
  assert.equal(normaliseLanguageTag('en-GB'), 'en');
  assert.equal(normaliseLanguageTag('pt_BR'), 'pt');
  assert.equal(normaliseLanguageTag('DE'), 'de');
  assert.equal(normaliseLanguageTag('English'), null);
  assert.equal(normaliseLanguageTag('x-default'), null);
  assert.equal(await detectLanguage('Hello'), null);
  assert.equal(
    await detectLanguage('Die Fähre zwischen Port Ellery und der Insel Marlow fährt nach dem Sturm wieder, sagte der Hafenmeister am Sonntag.'),
    'de',
  );
  assert.equal(
    await detectLanguage('The ferry link between Port Ellery and Marlow Island reopened on Sunday after a three-day suspension.'),
    'en',
  );
});

test('plain English prose is recognised without eld; other languages and scripts are not', () => {
  const english =
    'The ferry link between Port Ellery and Marlow Island reopened on Sunday after a three-day suspension, the harbour office said. ' +
    'Crews had cleared the slipway and they said that the first crossing was full, with about 200 passengers on board.';
  assert.equal(plainEnglish(english), true);
  assert.equal(plainEnglish('The ferry reopened on Sunday.'), false, 'too short to tell');
  const german =
    'Die Fähre zwischen Port Ellery und der Insel Marlow fährt nach dem Sturm wieder, sagte der Hafenmeister am Sonntag. ' +
    'Die Mannschaften hatten die Rampe geräumt, und die erste Überfahrt war mit etwa 200 Fahrgästen an Bord voll besetzt.';
  const dutch =
    'De veerverbinding tussen Port Ellery en het eiland Marlow is zondag na een onderbreking van drie dagen hersteld, zei het havenkantoor. ' +
    'De bemanning had de helling vrijgemaakt en de eerste overtocht was vol, met ongeveer 200 passagiers aan boord.';
  const danish =
    'Færgeforbindelsen mellem Port Ellery og Marlow blev genåbnet søndag efter tre dages pause, sagde havnekontoret. ' +
    'Besætningen havde ryddet rampen, og den første overfart var fuld med omkring 200 passagerer om bord, for at sige det kort.';
  const polish =
    'Połączenie promowe między Port Ellery a wyspą Marlow wznowiono w niedzielę po trzech dniach przerwy, podało biuro portu. ' +
    'Załogi oczyściły pochylnię, a pierwszy rejs był pełny, na pokładzie było około 200 pasażerów, to był dobry dzień.';
  for (const text of [german, dutch, danish, polish]) assert.equal(plainEnglish(text), false, text.slice(0, 30));
  assert.equal(plainEnglish(`${english} 渡し船は日曜日に再開した。`), false, 'another script');
  // A headline, a dateline and a lede dense with names: English at about one function word in ten.
  const newsy =
    'Marlow ferry back in service\n\nSunday, 14 June\n\nPort Ellery harbour master Idris Vane confirmed on Sunday morning that ' +
    'the Marlow Island ferry resumed crossings at 7:40 a.m. following three days of storm damage repairs, carrying 200 passengers ' +
    'aboard the first sailing, including Mayor Osric Penhallow and council members from Ellery Bay.';
  assert.equal(plainEnglish(newsy), true, 'a name-dense English lede');
  // "be" is not counted: a word of other languages too (a Pulaar pronoun).
  const beHeavy = Array.from({ length: 6 }, () => 'sukaa be njahii luumo be ngari be kaalii haala be').join(' ') + ' and the';
  assert.equal(plainEnglish(beHeavy), false, 'be is no evidence of English');
});
