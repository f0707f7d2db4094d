import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fnv1a } from '../src/similarity/minhash.js';
import { stem, tokenize } from '../src/similarity/tokens.js';
import { scanTokens } from '../src/cluster/signature-tokens.js';
import { decodeSignature, encodeSignature, publicationDay, storySignature, storySignatureTokenByToken, type TermBag } from '../src/cluster/signature.js';
import { sketchSimilarity } from '../src/cluster/signature-sketch.js';
import { batchFrequencies, DocumentFrequencies, nearCopyTerm, SIGNATURE_FEATURES, signatureLinkMatrix, signatureLinkProbability, signaturePairFeatures, weighSignature } from '../src/cluster/signature-decision.js';
import { STORY_SIMILARITY } from '../src/cluster/similarity-matrix.js';
import { SignatureLinker } from '../src/cluster/signature-linker.js';
import type { Article } from '../src/types.js';

const article = (id: string, text: string, extra: Partial<Article> = {}): Article => ({
  id,
  title: null,
  text,
  source: null,
  url: null,
  published: null,
  language: 'en',
  byline: null,
  origin: id,
  ...extra,
});

const has = (bag: TermBag, term: string): number => {
  const id = fnv1a(term);
  const k = bag.ids.indexOf(id);
  return k < 0 ? 0 : bag.counts[k]!;
};

const VESTA =
  'The ferry Vesta caught fire off Harlow Point on Tuesday with 214 passengers on board. Captain Ilse Marrow ordered the evacuation. ' +
  'Fire crews said the blaze started in the engine room, the worst since 1998. Marrow said all 214 passengers were safe.';

test('the scan gives the tokens of tokenize: offsets, stems, stopwords, numbers', () => {
  const text = "Rock'n'roll at 1,200.5km, the 3rd café’s naïve o’clock5 123abc456 x\u0301y U.S. 𝐀bc don't\nAll 214 passengers.";
  const expected = tokenize(text).map((t) => [t.start, t.end, t.norm, t.stem, t.stop, t.numeric]);
  const got: unknown[] = [];
  scanTokens(text, (t, start, end) => got.push([start, end, t.norm, t.stem, t.stop, t.numeric]));
  assert.deepEqual(got, expected);
});

test('the memo of token facts behind the scan: many distinct tokens (the table grows) and repeats give the tokens of tokenize', () => {
  const words = Array.from({ length: 40_000 }, (_, i) => `${i % 3 === 0 ? 'Q' : 'q'}u${i.toString(36)}${i % 5 === 0 ? 'ing' : ''}`);
  const text = `${words.join(' ')} ${words.slice(0, 500).reverse().join(', ')}`;
  const expected = tokenize(text).map((t) => [t.start, t.end, t.norm, t.stem, t.stop, t.numeric]);
  const got: unknown[] = [];
  scanTokens(text, (t, start, end) => got.push([start, end, t.norm, t.stem, t.stop, t.numeric]));
  assert.deepEqual(got, expected);
});

test('signature bags: names with titles dropped, weekdays not names, numbers, years, counted numbers, lead', () => {
  const sig = storySignature(article('v', VESTA, { title: 'Ferry Vesta burns', published: '2026-03-04T10:00:00Z' }));
  const { names, people, numbers, years, counted, words, lead, leadNumbers } = sig.bags;
  assert.equal(has(names, 'ilse marrow'), 1, 'multi-word name as one key, "Captain" dropped');
  assert.equal(has(names, 'captain ilse marrow'), 0);
  assert.equal(has(names, 'marrow'), 2, 'the words of names (stems) count every mention');
  assert.equal(has(names, 'harlow point'), 1);
  assert.equal(has(people, 'ilse'), 1);
  assert.equal(has(names, 'tuesday'), 0, 'weekdays are not names');
  assert.equal(has(names, 'fire'), 0, 'a sentence-initial word capitalised nowhere else is not a name');
  assert.equal(has(names, 'vesta'), 2, 'title word (sentence-initial there) counts because it is capitalised inside a sentence too');
  assert.equal(has(numbers, '214'), 2);
  assert.equal(has(years, '1998'), 1);
  assert.equal(has(years, '214'), 0);
  assert.equal(has(counted, '214 passenger'), 2);
  assert.equal(has(words, 'ferry'), 3, 'title words count twice');
  assert.equal(has(words, 'the'), 0, 'stopwords are out');
  assert.equal(has(lead, 'passenger'), 2, 'lead: title and first 600 characters');
  assert.equal(has(leadNumbers, '214'), 2);
  assert.equal(sig.day, publicationDay('2026-03-04'));
  assert.equal(sig.day, Date.UTC(2026, 2, 4) / 86_400_000);
  assert.deepEqual(storySignature(article('v2', VESTA, { title: 'Ferry Vesta burns', published: '2026-03-04T10:00:00Z' })), sig, 'deterministic, id-independent');
});

