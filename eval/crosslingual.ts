/**
 * Cross-lingual tracing on NTREX-128 (MicrosoftTranslator/NTREX, CC BY-SA 4.0): the 1,997 English sentences of
 * the WMT19 news test source (123 documents from 18 outlets), with professional Russian and French translations
 * line by line. Read from a snapshot of the repository (never copied into ours): `CORROBORATE_NTREX=DIR`, the
 * folder holding newstest2019-src.eng.txt, newstest2019-ref.rus.txt, newstest2019-ref.fra.txt and
 * DOCUMENT_IDS.tsv (in the repository: NTREX-128/ and the top level), else <data>/crosslingual/NTREX-128.
 * Each document becomes one article per language: its first line the title, the rest the body, a paragraph a line.
 *  - story clustering across languages: all 369 articles (123 × English, Russian, French) through the batch
 *    clusterer (`clusterStories`, the `compare` path). The set's documents are not one event each (several report
 *    one event), so the reference is the English-only clustering with each translation given its original's story:
 *    B³ against it, and the share of documents whose three versions land in one story.
 *  - sentence alignment across languages: for each document, the English article and its translation compared as a
 *    two-article story (`compareStory`, without the encoder: it is English-only); a predicted pair = a link between
 *    English line i and translated line j (through the sentences' paragraphs); gold = i = j. Precision over the
 *    distinct predicted line pairs, recall over the gold lines.
 *  - Russian and French numbers and dates: on each translated line, the values the Russian (French) analyser finds
 *    against those the English analyser finds on the English source line (agreement P/R; the English side is an
 *    extraction too, so this is agreement, not accuracy).
 * Translationese caveat: every Russian and French line translates an English one, so alignment is cleaner here than
 * between a wire and its free rewrite.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyse } from '../src/analyse/index.js';
import { clusterStories } from '../src/cluster/index.js';
import { compareStory } from '../src/compare/index.js';
import type { AnalysedArticle, Article } from '../src/types.js';
import { bCubed } from './metrics/clustering.js';
import { lexiconPack } from '../src/lang/lexicon/pack.js';
import { DataMissing, type EvalResult, type Evaluator } from './types.js';

const FILES = { en: 'newstest2019-src.eng.txt', ru: 'newstest2019-ref.rus.txt', fr: 'newstest2019-ref.fra.txt', docs: 'DOCUMENT_IDS.tsv' } as const;
const SET = 'NTREX-128 (MicrosoftTranslator/NTREX @ 8561f6a, CC BY-SA 4.0: WMT19 English news, professional ru/fr translations)';

/** One publication date for every article (the set has none; WMT19's news is of 2019): the reference of relative dates. */
const NTREX_DATE = '2019-06-01T00:00:00Z';

export interface NtrexDocument {
  id: string;
  lines: Record<'en' | 'ru' | 'fr', string[]>;
}

export function ntrexDir(dataDir: string): string {
  return process.env.CORROBORATE_NTREX ?? join(dataDir, 'crosslingual', 'NTREX-128');
}

export function readNtrex(dir: string): NtrexDocument[] {
  const missing = Object.values(FILES).filter((f) => !existsSync(join(dir, f)));
  if (missing.length > 0) throw new DataMissing(`${dir} lacks ${missing.join(', ')} (set CORROBORATE_NTREX to a snapshot of MicrosoftTranslator/NTREX: NTREX-128/ and DOCUMENT_IDS.tsv)`);
  const read = (f: string): string[] => readFileSync(join(dir, f), 'utf8').replace(/\r/g, '').split('\n').slice(0, -1);
  const docs = read(FILES.docs);
  const en = read(FILES.en);
  const ru = read(FILES.ru);
  const fr = read(FILES.fr);
  if (en.length !== docs.length || ru.length !== docs.length || fr.length !== docs.length) throw new Error(`${dir}: files of different lengths`);
  const out = new Map<string, NtrexDocument>();
  docs.forEach((d, i) => {
    let doc = out.get(d);
    if (!doc) out.set(d, (doc = { id: d, lines: { en: [], ru: [], fr: [] } }));
    doc.lines.en.push(en[i]!.trim());
    doc.lines.ru.push(ru[i]!.trim());
    doc.lines.fr.push(fr[i]!.trim());
  });
  return [...out.values()];
}

