import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyseForeign } from '../src/analyse/foreign.js';
import { analysisLanguage } from '../src/lang/language.js';
import { stemWord } from '../src/lang/stem.js';
import type { AnalysedArticle, Article, Span } from '../src/types.js';

// Fictional events, towns and people throughout.

function article(text: string, published: string | null = '2026-12-01T09:00:00Z', language: string | null = 'ru'): Article {
  return { id: 'ru1', title: null, text, source: null, url: null, published, language, byline: null, origin: '-' };
}

/** Analyse, and check that every span of every finding is exact. */
function analyse(text: string, published: string | null = '2026-12-01T09:00:00Z'): AnalysedArticle {
  const a = analyseForeign(article(text, published), 'ru');
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
  'Вечером 30 ноября в Светлогорске и соседних районах без света остались 87 населённых пунктов. ' +
  '«Мы не оставим жителей без помощи», — заявил пресс-секретарь губернатора Дмитрий Песков, передает ТАСС.\n\n' +
  'По словам Пескова, восстановление займёт 2 дня. Ущерб оценивается в 1,5 млн рублей, или 12% бюджета района, сообщает РИА Новости.\n\n' +
  'Губернатор Анна Лебедева поручила Пескову доложить о ходе работ. Лебедева сказала: «Никто не останется без тепла». ' +
  '«Бригады работают круглосуточно», — добавила она.';

test('sentences: indices, paragraphs, trimmed exact spans', () => {
  const a = analyse(WIRE);
  assert.deepEqual(
    a.sentences.map((s) => [s.index, s.paragraph, s.text.slice(0, 12)]),
    [
      [0, 0, 'Вечером 30 н'],
      [1, 0, '«Мы не остав'],
      [2, 1, 'По словам Пе'],
      [3, 1, 'Ущерб оценив'],
      [4, 2, 'Губернатор А'],
      [5, 2, 'Лебедева ска'],
      [6, 2, '«Бригады раб'],
    ],
  );
  assert.ok(a.sentences[1]!.text.endsWith('передает ТАСС.'));
});

test('sentences: initials and abbreviations do not end a sentence; "г." before an opener does', () => {
  const t =
    'В. В. Зорин прибыл на ул. Садовую, т.е. в центр Кленовска. В.Зорин осмотрел дом им. Пушкина и т.д. ' +
    'Ущерб составил 5 млн. руб. по оценке мэрии. Работы завершат в 2027 г. Он уверен в этом.';
  const a = analyse(t);
  assert.deepEqual(a.sentences.map((s) => s.text), [
    'В. В. Зорин прибыл на ул. Садовую, т.е. в центр Кленовска.',
    'В.Зорин осмотрел дом им. Пушкина и т.д. Ущерб составил 5 млн. руб. по оценке мэрии.',
    'Работы завершат в 2027 г.',
    'Он уверен в этом.',
  ]);
});

test('sentences: a closing quotation ends its sentence; a dash and lower-case verb continue it', () => {
  const t = '«Всё под контролем. Помощь идёт!» — сказал Зорин. Затем он уехал.';
  const a = analyse(t);
  assert.deepEqual(a.sentences.map((s) => s.text), ['«Всё под контролем. Помощь идёт!» — сказал Зорин.', 'Затем он уехал.']);
});

test('entities: declined mentions group into one person; surname joins the full name; key is latinised', () => {
  const a = analyse(WIRE);
  const peskov = a.entities.find((e) => e.key === 'dmitriy peskov');
  assert.ok(peskov, JSON.stringify(a.entities.map((e) => e.key)));
  assert.equal(peskov.type, 'person');
  assert.equal(peskov.name, 'Дмитрий Песков');
  assert.deepEqual(peskov.mentions.map((m) => m.text), ['Дмитрий Песков', 'Пескова', 'Пескову']);
  assert.ok(peskov.aliases.includes('peskov'));
  const lebedeva = a.entities.find((e) => e.name === 'Анна Лебедева');
  assert.equal(lebedeva?.type, 'person');
  assert.deepEqual(lebedeva?.mentions.map((m) => m.text), ['Анна Лебедева', 'Лебедева']);
  assert.equal(a.entities.find((e) => e.name === 'Светлогорске')?.type, 'place');
  assert.equal(a.entities.find((e) => e.name === 'ТАСС')?.type, 'organisation');
  // Ids in order of first mention; no sentence-initial common words ("Вечером", "Губернатор").
  assert.deepEqual(a.entities.map((e) => e.id), a.entities.map((_, i) => `e${i + 1}`));
  assert.ok(!a.entities.some((e) => /Вечером|Губернатор|Ущерб/.test(e.name)));
  assert.equal(a.entities[0]!.name, 'Светлогорске');
});

test('entities: initials, the nominative form as name, place by shape and preposition', () => {
  const t = 'В. В. Зорин приехал в Кленовск. Жители Кленовска встретили Зорина. Мэр Ольга Ветрова сказала, что Ветровой звонили из Ольховки.';
  const a = analyse(t);
  const zorin = a.entities.find((e) => e.aliases.includes('zorin'));
  assert.equal(zorin?.type, 'person');
  assert.deepEqual(zorin?.mentions.map((m) => m.text), ['В. В. Зорин', 'Зорина']);
  const town = a.entities.find((e) => e.key === 'klenovsk');
  assert.equal(town?.type, 'place');
  assert.equal(town?.name, 'Кленовск');
  assert.equal(town?.mentions.length, 2);
  const vetrova = a.entities.find((e) => e.aliases.includes('vetrov'));
  assert.equal(vetrova?.name, 'Ольга Ветрова');
  assert.equal(vetrova?.mentions.length, 2);
  assert.equal(a.entities.find((e) => e.name === 'Ольховки')?.type, 'place');
});

test('numbers: counts with counted keys, money, percent, measures, years', () => {
  const a = analyse(WIRE + ' В 2024 году пострадали 12 домов.');
  const rows = a.numbers.map((n) => [n.text, n.value, n.kind, n.unit, n.counted, n.countedKey, n.sentence]);
  assert.deepEqual(rows, [
    ['87 населённых пунктов', 87, 'count', null, 'населённых пунктов', 'пункт', 0],
    ['2 дня', 2, 'measure', 'day', null, null, 2],
    ['1,5 млн рублей', 1_500_000, 'money', 'RUB', null, null, 3],
    ['12%', 12, 'percent', '%', null, null, 3],
    ['2024', 2024, 'year', null, null, null, 7],
    ['12 домов', 12, 'count', null, 'домов', stemWord('домов', 'ru'), 7],
  ]);
  const start = WIRE.indexOf('87 населённых');
  assert.equal(a.numbers[0]!.start, start);
});

test('numbers: counted keys meet across cases and ё/е; space thousands and multipliers', () => {
  const a = analyse('Свет вернули в 87 населенных пунктах. Без воды остаются 1 200 жителей и ещё 3 тыс. человек, ущерб — $2 млн.');
  const [first, second, third, fourth] = a.numbers;
  assert.equal(first!.countedKey, 'пункт');
  assert.equal(first!.counted, 'населенных пунктах');
  assert.equal(first!.countedKey, analyse('Без света 87 населённых пунктов.').numbers[0]!.countedKey);
  assert.deepEqual([second!.text, second!.value, second!.kind], ['1 200 жителей', 1200, 'count']);
  assert.deepEqual([third!.text, third!.value, third!.counted], ['3 тыс. человек', 3000, 'человек']);
  assert.deepEqual([fourth!.text, fourth!.value, fourth!.kind, fourth!.unit], ['$2 млн', 2_000_000, 'money', 'USD']);
});

test('dates: chrono ru with the publication year inferred; explicit years; weekdays and relative words', () => {
  const t = 'Вечером 30 ноября свет отключили. Вчера бригады работали, а в понедельник приедет комиссия. ' +
    'Прошлая авария случилась 14 марта 2025 года, в ноябре 2026 года и в 2019 году. Сбор назначен на 2 декабря в 15:30.';
  const a = analyse(t, '2026-12-01');
  assert.deepEqual(
    a.dates.map((d) => [d.text, d.iso, d.grain, d.inferred, d.sentence]),
    [
      ['30 ноября', '2026-11-30', 'day', true, 0],
      ['Вчера', '2026-11-30', 'day', true, 1],
      ['понедельник', '2026-11-30', 'day', true, 1],
      ['14 марта 2025 года', '2025-03-14', 'day', false, 2],
      ['ноябре 2026 года', '2026-11', 'month', false, 2],
      ['2019', '2019', 'year', false, 2],
      ['2 декабря в 15:30', '2026-12-02T15:30', 'time', true, 3],
    ],
  );
  // The year follows the publication date (closest year), and without one no year is invented.
  assert.equal(analyse('Вечером 30 ноября свет отключили.', '2027-01-05').dates[0]!.iso, '2026-11-30');
  const none = analyse('Вечером 30 ноября свет отключили. Вчера было тихо.', null);
  assert.deepEqual(none.dates.map((d) => [d.iso, d.inferred]), [['--11-30', false]]);
});

test('quotes: direct quotes with speakers resolved across cases, pronouns and cues', () => {
  const a = analyse(WIRE);
  const rows = a.quotes.map((q) => [q.id, q.direct, q.text, q.speaker?.text, q.speaker?.name, q.speaker?.via, q.cue?.text, q.sentence]);
  assert.deepEqual(rows, [
    ['q1', true, 'Мы не оставим жителей без помощи', 'Дмитрий Песков', 'Дмитрий Песков', 'name', 'заявил', 1],
    ['q2', false, 'восстановление займёт 2 дня', 'Пескова', 'Дмитрий Песков', 'name', 'По словам', 2],
    ['q3', true, 'Никто не останется без тепла', 'Лебедева', 'Анна Лебедева', 'name', 'сказала', 5],
    ['q4', true, 'Бригады работают круглосуточно', 'она', 'Анна Лебедева', 'pronoun', 'добавила', 6],
  ]);
  const peskov = a.entities.find((e) => e.name === 'Дмитрий Песков')!;
  assert.equal(a.quotes[1]!.speaker?.entity, peskov.id);
  assert.equal(a.quotes[0]!.start, WIRE.indexOf('Мы не оставим'));
});

test('quotes: reported speech "X заявил, что …", "Как заявил X, …", unquoted "…, — заявил X", nested „…“', () => {
  const t = 'Глава района Игорь Седов заявил, что дороги откроют к утру. Как сообщил Седову его заместитель, техника уже на месте. ' +
    'Как заявил Седов, эвакуация не потребуется. Ситуация остаётся стабильной, — подчеркнул Седов. ' +
    '«Мы назвали план „Зима“ и выполним его полностью», — сказал Игорь Седов.';
  const a = analyse(t);
  const rows = a.quotes.map((q) => [q.direct, q.text, q.speaker?.name, q.cue?.text]);
  assert.deepEqual(rows, [
    [false, 'дороги откроют к утру', 'Игорь Седов', 'заявил'],
    [false, 'эвакуация не потребуется', 'Игорь Седов', 'Как заявил'],
    [false, 'Ситуация остаётся стабильной', 'Игорь Седов', 'подчеркнул'],
    [true, 'Мы назвали план „Зима“ и выполним его полностью', 'Игорь Седов', 'сказал'],
  ]);
});

test('attributions: agencies after and before cues, quoted outlet names, datelines; keys agree across cases', () => {
  const t = 'Свет отключили, передает ТАСС. Об этом сообщает РИА Новости. Как пишет «Коммерсантъ», ремонт затянется. ' +
    'По данным Интерфакса, ущерб велик. Ранее об аварии написал «Вестник Кленовска». Бригады уже работают (ТАСС). ' +
    'Песков сообщил, что всё в порядке.';
  const a = analyse(t);
  assert.deepEqual(
    a.attributions.map((x) => [x.outlet, x.key, x.cue, x.sentence]),
    [
      ['ТАСС', 'tass', 'передает', 0],
      ['РИА Новости', 'ria novosti', 'об этом сообщает', 1],
      ['Коммерсантъ', 'kommersant', 'как пишет', 2],
      ['Интерфакса', 'interfax', 'по данным', 3],
      ['Вестник Кленовска', 'vestnik klenovsk', 'написал', 4],
      ['ТАСС', 'tass', 'dateline', 5],
    ],
  );
  assert.equal(a.attributions[0]!.start, t.indexOf('ТАСС'));
});

test('wire dateline: the all-caps city is a place, /ТАСС/ an attribution, the date trimmed; headlines are not names', () => {
  const t = 'СВЕТ ВЕРНУЛИ НЕ ВЕЗДЕ\nКЛЕНОВСК, 30 ноября. /ТАСС/. Бригады работают в Кленовске.';
  const a = analyse(t);
  assert.deepEqual(a.entities.map((e) => [e.name, e.key, e.type, e.mentions.map((m) => m.text)]), [
    ['Кленовске', 'klenovsk', 'place', ['КЛЕНОВСК', 'Кленовске']],
    ['ТАСС', 'tass', 'organisation', ['ТАСС']],
  ]);
  assert.deepEqual(a.attributions.map((x) => [x.outlet, x.cue, x.start]), [['ТАСС', 'dateline', t.indexOf('ТАСС')]]);
  assert.deepEqual(a.dates.map((d) => [d.text, d.start]), [['30 ноября', t.indexOf('30 ноября')]]);
});

test('negations: one span per negator, with exceptions', () => {
  const t = 'Никто не пострадал, но нет света. Жители ни разу не жаловались и остались без воды. ' +
    'Тем не менее работы идут. Помогают не только спасатели. Что бы ни случилось, бригады никогда не уйдут.';
  const a = analyse(t);
  assert.deepEqual(a.negations.map((n) => [n.text, n.sentence]), [
    ['Никто', 0], ['не', 0], ['нет', 0], ['ни', 1], ['не', 1], ['без', 1], ['никогда', 4], ['не', 4],
  ]);
  assert.equal(a.negations[1]!.start, t.indexOf('не пострадал'));
});

test('analysisLanguage: a declared ru/fr/en wins when the script agrees; otherwise mostly Cyrillic letters → ru, else en', () => {
  assert.equal(analysisLanguage(article('Привет, мир', null, 'ru')), 'ru');
  assert.equal(analysisLanguage(article('Bonjour à tous', null, 'fr')), 'fr');
  assert.equal(analysisLanguage(article('Hello world', null, 'en')), 'en');
  assert.equal(analysisLanguage(article('Привет', null, 'ru-RU')), 'ru');
  // A declaration the text contradicts (one <html lang> for every edition of a site) gives way to the script.
  assert.equal(analysisLanguage(article('Hello world, a page of the English edition', null, 'ru')), 'en');
  assert.equal(analysisLanguage(article('Привет', null, 'fr')), 'ru');
  assert.equal(analysisLanguage(article('Привет', null, 'en')), 'ru');
  assert.equal(analysisLanguage(article('Отчёт ТАСС о паводке: text in English', null, 'ru')), 'ru');
  assert.equal(analysisLanguage(article('В Кленовске отключили свет (Reuters).', null, null)), 'ru');
  assert.equal(analysisLanguage(article('В Кленовске отключили свет.', null, 'uk')), 'ru');
  assert.equal(analysisLanguage(article('Power cut in Klenovsk, ТАСС reports.', null, null)), 'en');
  assert.equal(analysisLanguage(article('Coupure de courant à Lorvin.', null, null)), 'en');
  assert.equal(analysisLanguage(article('', null, null)), 'en');
});

test('deterministic and fast enough: a 4,000-character article in a few ms', () => {
  const text = (WIRE + '\n\n').repeat(8).slice(0, 4000);
  const first = analyseForeign(article(text), 'ru');
  assert.deepEqual(analyseForeign(article(text), 'ru'), first);
  const t0 = performance.now();
  const runs = 20;
  for (let i = 0; i < runs; i++) analyseForeign(article(text.replace(/87/g, String(60 + i))), 'ru');
  const ms = (performance.now() - t0) / runs;
  assert.ok(ms < 40, `${ms.toFixed(1)} ms per article`);
});

test('numbers and dates: both years of a range ("в 2025-2026 годах"); "полмиллиона", "полтора миллиона"', () => {
  const a = analyse('В 2025-2026 годах построят 300 домов. Заплатили полмиллиона рублей и полтора миллиона долларов за полтора года.');
  assert.deepEqual(
    a.numbers.map((n) => [n.text, n.value, n.kind, n.unit]),
    [
      ['2025', 2025, 'year', null],
      ['2026', 2026, 'year', null],
      ['300 домов', 300, 'count', null],
      ['полмиллиона рублей', 500_000, 'money', 'RUB'],
      ['полтора миллиона долларов', 1_500_000, 'money', 'USD'],
      ['полтора года', 1.5, 'measure', 'year'],
    ],
  );
  assert.deepEqual(a.dates.map((d) => [d.text, d.iso, d.grain]), [['2025', '2025', 'year'], ['2026', '2026', 'year']]);
});

test('numbers: a label after a name is no number, as in English ("Bellator 206", "№ 5"); a count is', () => {
  const a = analyse('Зрители всю ночь смотрели турнир Bellator 206 и 12 боёв в зале № 5.');
  assert.deepEqual(a.numbers.map((n) => [n.text, n.value, n.kind]), [['12 боёв', 12, 'count']]);
});

test('dates: a clock time next to a day word is a time of that day ("в понедельник в 21:40", "в 9:00 в понедельник"), as in English', () => {
  // Published on Tuesday 1 December 2026: Monday is 30 November.
  const a = analyse('Взрыв произошёл в понедельник в 21:40 по московскому времени. В 9:00 вчера начались переговоры. Вчера в 25:00 ничего не было.');
  assert.deepEqual(
    a.dates.map((d) => [d.text, d.iso, d.grain]),
    [
      ['понедельник', '2026-11-30', 'day'],
      ['21:40', '2026-11-30T21:40', 'time'],
      ['9:00', '2026-11-30T09:00', 'time'],
      ['вчера', '2026-11-30', 'day'],
      ['Вчера', '2026-11-30', 'day'],
    ],
  );
});