test('encode/decode is lossless and compact; a bad version is refused', () => {
  const sig = storySignature(article('v', VESTA, { published: '1969-12-30' }));
  const bytes = encodeSignature(sig);
  assert.deepEqual(decodeSignature(bytes), sig);
  assert.equal(sig.day, -2);
  assert.ok(bytes.length < 400, `${bytes.length} bytes`);
  const empty = storySignature(article('e', ''));
  assert.equal(empty.sketch.length, 0);
  assert.deepEqual(decodeSignature(encodeSignature(empty)), empty);
  const bad = Uint8Array.from(bytes);
  bad[0] = 99;
  assert.throws(() => decodeSignature(bad), RangeError);
  assert.throws(() => decodeSignature(bytes.subarray(0, 5)), RangeError);
});

test('the stored form is that of format version 3, byte for byte; versions 2 and 1 (stored before) still decode', () => {
  const sig = storySignature(article('v', VESTA, { title: 'Ferry Vesta burns', published: '2026-03-04T10:00:00Z' }));
  assert.equal(sig.bags.title.ids.length, 2, 'the title bag: ferry, burn');
  assert.equal(sig.bags.titleNames.ids.length, 1, 'Vesta: a name in the text');
  const golden =
    'A4AAoEkE+hGTLqd2MccNpr7Dl58H6CiQquaxEvmpbQ31U66LCnIDbq5yfRVCnBq2MCAQVC2EtTObCI65DoxndFWZYBzNtoIwttVURwpGRA1GwS3Ad2ObLRPLk9f1xguqlBXWiUK6/W1Ha9B01nI/XlDxYJ/eALSaNnEix4JKB4qPgWPRryeSo5q0RTQ8GH770q/1da1VpJXFOqXpCLip3VdxdhmVIKpBmGH661r/V1rVWkldhmVCvHVE0ipeyy0eBBvNisR3BbrEdJ7dwH2EbGI9wH80bYRtnCVI1gNDYDDc8WkG2JNgMQyQ3PtmOsO9wH2EYW3rzb2EYOPBspewCsR9wHDjzoo+ijYDRJ7UntVI0bKdnCrDs2A55RvNu826GoFt6VJNnCNgO829nCewBieNhGrDsQybZjYngNzw48bYl5dw';
  assert.equal(Buffer.from(encodeSignature(sig)).toString('base64'), golden);
  assert.deepEqual(decodeSignature(Uint8Array.from(Buffer.from(golden, 'base64'))), sig);
  const empty = { ids: new Uint32Array(0), counts: new Uint16Array(0) };
  // The version-2 form of the same article (before the title bag): every other bag as it was, the title bag empty.
  const v2 =
    'AoAAoEkE+hGTLqd2MccNpr7Dl58H6CiQquaxEvmpbQ31U66LCnIDbq5yfRVCnBq2MCAQVC2EtTObCI65DoxndFWZYBzNtoIwttVURwpGRA1GwS3Ad2ObLRPLk9f1xguqlBXWiUK6/W1Ha9B01nI/XlDxYJ/eALSaNnEix4JKB4qPgWPRryeSo5q0RTQ8GH770q/1da1VpJXFOqXpCLip3VdxdhmVIKpBmGH661r/V1rVWkldhmVCvHVE0ipeBBvNisR3BbrEdJ7dwH2EbGI9wH80bYRtnCVI1gNDYDDc8WkG2JNgMQyQ3PtmOsO9wH2EYW3rzb2EYOPBspewCsR9wHDjzoo+ijYDRJ7UntVI0bKdnCrDs2A55RvNu826GoFt6VJNnCNgO829nCewBieNhGrDsQybZjYngNzw48bYl5dw';
  const second = decodeSignature(Uint8Array.from(Buffer.from(v2, 'base64')));
  assert.deepEqual(second.bags.title, empty, 'no title term for it, as when it was stored');
  assert.deepEqual(second.bags.titleNames, empty);
  assert.deepEqual({ ...second, bags: { ...second.bags, title: sig.bags.title, titleNames: sig.bags.titleNames } }, sig);
  // The version-1 form (before the anchors bag and the language).
  const v1 =
    'AYAAoEkPaGK5skeXnwfoKJCq5rES+altDfVTrosKcgNurnJ9FUKcGrYwIBBULYS1M5sIjrmp8v7BcptrVRHCkZEDUbBLcB3Y5stE8uT1/XGC6qUFds6Vnvi9Gq9DxYJ/eALSaNnEi/Mygq/JrVrwY++9Kv/Va10kvFapeka4ifVdxNhW0gikFYY+uta/9VrXSS9hW0BBvNisR3BbrEdJ7dwH2EbGI9wH80bYRtnCVI1gNDYDDc8WkG2JNgMQyQ3PtmOsO9wH2EYW3rzb2EYOPBspewCsR9wHDjzoo+ijYDRJ7UntVI0bKdnCrDs2A55RvNu826GoFt6VJNnCNgO829nCewBieNhGrDsQybZjYngNzw48bYk=';
  const old = decodeSignature(Uint8Array.from(Buffer.from(v1, 'base64')));
  assert.equal(old.language, '', 'unknown: compared word by word with every article, as when it was stored');
  assert.equal(old.bags.anchors.ids.length, 0);
  assert.equal(old.bags.glosses.ids.length, 0);
  assert.deepEqual(old.bags.title, empty);
  const { anchors, glosses, title, titleNames } = sig.bags;
  assert.deepEqual({ ...old, bags: { ...old.bags, anchors, glosses, title, titleNames }, language: sig.language }, sig);
});

