import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { splitSentences } from '../src/analyse/sentences.js';
import { extractMediaAttributions } from '../src/analyse/attributions.js';
import type { Entity, MediaAttribution } from '../src/types.js';
import { seedText } from './helpers/texts.js';

function attrs(t: string, entities: Entity[] = []): MediaAttribution[] {
  const out = extractMediaAttributions(t, splitSentences(t), entities);
  for (const a of out) assert.equal(t.slice(a.start, a.end), a.text);
  return out;
}
const brief = (t: string, e: Entity[] = []): string[] => attrs(t, e).map((a) => `${a.outlet}|${a.cue}|${a.key}|${a.sentence}`);

test('known agencies with each cue', () => {
  assert.deepEqual(brief('The dam failed, as reported by TASS. Reuters reported the toll. The mayor told the BBC it was over.'), [
    'TASS|as reported by|tass|0',
    'Reuters|reported|reuters|1',
    'BBC|told|bbc|2',
  ]);
  assert.deepEqual(brief('According to the Associated Press, 12 died. Officials spoke, citing AFP figures. Reports Interfax.'), [
    'Associated Press|according to|associated press|0',
    'AFP|citing|afp|1',
    'Interfax|reports|interfax|2',
  ]);
});

test('datelines credit the agency', () => {
  const t = 'KESSINGTON (AFP) - The river rose overnight.';
  const [a] = attrs(t);
  assert.equal(a!.outlet, 'AFP');
  assert.equal(a!.start, t.indexOf('AFP'));
  assert.equal(a!.cue, 'dateline');
});

test('generic outlet names: capitalised name ending in Wire Service, Courier, Times ...', () => {
  assert.deepEqual(brief('Harbor Wire Service reported the evacuation. The figure came from the Valley Courier, according to the Harbor Wire Service.'), [
    'Harbor Wire Service|reported|harbor wire service|0',
    'Harbor Wire Service|according to|harbor wire service|1',
  ]);
  assert.deepEqual(brief('The Kessington Times said the bridge was shut.'), ['Kessington Times|said|kessington times|0']);
});

test('not media attributions: official reports, persons, the agency, the Secret Service', () => {
  assert.deepEqual(brief('According to official reports, 87 towns were taken.'), []);
  assert.deepEqual(brief('According to Putin, the zone is needed. The agency said so. The Secret Service said nothing.'), []);
  assert.deepEqual(brief('He told reporters that the levee held.'), []);
});

test('a bare head word counts only when an organisation entity is known by it', () => {
  const t = 'The Post reported the closure.';
  assert.deepEqual(brief(t), []);
  const post: Entity = { id: 'e1', type: 'organisation', name: 'The Washington Post', key: 'washington post', aliases: ['post', 'washington post'], mentions: [{ start: 4, end: 8, text: 'Post' }] };
  assert.deepEqual(brief(t, [post]), ['Post|reported|post|0']);
});

const EXAMPLES = new URL('../examples/', import.meta.url);

test('examples: Harbor Wire Service in the Metro Ledger and the Northshore Daily', () => {
  const metro = readFileSync(new URL('metro-ledger.md', EXAMPLES), 'utf8');
  const m = attrs(metro);
  assert.equal(m.length, 1);
  assert.equal(m[0]!.outlet, 'Harbor Wire Service');
  assert.equal(m[0]!.cue, 'reported');
  const html = readFileSync(new URL('northshore-daily.html', EXAMPLES), 'utf8');
  const n = attrs(html);
  assert.deepEqual(n.map((a) => `${a.outlet}|${a.cue}`), ['Harbor Wire Service|according to']);
  const valley = readFileSync(new URL('valley-courier.txt', EXAMPLES), 'utf8');
  assert.deepEqual(attrs(valley), []);
});

const seed = seedText;

test('seed 001: "as reported by TASS"; "according to official reports" is not one', { skip: seed('001_') === null }, () => {
  const t = seed('001_')!;
  assert.deepEqual(attrs(t).map((a) => `${a.outlet}|${a.cue}|${a.sentence}`), ['TASS|as reported by|2']);
  assert.deepEqual(attrs(seed('000_') ?? ''), []);
});

test('"cited by X" and the inverted "writes X" credit the outlet', () => {
  assert.deepEqual(brief('The ministry, cited by Interfax, said 12 drones fell. The deal was signed, writes the Harbor Wire Service. Officials, as cited by TASS, said the bridge held.'), [
    'Interfax|cited by|interfax|0',
    'Harbor Wire Service|writes|harbor wire service|1',
    'TASS|as cited by|tass|2',
  ]);
});
