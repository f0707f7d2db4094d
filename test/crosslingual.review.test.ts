/**
 * Regressions found by review of the cross-lingual work: one shared name does not join reports in two languages;
 * signatures stored before languages were recorded are compared word by word; transliteration-tolerant matching
 * stays out of one language's speakers and names; "translation" needs a translation's traces; no infinite numbers.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse } from '../src/analyse/index.js';
import { clusterStories } from '../src/cluster/index.js';
import { batchFrequencies, signatureLinkProbability, weighSignature } from '../src/cluster/signature-decision.js';
import { storySignature } from '../src/cluster/signature.js';
import { STORY_SIMILARITY } from '../src/cluster/similarity-matrix.js';
import { compareStory } from '../src/compare/index.js';
import { sameSpeaker } from '../src/similarity/speakers.js';
import type { Article } from '../src/types.js';
import { ORIGINAL, REWRITE_A } from './fixtures/crosslingual/story.js';

const article = (id: string, text: string, language: string | null, published = '2026-10-14T12:00:00Z', title: string | null = null): Article => ({
  id, title, text, source: id, url: null, published, language, byline: null, origin: 'test',
});

test('one shared name does not join two reports in two languages', () => {
  const en = article('en-floods', 'Heavy rain flooded dozens of towns in Veldria on Monday. Rescue teams evacuated 300 residents as rivers burst their banks. Officials said the water was receding.', 'en', '2026-06-01T10:00:00Z', 'Floods hit Veldria');
  const ru = article('ru-vote', 'Жители Вельдрии в воскресенье выбрали новый парламент. Явка составила 71 процент. Правящая партия сохранила большинство.', 'ru', '2026-10-08T10:00:00Z', 'Выборы в Вельдрии');
  const fr = article('fr-match', 'Le club de Vellane a remporté le championnat samedi. Les supporters ont fêté la victoire en Veldrie toute la nuit.', 'fr', '2027-05-20T10:00:00Z', 'Vellane champion');
  const stories = clusterStories([en, ru, fr]);
  assert.equal(stories.length, 3, JSON.stringify(stories));
});

test('two reports in two languages that share a country, its prime minister and a year are not one story', () => {
  const ru = article('ru-visit', 'Премьер-министр Вельдрии Арам Тевосян в четверг прибыл с официальным визитом в Лорвин. В ходе переговоров стороны обсудят поставки зерна и энергетику. Тевосян заявил, что Вельдрия рассчитывает подписать 5 соглашений в 2026 году.', 'ru', '2026-03-05T10:00:00Z', 'Премьер Вельдрии прибыл в Лорвин');
  const en = article('en-prices', 'Inflation in Veldria slowed to 3 percent in February 2026, the central bank said on Thursday. Food prices fell for the second month in a row while fuel prices rose. Prime Minister Aram Tevosyan said the government would keep spending on roads and schools. The bank left its key rate unchanged at 6.75 percent.', 'en', '2026-03-05T12:00:00Z', 'Veldria inflation slows to 3 percent in 2026');
  const sigs = [ru, en].map(storySignature);
  const f = batchFrequencies(sigs);
  const p = signatureLinkProbability(weighSignature(sigs[0]!, f), weighSignature(sigs[1]!, f), STORY_SIMILARITY);
  assert.ok(p < STORY_SIMILARITY.threshold, `p = ${p}`);
});

test('a signature stored before languages were recorded (language unknown) is compared word by word', () => {
  const text = 'Le pont de Lorvin a été fermé mardi après les crues. La préfecture a évacué 120 habitants du quartier des Saules.';
  const a = storySignature(article('a', text, 'fr'));
  const b = storySignature(article('b', `${text} Les pompiers restent sur place.`, 'fr'));
  const unknown = { ...b, language: '' };
  const f = batchFrequencies([a, b]);
  const fresh = signatureLinkProbability(weighSignature(a, f), weighSignature(b, f), STORY_SIMILARITY);
  const stored = signatureLinkProbability(weighSignature(a, f), weighSignature(unknown, f), STORY_SIMILARITY);
  assert.equal(stored, fresh);
  assert.ok(fresh > 0.9);
});

test('speakers: in a story of several languages transliterations of one surname match; within one language only the same surname', () => {
  assert.ok(sameSpeaker('Vadim Khrustalyov', 'Khrustalev', true));
  assert.ok(sameSpeaker('Вадим Хрусталёв', 'Vadim Khrustalev', true));
  assert.ok(!sameSpeaker('Senator Jack Reed', 'Senator Harry Reid', true));
  assert.ok(!sameSpeaker('Reed', 'Reid', true));
  assert.ok(!sameSpeaker('Ann Taylor', 'Tom Tyler', true));
  // One language (English-only stories, as before the cross-lingual work): "Reyes" and "Rees" are two people.
  assert.ok(!sameSpeaker('Tomas Reyes', 'Anna Rees'));
  assert.ok(!sameSpeaker('Vadim Khrustalyov', 'Khrustalev'));
  assert.ok(sameSpeaker('Tomas Reyes', 'Reyes'));
});

test('English stories are as before: the same quote credited to Tomas Reyes and to Anna Rees is an attribution conflict', () => {
  const a = article('en-a', '“We will rebuild every bridge before winter,” said Tomas Reyes, the regional engineer, on Monday.', 'en');
  const b = article('en-b', '“We will rebuild every bridge before winter,” said Anna Rees, the county spokeswoman, on Monday.', 'en');
  const report = compareStory({ id: 's', articles: [a.id, b.id] }, [analyse(a), analyse(b)], { get: () => undefined });
  assert.ok(report.conflicts.some((c) => c.type === 'attribution'), JSON.stringify(report.conflicts.map((c) => c.summary)));
});

test('in a story of two languages, two English names alike in consonants stay two entities', () => {
  const extra = `${REWRITE_A.text}\n\nLocal councillor Ann Taylor said the shelters were full. Volunteer coordinator Tom Tyler said more boats were needed.`;
  const a = analyse({ ...REWRITE_A, text: extra });
  const report = compareStory({ id: 's', articles: [ORIGINAL.id, a.article.id] }, [analyse(ORIGINAL), a], { get: () => undefined });
  const names = report.claims.filter((c) => c.kind === 'entity').map((c) => c.text);
  assert.ok(names.some((n) => n.includes('Taylor')) && names.some((n) => n.includes('Tyler')), names.join(' | '));
  assert.ok(!names.some((n) => n.includes('Taylor') && n.includes('Tyler')));
});

test('derivation: an independent report in another language is not called a translation', () => {
  const independent = article(
    'en-own',
    'Our reporter in Verkhneolkhovsk met families sleeping in a school gym on Wednesday. "We lost everything," said pensioner Olga Mirnova, 71, who left her house with one bag. Volunteers from three churches cooked soup in the yard.',
    'en',
    '2026-10-15T08:00:00Z',
    'A night in the gym',
  );
  const report = compareStory({ id: 's', articles: [ORIGINAL.id, independent.id] }, [analyse(ORIGINAL), analyse(independent)], { get: () => undefined });
  const pair = report.derivation[0]!;
  assert.equal(pair.evidence.filter((e) => e.kind === 'translation').length, 0, JSON.stringify(pair.evidence));
});

test('a number of hundreds of digits is not a number (no Infinity in the findings)', () => {
  const huge = '9'.repeat(400);
  const a = analyse(article('ru-huge', `Ущерб оценили в ${huge} трлн рублей, сообщили в ведомстве. Эвакуированы 1 200 человек.`, 'ru'));
  assert.ok(a.numbers.every((n) => Number.isFinite(n.value)));
  assert.ok(a.numbers.some((n) => n.value === 1200));
});

test('derivation names the language an article was analysed in when its declaration is contradicted by its script', () => {
  const misdeclared = { ...ORIGINAL, language: 'en' };
  const report = compareStory({ id: 's', articles: [ORIGINAL.id, REWRITE_A.id] }, [analyse(misdeclared), analyse(REWRITE_A)], { get: () => undefined });
  const evidence = report.derivation[0]!.evidence.find((e) => e.kind === 'translation');
  assert.ok(evidence, JSON.stringify(report.derivation[0]!.evidence));
  assert.match(evidence.detail, /translation-rewrite of the Russian article/);
});
