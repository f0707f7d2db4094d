import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyseForeign } from '../src/analyse/foreign.js';
import { analysisLanguage } from '../src/lang/language.js';
import { stemWord } from '../src/lang/stem.js';
import type { AnalysedArticle, Article, Span } from '../src/types.js';

// Fictional events, towns and people throughout.

function article(text: string, published: string | null = '2026-12-01', language: string | null = 'fr'): Article {
  return { id: 'fr1', title: null, text, source: null, url: null, published, language, byline: null, origin: '-' };
}

function analyse(text: string, published: string | null = '2026-12-01'): AnalysedArticle {
  const a = analyseForeign(article(text, published), 'fr');
  const spans: Span[] = [
    ...a.sentences,
    ...a.entities.flatMap((e) => e.mentions),
    ...a.numbers,
    ...a.dates,
    ...a.quotes,
    ...a.quotes.flatMap((q) => [q.speaker, q.cue].filter((s): s is NonNullable<typeof s> => s !== null)),
    ...a.attributions,
    ...a.negations,
  ];
  for (const s of spans) assert.equal(text.slice(s.start, s.end), s.text, `span ${s.start}-${s.end}`);
  return a;
}

const WIRE =
  "Le 30 novembre, une tempête a privé d'électricité 87 localités de la vallée de la Lorve, rapporte l'AFP.\n\n" +
  '« Nous ne laisserons personne sans chauffage. Les équipes travaillent jour et nuit », a déclaré le préfet Jean-Marc Dorval. ' +
  'M. Dorval a précisé que les réparations dureront 2 jours. « Aucun blessé n’est à déplorer », a-t-il ajouté.\n\n' +
  'Selon Claire Fontenay, maire de Saint-Aubin-sur-Lorve, les dégâts atteignent 3 millions d’euros, soit 12 % du budget communal. ' +
  'Mme Fontenay a déclaré : « Je n’ai jamais vu cela. »';

test('sentences: M. and Mme do not end sentences; closing guillemets stay with their sentence; paragraphs', () => {
  const a = analyse(WIRE);
  assert.deepEqual(a.sentences.map((s) => [s.index, s.paragraph]), [[0, 0], [1, 1], [2, 1], [3, 1], [4, 2], [5, 2]]);
  assert.equal(a.sentences[2]!.text, 'M. Dorval a précisé que les réparations dureront 2 jours.');
  assert.equal(a.sentences[5]!.text, 'Mme Fontenay a déclaré : « Je n’ai jamais vu cela. »');
  const t = '« Tout est prêt. » Le Dr Roux est arrivé. M. et Mme Vasseur aussi, etc. Le reste suivra.';
  assert.deepEqual(analyse(t).sentences.map((s) => s.text), ['« Tout est prêt. »', 'Le Dr Roux est arrivé.', 'M. et Mme Vasseur aussi, etc.', 'Le reste suivra.']);
});

test('entities: titles mark persons, the surname joins the full name, places and outlets typed', () => {
  const a = analyse(WIRE + ' La société « Vertal » n’a pas répondu. Les pompiers sont intervenus à Montbrac.');
  const dorval = a.entities.find((e) => e.key === 'jean-marc dorval');
  assert.ok(dorval, JSON.stringify(a.entities.map((e) => e.key)));
  assert.equal(dorval.type, 'person');
  assert.deepEqual(dorval.mentions.map((m) => m.text), ['Jean-Marc Dorval', 'Dorval']);
  assert.ok(dorval.aliases.includes('dorval'));
  const fontenay = a.entities.find((e) => e.name === 'Claire Fontenay');
  assert.equal(fontenay?.type, 'person');
  assert.equal(fontenay?.mentions.length, 2);
  assert.equal(a.entities.find((e) => e.name === 'Saint-Aubin-sur-Lorve')?.type, 'place');
  assert.equal(a.entities.find((e) => e.name === 'Montbrac')?.type, 'place');
  assert.equal(a.entities.find((e) => e.name === 'AFP')?.type, 'organisation');
  assert.equal(a.entities.find((e) => e.name === 'Vertal')?.type, 'organisation');
  assert.ok(!a.entities.some((e) => /^(Le|Les|La|Selon|Nous)$/.test(e.name)));
  assert.deepEqual(a.entities.map((e) => e.id), a.entities.map((_, i) => `e${i + 1}`));
});

