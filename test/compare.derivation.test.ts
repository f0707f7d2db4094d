import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareStory } from '../src/compare/index.js';
import { classifyDerivation, revisionScores, revisionText, TokenIds, type RevisionText } from '../src/derive/index.js';
import { NO_VECTORS } from '../src/similarity/vector.js';
import type { AnalysedArticle, DerivationPair } from '../src/types.js';
import { build } from './fixtures/compare/build.js';
import { wildfire } from './fixtures/compare/wildfire.js';
import { minimalAnalysed } from './helpers/minimal-article.js';

function derive(arts: AnalysedArticle[]): DerivationPair[] {
  return compareStory({ id: 's', articles: arts.map((a) => a.article.id) }, arts, NO_VECTORS).derivation;
}

const LONG = [
  'Heavy snow closed the Brenna pass on Thursday, stranding 60 lorries near the Ostel border post.',
  'Road crews from Vell County cleared 12 kilometres of the pass road by Friday morning.',
  'Drivers were given blankets and hot meals at the Ostel customs hall.',
  'The pass is expected to reopen on Saturday if no further snow falls.',
  'Forecasters warned of more storms in the Brenna range next week.',
].join('\n\n');
const LONG_SPEC = {
  entities: [
    { name: 'Brenna', type: 'place' as const },
    { name: 'Ostel', type: 'place' as const },
    { name: 'Vell County', type: 'organisation' as const },
  ],
  numbers: [
    { text: '60', value: 60, counted: 'lorries', countedKey: 'lorry' },
    { text: '12', value: 12, kind: 'measure' as const, unit: 'km', counted: 'kilometres', countedKey: null },
  ],
};

test('publication order: the later article is derived from the earlier one', () => {
  const d = derive(wildfire())[0]!;
  assert.equal(d.a, 'alpha-post');
  assert.equal(d.b, 'beta-news');
  assert.equal(d.direction, 'b-from-a');
  assert.ok(d.confidence > 0 && d.confidence <= 1);
  const order = d.evidence.find((e) => e.kind === 'publication-order')!;
  assert.ok(order.weight < 0);
  assert.match(order.detail, /beta-news .* after alpha-post/);
  assert.ok(d.reuse.aInB > 0.5 && d.reuse.bInA > 0.5);
});

test('information superset: a short text whose facts are all in the other is the rewrite', () => {
  const full = build({ id: 'full', text: LONG, ...LONG_SPEC, dates: [{ text: 'Saturday', iso: '2026-01-10' }] });
  const short = build({
    id: 'short',
    text: 'Heavy snow closed the Brenna pass on Thursday, stranding 60 lorries near the Ostel border post.\n\nRoad crews from Vell County cleared 12 kilometres of the pass road by Friday morning.',
    ...LONG_SPEC,
  });
  const d = derive([short, full])[0]!;
  // The pair is in the canonical order (both undated: by id), so 'short' is b, derived from 'full'.
  assert.deepEqual([d.a, d.b], ['full', 'short']);
  assert.equal(d.direction, 'b-from-a');
  const sup = d.evidence.find((e) => e.kind === 'information-superset')!;
  assert.ok(sup.weight < 0, 'towards b-from-a');
  assert.equal(d.reuse.bInA, 1);
  assert.equal(d.reuse.aInB, 0.4);
  // The input order changes nothing.
  assert.deepEqual(derive([full, short]), derive([short, full]));
});

test('shared wire attribution with symmetric reuse: common source', () => {
  const a = build({
    id: 'a',
    text: 'Heavy snow closed the Brenna pass on Thursday, Nordpress reported.\n\nAbout 60 lorries were stranded near the Ostel border post.',
    attributions: [{ text: 'Nordpress reported', outlet: 'Nordpress' }],
  });
  const b = build({
    id: 'b',
    text: 'The Brenna pass was closed by heavy snow on Thursday, according to Nordpress.\n\nSome 60 lorries got stuck near the Ostel border post.',
    attributions: [{ text: 'according to Nordpress', outlet: 'Nordpress' }],
  });
  const d = derive([a, b])[0]!;
  assert.equal(d.direction, 'common-source');
  assert.ok(d.evidence.some((e) => e.kind === 'wire-attribution' && /both cite Nordpress/.test(e.detail)));
});