test('articles in different languages are linked on anchors and numbers; the matrix agrees with the pairwise link', () => {
  const ru = article('ru', 'Паром «Веста» загорелся у мыса Харлоу во вторник, на борту находились 214 пассажиров. Капитан Ильза Марроу приказала начать эвакуацию.', { language: 'ru' });
  const en = article('en', VESTA);
  const other = article('o', 'A warehouse fire in Dunmore burned through the night before firefighters contained the blaze near the harbour on Friday.');
  const sigs = [ru, en, other].map(storySignature);
  assert.deepEqual(sigs.map((s) => s.language), ['ru', 'en', 'en']);
  const weighted = sigs.map((s) => weighSignature(s, batchFrequencies(sigs)));
  assert.deepEqual(decodeSignature(encodeSignature(sigs[0]!)), sigs[0]);
  const same = signatureLinkProbability(weighted[0]!, weighted[1]!, STORY_SIMILARITY);
  const unrelated = signatureLinkProbability(weighted[0]!, weighted[2]!, STORY_SIMILARITY);
  assert.ok(same >= STORY_SIMILARITY.threshold && unrelated < STORY_SIMILARITY.threshold, `same ${same}, unrelated ${unrelated}`);
  const matrix = signatureLinkMatrix(weighted, STORY_SIMILARITY);
  for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) if (i !== j) assert.equal(matrix[i]![j], signatureLinkProbability(weighted[i]!, weighted[j]!, STORY_SIMILARITY));
});