test('numbers: counts, money with multiplier and d’, percent, measure, years; French counted keys', () => {
  const a = analyse(WIRE + ' En 2024 déjà, plus de 2 000 habitants et 1,5 km de route avaient été touchés.');
  assert.deepEqual(
    a.numbers.map((n) => [n.text, n.value, n.kind, n.unit, n.counted, n.countedKey, n.sentence]),
    [
      ['87 localités', 87, 'count', null, 'localités', stemWord('localité', 'fr'), 0],
      ['2 jours', 2, 'measure', 'day', null, null, 2],
      ['3 millions d’euros', 3_000_000, 'money', 'EUR', null, null, 4],
      ['12 %', 12, 'percent', '%', null, null, 4],
      ['2024', 2024, 'year', null, null, null, 6],
      ['2 000 habitants', 2000, 'count', null, 'habitants', 'habit', 6],
      ['1,5 km', 1.5, 'measure', 'km', null, null, 6],
    ],
  );
  assert.equal(a.numbers[0]!.start, WIRE.indexOf('87 localités'));
  // "87 localités" and "87 localité(s) sinistrées" meet on the key.
  assert.equal(analyse('Au total, 87 localités sinistrées.').numbers[0]!.countedKey, a.numbers[0]!.countedKey);
  assert.equal(analyse('Au total, 87 localités sinistrées.').numbers[0]!.counted, 'localités sinistrées');
});

test('dates: chrono fr with the reference year; explicit years; weekdays and hier; times', () => {
  const t = 'Le 30 novembre, la tempête a frappé. Hier, les équipes sont arrivées et lundi prochain la préfecture fera le point. ' +
    'La précédente tempête date du 14 mars 2025 ; une autre avait eu lieu en novembre 2019 et en 2012. Réunion le 2 décembre à 15h30.';
  const a = analyse(t);
  assert.deepEqual(
    a.dates.map((d) => [d.text, d.iso, d.grain, d.inferred, d.sentence]),
    [
      ['30 novembre', '2026-11-30', 'day', true, 0],
      ['Hier', '2026-11-30', 'day', true, 1],
      ['lundi prochain', '2026-12-07', 'day', true, 1],
      ['14 mars 2025', '2025-03-14', 'day', false, 2],
      ['novembre 2019', '2019-11', 'month', false, 2],
      ['2012', '2012', 'year', false, 2],
      ['2 décembre à 15h30', '2026-12-02T15:30', 'time', true, 3],
    ],
  );
  assert.deepEqual(analyse('Le 30 novembre, hier encore.', null).dates.map((d) => d.iso), ['--11-30']);
});

test('quotes: direct quotes, inverted pronoun clauses, speaker before a colon, reported speech', () => {
  const a = analyse(WIRE);
  assert.deepEqual(
    a.quotes.map((q) => [q.id, q.direct, q.text, q.speaker?.text, q.speaker?.name, q.speaker?.via, q.cue?.text, q.sentence]),
    [
      ['q1', true, 'Nous ne laisserons personne sans chauffage. Les équipes travaillent jour et nuit', 'Jean-Marc Dorval', 'Jean-Marc Dorval', 'name', 'a déclaré', 1],
      ['q2', false, 'les réparations dureront 2 jours', 'Dorval', 'Jean-Marc Dorval', 'name', 'a précisé', 2],
      ['q3', true, 'Aucun blessé n’est à déplorer', 'il', 'Jean-Marc Dorval', 'pronoun', 'a-t-il ajouté', 3],
      ['q4', false, 'les dégâts atteignent 3 millions d’euros, soit 12 % du budget communal', 'Claire Fontenay', 'Claire Fontenay', 'name', 'Selon', 4],
      ['q5', true, 'Je n’ai jamais vu cela.', 'Fontenay', 'Claire Fontenay', 'name', 'a déclaré', 5],
    ],
  );
  const dorval = a.entities.find((e) => e.name === 'Jean-Marc Dorval')!;
  assert.equal(a.quotes[2]!.speaker?.entity, dorval.id);
  const t = 'Le réseau sera rétabli lundi, a indiqué à l’AFP Jean-Marc Dorval. « Nous tiendrons », dit-il.';
  assert.deepEqual(analyse(t).quotes.map((q) => [q.direct, q.text, q.speaker?.name, q.cue?.text]), [
    [false, 'Le réseau sera rétabli lundi', 'Jean-Marc Dorval', 'a indiqué'],
    [true, 'Nous tiendrons', 'Jean-Marc Dorval', 'dit-il'],
  ]);
});