/** The document in one language as an article: first line the title, each further line a paragraph. */
export function ntrexArticle(doc: NtrexDocument, language: 'en' | 'ru' | 'fr'): Article {
  const lines = doc.lines[language];
  return { id: `${doc.id}.${language}`, title: lines[0] ?? null, text: lines.slice(1).join('\n\n'), source: doc.id.split('.')[0] ?? null, url: null, published: NTREX_DATE, language, byline: null, origin: `ntrex:${doc.id}` };
}

/** Story id by article id. */
function storyIndex(stories: readonly { id: string; articles: readonly string[] }[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const s of stories) for (const a of s.articles) out.set(a, s.id);
  return out;
}

/** Line pairs (English line, translated line) linked by compare, and the gold count. */
function alignDocument(doc: NtrexDocument, other: 'ru' | 'fr'): { predicted: Set<string>; gold: number; found: Set<number> } {
  const en = analyse(ntrexArticle(doc, 'en'));
  const xx = analyse(ntrexArticle(doc, other));
  const report = compareStory({ id: doc.id, articles: [en.article.id, xx.article.id] }, [en, xx], { get: () => undefined });
  const predicted = new Set<string>();
  const found = new Set<number>();
  const body = doc.lines.en.length - 1;
  for (const al of report.alignments) {
    const enFirst = al.a === en.article.id;
    for (const l of al.links) {
      const e = enFirst ? l.a : l.b;
      const t = enFirst ? l.b : l.a;
      const pe = (enFirst ? en : xx).sentences[e.sentence]!.paragraph;
      const pt = (enFirst ? xx : en).sentences[t.sentence]!.paragraph;
      predicted.add(`${pe}|${pt}`);
      if (pe === pt) found.add(pe);
    }
  }
  return { predicted, gold: body, found };
}

/** Per paragraph (line), the distinct values a finding kind gives: number values or date ISO forms. */
function valuesByLine(a: AnalysedArticle, kind: 'numbers' | 'dates'): Map<number, Set<string>> {
  const out = new Map<number, Set<string>>();
  const items = kind === 'numbers' ? a.numbers.map((n) => ({ sentence: n.sentence, value: String(n.value) })) : a.dates.map((d) => ({ sentence: d.sentence, value: d.iso }));
  for (const x of items) {
    const line = a.sentences[x.sentence]?.paragraph;
    if (line === undefined) continue;
    let set = out.get(line);
    if (!set) out.set(line, (set = new Set()));
    set.add(x.value);
  }
  return out;
}

/**
 * Agreement of the Russian (French) analyser's numbers and dates with the English analyser's on the translated
 * lines: per line, a value both find is a match; precision = matches / values the translation's analyser found,
 * recall = matches / values the English analyser found. The English side is itself an extraction, not gold.
 */
function slotAgreement(docs: readonly NtrexDocument[], other: 'ru' | 'fr', kind: 'numbers' | 'dates'): { precision: number; recall: number; f1: number; reference: number } {
  let tp = 0;
  let found = 0;
  let reference = 0;
  for (const d of docs) {
    const en = valuesByLine(analyse(ntrexArticle(d, 'en')), kind);
    const xx = valuesByLine(analyse(ntrexArticle(d, other)), kind);
    for (const set of en.values()) reference += set.size;
    for (const [line, set] of xx) {
      found += set.size;
      const ref = en.get(line);
      for (const v of set) if (ref?.has(v)) tp++;
    }
  }
  const precision = found === 0 ? 0 : tp / found;
  const recall = reference === 0 ? 0 : tp / reference;
  return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall), reference };
}