test('the link matrix is the pairwise link on every pair of a larger batch (rows through the inverted index)', () => {
  const base = [VESTA, 'A warehouse fire in Dunmore burned through the night before firefighters contained the blaze near the harbour on Friday.'];
  const texts = Array.from({ length: 30 }, (_, i) => base[i % 2]!.replace(/the/g, i % 3 === 0 ? 'a' : 'the').replace('214', String(200 + (i % 5))) + (i % 4 === 0 ? ' Officials in Harlow said more later.' : ''));
  const sigs = texts.map((t, i) => storySignature(article(`b${i}`, t, i % 7 === 0 ? { title: 'Harbour news' } : {})));
  const weighted = sigs.map((s) => weighSignature(s, batchFrequencies(sigs)));
  const matrix = signatureLinkMatrix(weighted, STORY_SIMILARITY);
  for (let i = 0; i < texts.length; i++) for (let j = 0; j < texts.length; j++) if (i !== j) assert.equal(matrix[i]![j], signatureLinkProbability(weighted[i]!, weighted[j]!, STORY_SIMILARITY));
});

test('links from one article through its scattered bags are the pairwise links, bit for bit (titles, dates, empty slots, another language)', () => {
  const base = [VESTA, 'A warehouse fire in Dunmore burned through the night before firefighters contained the blaze near the harbour on Friday.'];
  const articles = Array.from({ length: 24 }, (_, i) =>
    article(
      `l${i}`,
      base[i % 2]!.replace(/the/g, i % 3 === 0 ? 'a' : 'the').replace('214', String(200 + (i % 5))) + (i % 4 === 0 ? ' Officials in Harlow said 40 more later.' : ''),
      { ...(i % 5 === 0 ? { title: i % 2 ? 'Dunmore warehouse fire' : 'Vesta ferry fire off Harlow' } : {}), ...(i % 3 === 1 ? { published: `2026-03-${String(1 + (i % 9)).padStart(2, '0')}` } : {}) },
    ),
  );
  articles.push(article('ru', 'Паром «Веста» загорелся у мыса Харлоу во вторник, на борту находились 214 пассажиров.', { language: 'ru' }));
  articles.push(article('bare', 'Nothing else.'));
  const sigs = articles.map(storySignature);
  const weighted = sigs.map((s) => weighSignature(s, batchFrequencies(sigs)));
  const linker = new SignatureLinker(STORY_SIMILARITY);
  let titled = 0;
  for (let i = 0; i < weighted.length; i++) {
    linker.load(weighted[i]!);
    for (let j = 0; j < weighted.length; j++) {
      assert.equal(linker.link(weighted[j]!), signatureLinkProbability(weighted[i]!, weighted[j]!, STORY_SIMILARITY), `pair ${i},${j}`);
      if (weighted[i]!.bags.title.ids.length > 0 && weighted[j]!.bags.title.ids.length > 0) titled++;
    }
  }
  assert.ok(titled > 0, 'some pairs read the title term');
});

