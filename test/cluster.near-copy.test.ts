// Near copies in a corpus of few stories: the rewrites of a report, each with filler inserted, are one story (the
// near-copy term of src/cluster/signature-decision.ts); texts of other stories, and other events' reports written from
// one template, get nothing from it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clusterStories } from '../src/cluster/index.js';
import { articleStoryFeatures } from '../src/cluster/similarity-matrix.js';
import { NEAR_COPY_FREE, NEAR_COPY_WEIGHT, nearCopyTerm, sketchSimilarity } from '../src/cluster/signature-decision.js';
import type { Article } from '../src/types.js';

/** Two fictional wire reports of two events, one sentence per entry. */
const FLOOD = [
  'Flooding on the Varna River forced the evacuation of 412 residents from the village of Oskel on Tuesday, regional officials said.',
  'The river rose 2.4 metres overnight after three days of heavy rain across the Dolmar highlands.',
  'Rescue crews used boats to reach families stranded on the upper floors of their homes near the old mill.',
  'Governor Ilsa Marren said the regional government had opened two shelters in the school and the sports hall of nearby Tesk.',
  'No deaths were reported, but four people were treated for hypothermia at the Tesk district hospital.',
  'The regional weather service expects the water to peak on Wednesday evening before slowly receding.',
  'Engineers are inspecting the Oskel road bridge, which was closed after water reached its deck.',
  'The last comparable flood in the valley, in 2009, damaged more than 300 houses.',
  'Marren said farmers whose fields were flooded would be able to apply for compensation from next week.',
  'Volunteers from across the region have brought food, blankets and drinking water to the shelters.',
];
const MINE = [
  'Nineteen miners trapped for two days at the Korrin copper mine in the Halvard hills were brought to the surface on Tuesday.',
  'A rock fall on Sunday had blocked the main gallery 640 metres below ground, cutting off one shift of workers.',
  'Rescuers drilled a narrow shaft to pass water, food and a telephone line to the men while a second team cleared the gallery.',
  'Mine director Pavel Oster said all nineteen were conscious and able to walk, though three had broken bones.',
  'The miners were taken by ambulance to the regional hospital in Sedd for checks.',
  'Families had waited through two cold nights at the mine gate, where the company set up tents and a canteen.',
  'Labour inspectors have opened an investigation into the cause of the collapse.',
  'The Korrin mine, which employs about 1,100 people, was last closed for safety works in 2017.',
  'Oster said production would stay halted until the inspectors finish their work.',
  'The union called for an independent review of safety rules in the region\'s mines.',
];

/**
 * Filler a network inserts into its copies, from one small pool (a network re-uses its filler, so copies of both
 * reports share it): invented comment and background, a few with a name and a figure of their own.
 */
const FILLER = [
  '“Nobody in the capital listens to people like us until it is too late,” one pensioner wrote on a local forum.',
  'Critics have long accused the ministry of spending its maintenance budget on prestige projects instead.',
  'Independent analysts say the region has been underinvested for decades and warn of worse to come.',
  'Commentators on national television were quick to blame the opposition for blocking earlier reforms.',
  'A leaked memo seen by this outlet suggests that warnings were ignored at the highest level.',
  'Residents interviewed by our correspondent complained about slow help and confusing instructions.',
  'Western media have largely ignored the story, preferring to focus on celebrity gossip.',
  'Several bloggers claimed that foreign consultants had advised against the planned upgrades.',
  'According to an unnamed source close to the Kovrel administration, an inquiry is already being prepared.',
  'The opposition newspaper Vestra called the response a national embarrassment.',
  'Observers note that similar promises were made after the crisis of 2015 and never kept.',
  'Social media users shared dramatic videos, some of which could not be independently verified.',
  'Local blogger Tomas Wren claimed that 70 percent of the emergency funds had never reached the valley.',
  'A spokesman for the Kellmar Foundation said it would send 12 trucks of supplies by the weekend.',
  'Opposition deputy Rada Voss demanded the resignation of 3 senior officials over the handling of the crisis.',
  'The Halden Institute estimated the damage to regional businesses at 45 million crowns.',
];

/**
 * Copy k of `wire`: two sentences after the lead dropped, one adjacent pair swapped, four sentences of the filler
 * inserted after the lead.
 */
function copy(wire: readonly string[], name: string, k: number): Article {
  const dropped = [1 + (k % 9), 1 + ((k * 4) % 9)];
  const kept = wire.filter((_, i) => !dropped.includes(i));
  const at = 1 + (k % (kept.length - 2));
  [kept[at], kept[at + 1]] = [kept[at + 1]!, kept[at]!];
  for (let f = 0; f < 4; f++) kept.splice(1 + ((f * 3 + k) % (kept.length - 1)), 0, FILLER[(k * 4 + f) % FILLER.length]!);
  const minute = String((k * 7) % 60).padStart(2, '0');
  return { id: `${name}-${k}`, title: null, text: kept.join(' '), source: `Site ${k}`, url: null, published: `2026-03-10T${String(8 + (k % 12)).padStart(2, '0')}:${minute}:00Z`, language: 'en', byline: null, origin: `${name}-${k}` };
}

test('rewrites of two reports that share inserted filler, collected alone: the copies of each report are one story, the two apart', () => {
  const copies = Array.from({ length: 30 }, (_, k) => [copy(FLOOD, 'flood', k), copy(MINE, 'mine', k)]).flat();
  const stories = clusterStories(copies).map((s) => [...s.articles].sort());
  const sizes = stories.map((s) => s.length).join(', ');
  assert.equal(stories.length, 2, `stories of ${sizes} articles`);
  for (const s of stories) assert.equal(new Set(s.map((id) => id.split('-')[0])).size, 1, `a story mixes the two reports: ${s.join(' ')}`);
});

/** A report from a template (the same words around another place, person and figures for each event). */
function templated(s: number): Article {
  const place = `Vel${s.toString(36)}ora`;
  const person = `Mara Quin${s.toString(36)}`;
  const text =
    `The harbour authority of ${place} closed berth ${s} after a crane collapsed on pier ${s % 7}, ${person} said. ` +
    `Crews from ${place} worked through the night; ${10 + s} containers were moved and ${s % 5} workers were treated for minor injuries. ` +
    `${person} expects the berth at ${place} to reopen within ${2 + (s % 4)} days.`;
  return { id: `harbour-${s}`, title: null, text, source: 'Wire', url: null, published: '2026-03-10T08:00:00Z', language: 'en', byline: null, origin: `harbour-${s}` };
}

test('the near-copy term: the same text gets the full weight above the free share; other stories and other events of one template nothing', () => {
  const [a, b, c, t1, t2] = articleStoryFeatures([copy(FLOOD, 'flood', 0), copy(FLOOD, 'flood', 1), copy(MINE, 'mine', 5), templated(1), templated(2)]);
  assert.equal(nearCopyTerm(a!, a!), NEAR_COPY_WEIGHT * (1 - NEAR_COPY_FREE));
  const rewrite = nearCopyTerm(a!, b!);
  assert.ok(rewrite > 0 && rewrite < NEAR_COPY_WEIGHT * (1 - NEAR_COPY_FREE), `rewrite term ${rewrite}`);
  assert.equal(nearCopyTerm(a!, c!), 0);
  // The two template reports share most of their shingles, but not their place, person and figures.
  assert.ok(sketchSimilarity(t1!.sketch, t2!.sketch) > NEAR_COPY_FREE);
  assert.equal(nearCopyTerm(t1!, t2!), 0);
});