export const evaluate: Evaluator = async (options) => {
  const docs = readNtrex(ntrexDir(options.dataDir)).slice(0, options.sample ?? undefined);
  const rows: EvalResult[] = [];
  const command = 'CORROBORATE_NTREX=DIR npm run eval -- --only crosslingual';
  // Clustering across the three languages. NTREX's documents are not one event each (the WMT test set holds several
  // reports of one event), so the reference partition is the English-only clustering, carried over to each
  // document's translations: a translation should land in its English original's story and change nothing else.
  const english = docs.map((d) => ntrexArticle(d, 'en'));
  const reference = storyIndex(clusterStories(english));
  const articles = docs.flatMap((d) => (['en', 'ru', 'fr'] as const).map((l) => ntrexArticle(d, l)));
  const storyOf = storyIndex(clusterStories(articles));
  const predicted = articles.map((a) => storyOf.get(a.id) ?? a.id);
  const gold = articles.map((a) => reference.get(`${a.origin.slice('ntrex:'.length)}.en`) ?? a.origin);
  const b3 = bCubed(predicted, gold);
  const together = docs.filter((d) => new Set((['en', 'ru', 'fr'] as const).map((l) => storyOf.get(`${d.id}.${l}`))).size === 1).length;
  rows.push({
    task: 'cross-lingual story clustering',
    set: SET,
    split: `all ${docs.length} documents × en/ru/fr; reference: the English-only clustering, each translation with its original (nothing tuned on it)`,
    metrics: { 'B³ P': b3.precision, 'B³ R': b3.recall, 'B³ F1': b3.f1, 'all three versions in one story': together / docs.length },
    items: articles.length,
    target: 'an English article and its translations land in one story',
    reference: 'none published for this use',
    command,
    notes:
      'translations of one English text (translationese), not independently written reports of one event. DIR: one folder holding NTREX-128/newstest2019-src.eng.txt, newstest2019-ref.rus.txt, newstest2019-ref.fra.txt and DOCUMENT_IDS.tsv of the MicrosoftTranslator/NTREX repository at commit 8561f6a (not copied into this repository: CC BY-SA 4.0)',
  });
  // The optional Russian lexicon pack (src/lang/lexicon/pack.ts) is used when installed: the row says so.
  const pack = lexiconPack();
  for (const other of ['ru', 'fr'] as const) {
    let tp = 0;
    let predictedCount = 0;
    let goldCount = 0;
    for (const d of docs) {
      const r = alignDocument(d, other);
      predictedCount += r.predicted.size;
      for (const k of r.predicted) {
        const [a, b] = k.split('|');
        if (a === b) tp++;
      }
      goldCount += r.gold;
    }
    const precision = predictedCount === 0 ? 0 : tp / predictedCount;
    const recall = goldCount === 0 ? 0 : tp / goldCount;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    rows.push({
      task: 'cross-lingual sentence alignment',
      set: SET,
      split: `en–${other}, ${docs.length} documents, body lines (${other === 'ru' ? 'thresholds chosen on this pair' : 'thresholds from en–ru'}; lexicon: ${other === 'ru' && pack ? `built-in + the installed pack, ${Object.keys(pack).length.toLocaleString('en-US')} words` : 'built-in'})`,
      metrics: { precision, recall, F1: f1 },
      items: goldCount,
      target: 'a rewrite sentence finds the original sentence it translates',
      reference: 'none comparable (no MT or multilingual encoder offline here)',
      command,
    });
  }
  for (const other of ['ru', 'fr'] as const) {
    for (const kind of ['numbers', 'dates'] as const) {
      const r = slotAgreement(docs, other, kind);
      rows.push({
        task: `${other === 'ru' ? 'Russian' : 'French'} ${kind === 'numbers' ? 'number' : 'date'} extraction`,
        set: SET,
        split: `${docs.length} documents, each ${other} line against its English source line (the English analyser's ${kind === 'numbers' ? 'number values' : 'ISO dates'} as reference; publication date 2019-06-01 for both)`,
        metrics: { 'agreement P': r.precision, 'agreement R': r.recall, 'agreement F1': r.f1 },
        items: r.reference,
        target: 'the same values as the English source (numbers and dates are anchors across languages)',
        reference: 'none (the English side is itself extracted, not gold)',
        command,
      });
    }
  }
  return rows;
};