test('after the lead the text is read sentence by sentence through the piece cache: the same signature as token by token', () => {
  const lead =
    'Harbour officials in Port Ellery said on Tuesday that the ferry Vesta caught fire off Harlow Point with 214 passengers on board. ' +
    'Captain Ilsa Marrow ordered the evacuation, and every passenger reached the lifeboats within forty minutes, the coastguard said. ' +
    'The coastguard sent two cutters and a helicopter from Dunmore, and fishing boats from the harbour joined them before dawn. ' +
    'Most passengers were taken to a sports hall in Port Ellery, where volunteers handed out blankets and hot drinks until noon. ';
  const body = [
    'Mr. Kallas Orvet, who chairs the Bank of Harlow, said the ferry had been inspected in March. The toll rose to 12. Rescuers found no one else.',
    'U.S. officials offered help.  "We will rebuild," said Ilsa Marrow. Officials in Port Ellery agreed!\n\nWhy did it burn? Nobody knows yet.',
    'Harrow crews worked overnight. Later, crews near Harrow cleared the slipway, and 30 divers checked the hull of the Vesta. In the end, Quillon praised them.',
    'The toll rose to 12. Rescuers found no one else.\nThe ferry Vesta will be towed to Dunmore on Friday, officials said.',
  ];
  const articles: Article[] = [
    article('p1', lead + body.join('\n\n')),
    article('p2', lead + body.slice().reverse().join(' '), { title: 'Ferry Vesta burns off Harlow Point', published: '2026-03-04' }),
    article('p3', `Ferry Vesta burns off Harlow Point\n${lead}${body.join('\n')}`, { title: 'Ferry Vesta burns off Harlow Point' }),
    article('p4', `${lead}${'A short line. '.repeat(40)}${body[0]}`),
    article(
      'ru',
      'Паром «Веста» загорелся у мыса Харлоу во вторник, на борту находились 214 пассажиров, сообщили в администрации порта Эллери. ' +
        'Капитан Ильза Марроу приказала начать эвакуацию, и все пассажиры за сорок минут пересели в спасательные шлюпки. ' +
        'Береговая охрана сообщила, что пострадавших нет, а причины пожара выясняет специальная комиссия. ' +
        'Председатель Банка Харлоу Каллас Орвет заявил, что паром проходил проверку в марте. Водолазы осмотрели корпус. ' +
        'Мэр Эллери Осрик Пенхаллоу пообещал помочь семьям пассажиров. Спасатели продолжат осмотр побережья в субботу, сообщили в береговой охране. В пятницу паром отбуксируют в Данмор, сообщили в порту. Капитан Ильза Марроу поблагодарила экипаж!\nЧто стало причиной? Пока неизвестно.',
      { language: 'ru' },
    ),
    article(
      'fr',
      'Le ferry Vesta a pris feu mardi au large de la pointe de Harlow avec 214 passagers à bord, selon les autorités du port. ' +
        "La capitaine Ilsa Marrow a ordonné l'évacuation, et tous les passagers ont rejoint les canots en quarante minutes. " +
        "Les garde-côtes n'ont signalé aucun blessé, et une commission enquête sur les causes de l'incendie. " +
        'Le président de la Banque de Harlow, Kallas Orvet, a déclaré que le ferry avait été inspecté en mars. Des plongeurs ont examiné la coque. ' +
        "Le maire d'Ellery, Osric Penhallow, a promis d'aider les familles. Les sauveteurs fouilleront la côte samedi, selon les garde-côtes. Le ferry sera remorqué vendredi vers Dunmore. La capitaine Ilsa Marrow a remercié son équipage !\nPourquoi ? On ne sait pas encore.",
      { language: 'fr' },
    ),
  ];
  for (const a of articles) {
    assert.ok(a.text.length > 700, `${a.id} goes past the lead`);
    const expected = storySignatureTokenByToken(a);
    assert.deepEqual(storySignature(a), expected, `${a.id}, pieces read for the first time`);
    assert.deepEqual(storySignature(a), expected, `${a.id}, pieces from the cache`);
  }
  assert.ok(storySignatureTokenByToken(articles[0]!).bags.counted.ids.length > 0, 'counted numbers are read');
});

test('the shingle sketch: 1 for the same text, high for a light edit, low for another text', () => {
  const a = storySignature(article('a', VESTA)).sketch;
  const edited = storySignature(article('b', VESTA.replace('Tuesday', 'Monday'))).sketch;
  const other = storySignature(article('c', 'A warehouse fire in Dunmore burned through the night; firefighters contained the blaze near the harbour by dawn.')).sketch;
  assert.equal(sketchSimilarity(a, a), 1);
  const e = sketchSimilarity(a, edited);
  assert.ok(e > 0.6 && e < 1, `edited ${e}`);
  assert.ok(sketchSimilarity(a, other) < 0.2);
});