test('no shared text: independent', () => {
  const a = build({ id: 'a', text: LONG, published: '2026-01-02' });
  const b = build({
    id: 'b',
    text: 'A mountain rescue team reached two hikers on Mount Tesk late on Wednesday.\n\nBoth were treated for mild frostbite at the valley clinic.',
    published: '2026-01-03',
  });
  const d = derive([a, b])[0]!;
  assert.equal(d.direction, 'independent');
  assert.deepEqual(d.reuse, { aInB: 0, bInA: 0 });
});

test('one article names a wire agency and both share far more than separate reports: common source, agency named', () => {
  const a = build({ id: 'a', text: LONG, ...LONG_SPEC });
  const b = build({
    id: 'b',
    text: LONG.replace('Heavy snow closed the Brenna pass on Thursday,', 'Heavy snow closed the Brenna pass on Thursday, Nordpress reported,'),
    ...LONG_SPEC,
    attributions: [{ text: 'Nordpress reported', outlet: 'Nordpress' }],
  });
  const d = derive([a, b])[0]!;
  assert.equal(d.direction, 'common-source');
  assert.ok(d.confidence >= 0.4 && d.confidence <= 0.7, String(d.confidence));
  const wire = d.evidence.find((e) => e.kind === 'wire-attribution')!;
  assert.match(wire.detail, /^both likely rewritten from Nordpress: b names it; they share 5 facts and 5 aligned sentences/);
});

test('a clear superset that cites a wire keeps the directed verdict', () => {
  const full = build({ id: 'full', text: `${LONG}\n\nThe closure was first reported by Nordpress.`, ...LONG_SPEC, attributions: [{ text: 'reported by Nordpress', outlet: 'Nordpress' }] });
  const short = build({
    id: 'short',
    text: 'Heavy snow closed the Brenna pass on Thursday, stranding 60 lorries near the Ostel border post.\n\nRoad crews from Vell County cleared 12 kilometres of the pass road by Friday morning.',
    ...LONG_SPEC,
  });
  const d = derive([short, full])[0]!;
  assert.deepEqual([d.a, d.b, d.direction], ['full', 'short', 'b-from-a']);
  assert.ok(d.evidence.some((e) => e.kind === 'wire-attribution' && e.detail === 'only full cites Nordpress'));
});

test('evidence details give whole percents', () => {
  for (const d of derive(wildfire())) for (const e of d.evidence) assert.doesNotMatch(e.detail, /\d\.\d+%/, e.detail);
  const full = build({ id: 'full', text: LONG, ...LONG_SPEC });
  const short = build({ id: 'short', text: LONG.split('\n\n').slice(0, 3).join('\n\n'), ...LONG_SPEC });
  const d = derive([short, full])[0]!;
  const reuse = d.evidence.find((e) => e.kind === 'text-reuse')!;
  assert.match(reuse.detail, /^60% of full's sentences align with short, 100% the other way/);
});

test('revision grades are those of the whole texts, however the sentences cut them (white space or not, gaps)', () => {
  const texts = [
    'The council met on 3.5 hectares of land. Councillors voted 7 to 2. Work starts in May, the mayor said.',
    'Councillors voted 7 to 2.The council met on 3.5 hectares of land. Work starts in June, the mayor said.',
    'Work starts in May. The council met on 3.5 hectares of land. Councillors voted 7 to 2 after a long debate.',
    'Work starts in May. The council met on 3.5 hectares of land. Councillors voted 7 to 2 after a long debate.',
  ];
  const arts = texts.map((t, i) => minimalAnalysed(`a${i}`, t));
  // The last article's sentences leave its first sentence out: text between and before sentences counts too.
  const last = arts[3]!;
  last.sentences = last.sentences.slice(1).map((s, index) => ({ ...s, index }));
  const byId = new Map(texts.map((t, i) => [`a${i}`, t]));
  for (const p of derive(arts)) {
    const ids = new TokenIds();
    const a = revisionText(byId.get(p.a)!, ids);
    const b = revisionText(byId.get(p.b)!, ids);
    const grade = (source: RevisionText, derived: RevisionText) => {
      const { level, score } = classifyDerivation(revisionScores(source, derived));
      return { level, score };
    };
    assert.deepEqual(p.revision, { aFromB: grade(b, a), bFromA: grade(a, b) }, `${p.a} ${p.b}`);
  }
});