test('attributions: selon l’AFP, rapporte, a indiqué à, outlet before its verb, dateline; person is not an outlet', () => {
  const t = "Lorvin (AFP) - La route est coupée, selon l'AFP. La crue a duré trois jours, rapporte Le Monde. " +
    "Le maire a indiqué à l’AFP que l'eau baissait. L'AFP rapporte que des renforts arrivent. La digue a cédé, rapporte Le Courrier de Lorvin. " +
    'Selon Claire Fontenay, tout va bien.';
  const a = analyse(t);
  assert.deepEqual(
    a.attributions.map((x) => [x.outlet, x.key, x.cue, x.sentence]),
    [
      ['AFP', 'afp', 'dateline', 0],
      ['AFP', 'afp', 'selon', 0],
      ['Le Monde', 'le monde', 'rapporte', 1],
      ['AFP', 'afp', 'a indiqué à', 2],
      ['AFP', 'afp', 'rapporte', 3],
      ['Le Courrier de Lorvin', 'le courrier de lorvin', 'rapporte', 4],
    ],
  );
});

test('negations: ne … pas/jamais/personne as one negator, subject partners, sans, no expletive ne', () => {
  const t = 'Nous ne laisserons personne sans aide. Aucun blessé n’est à déplorer. Il n’a jamais cédé. ' +
    'Il reste avant qu’il ne parte. Il n’y a que deux routes. Pas de victimes, sans doute grâce aux secours.';
  const a = analyse(t);
  assert.deepEqual(a.negations.map((n) => [n.text, n.sentence]), [
    ['ne', 0], ['sans', 0], ['n’', 1], ['n’', 2], ['Pas', 5],
  ]);
  assert.equal(a.negations[0]!.start, t.indexOf('ne laisserons'));
});

test('analysisLanguage: declared fr wins; undeclared French text stays English analysis', () => {
  assert.equal(analysisLanguage(article(WIRE, null, 'fr')), 'fr');
  assert.equal(analysisLanguage(article(WIRE, null, 'FR-fr')), 'fr');
  assert.equal(analysisLanguage(article(WIRE, null, null)), 'en');
});

test('dates: both years of a range ("la saison 2025-2026"), read as years, not counts', () => {
  const a = analyse('La saison 2025-2026 a commencé avec 300 maisons détruites.');
  assert.deepEqual(a.dates.map((d) => [d.text, d.iso, d.grain]), [['2025', '2025', 'year'], ['2026', '2026', 'year']]);
  assert.deepEqual(a.numbers.map((n) => [n.text, n.value, n.kind]), [['2025', 2025, 'year'], ['2026', 2026, 'year'], ['300 maisons', 300, 'count']]);
});

test('dates: a clock time next to a day word is a time of that day ("lundi à 21h40", "hier à 18 h 30"), as in English', () => {
  // Published on Tuesday 1 December 2026: Monday is 30 November.
  const a = analyse("L'explosion a eu lieu lundi à 21h40. Hier à 18 h 30, la police est arrivée. À 9 h lundi, le conseil s'est réuni.");
  assert.deepEqual(
    a.dates.map((d) => [d.text, d.iso, d.grain]),
    [
      ['lundi', '2026-11-30', 'day'],
      ['21h40', '2026-11-30T21:40', 'time'],
      ['Hier', '2026-11-30', 'day'],
      ['18 h 30', '2026-11-30T18:30', 'time'],
      ['9 h', '2026-11-30T09:00', 'time'],
      ['lundi', '2026-11-30', 'day'],
    ],
  );
});