test('running document frequencies give the batch IDF, and the pair features from it', () => {
  const sigs = [VESTA, VESTA.replace('Vesta', 'Orla'), 'A warehouse fire in Dunmore burned through the night.'].map((t, i) => storySignature(article(`a${i}`, t)));
  const running = new DocumentFrequencies();
  for (const s of sigs) running.add(s);
  const batch = batchFrequencies(sigs);
  assert.equal(running.documents, 3);
  assert.equal(running.documentFrequency('words', fnv1a('ferry')), 2);
  const x = signaturePairFeatures(weighSignature(sigs[0]!, running), weighSignature(sigs[1]!, batch));
  assert.ok(x[0]! > 0.8 && x[0]! < 1, `words cosine ${x[0]}`);
  const self = signaturePairFeatures(weighSignature(sigs[0]!, running), weighSignature(sigs[0]!, running));
  for (const v of self) assert.ok(Math.abs(v - 1) < 1e-9);
});

test('the link probability and the link matrix are the logistic blend of the pair features, plus the near-copy term', () => {
  const texts = [
    VESTA,
    VESTA.replace(/Vesta/g, 'Vesta Port').replace('said', 'told reporters'),
    'A warehouse fire in Dunmore burned through the night before firefighters contained the blaze near the harbour on Friday.',
    'Firefighters in Dunmore contained a warehouse blaze near the harbour after it burned through the night, officials said.',
  ];
  const sigs = texts.map((t, i) => storySignature(article(`a${i}`, t)));
  const freq = batchFrequencies(sigs);
  const weighted = sigs.map((s) => weighSignature(s, freq));
  const expected = (i: number, j: number): number => {
    const x = signaturePairFeatures(weighted[i]!, weighted[j]!);
    let z = STORY_SIMILARITY.bias;
    SIGNATURE_FEATURES.forEach((f, k) => (z += STORY_SIMILARITY[f.weight] * x[k]!));
    z += nearCopyTerm(weighted[i]!, weighted[j]!);
    return 1 / (1 + Math.exp(-z));
  };
  const matrix = signatureLinkMatrix(weighted, STORY_SIMILARITY);
  for (let i = 0; i < texts.length; i++) {
    assert.equal(matrix[i]![i], 1);
    for (let j = 0; j < texts.length; j++) {
      if (i === j) continue;
      assert.equal(signatureLinkProbability(weighted[i]!, weighted[j]!, STORY_SIMILARITY), expected(i, j), `pair ${i},${j}`);
      // The matrix sums each cosine through an inverted index in the pairwise order: the same numbers.
      assert.equal(matrix[i]![j], signatureLinkProbability(weighted[i]!, weighted[j]!, STORY_SIMILARITY), `matrix ${i},${j}`);
    }
  }
  assert.ok(expected(2, 3) > expected(0, 2), 'the two fire reports link more than a fire and a flood');
});

test('title bags: the headline words a text names go to titleNames, the rest to title; a text that opens with its title-case headline does not make its words names', () => {
  const title = 'Vellan Dockworkers Vote To Accept Pay Deal';
  const body = 'Dockworkers at the port of Vellan voted on Wednesday to accept a new pay deal, union leader Pavel Drach said.';
  const term = (word: string): number => fnv1a(stem(word));
  for (const text of [body, `${title}\n\n${body}`]) {
    const sig = storySignature(article('deal', text, { title }));
    const words = [...sig.bags.title.ids];
    for (const w of ['dockworkers', 'vote', 'accept', 'pay', 'deal']) assert.ok(words.includes(term(w)), `${w} is a headline word (${JSON.stringify(text.slice(0, 20))})`);
    assert.deepEqual([...sig.bags.titleNames.ids], [term('vellan')], 'Vellan: a name the text gives');
  }
  // No title: both empty.
  const bare = storySignature(article('bare', body));
  assert.equal(bare.bags.title.ids.length + bare.bags.titleNames.ids.length, 0);
});
