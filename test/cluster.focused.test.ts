// A corpus that is one story (what a fact-checker collects on one event): its outlets' retellings are one story, and two
// events of one kind stay two (the focus background of src/cluster/signature-decision.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clusterStories } from '../src/cluster/index.js';
import { batchFrequencies, DocumentFrequencies, FOCUS_RANK, FOCUS_SHARE, focusBackground } from '../src/cluster/signature-decision.js';
import { storySignature } from '../src/cluster/signature.js';
import type { Article } from '../src/types.js';

function article(id: string, text: string, published: string): Article {
  return { id, title: null, text, source: id.split('-')[0]!, url: null, published, language: 'en', byline: null, origin: id };
}

/** Six outlets tell one fictional flood, each in its own words and with its own details. */
const FLOOD_RETELLINGS = [
  'Flooding on the Varna River forced the evacuation of 412 residents from the village of Oskel on Tuesday, regional officials said. The river rose 2.4 metres overnight after three days of heavy rain. Governor Ilsa Marren said shelters had been opened in the school and the sports hall of nearby Tesk.',
  'Hundreds of people left their homes in Oskel as the swollen Varna burst its banks. Rescue crews in boats reached families trapped on upper floors near the old mill. Marren, the regional governor, visited the shelters in Tesk on Tuesday evening and promised compensation for farmers.',
  'The Varna River broke through its banks in the Dolmar highlands, flooding much of Oskel. Four people were treated for hypothermia at the Tesk district hospital, but no deaths were reported. The weather service expects the water to peak on Wednesday.',
  'Governor Ilsa Marren declared an emergency in the Oskel area after the Varna flooded streets and fields. Engineers closed the Oskel road bridge when water reached its deck. Volunteers brought blankets and drinking water to evacuees in Tesk.',
  'Residents of Oskel described waking to water in their kitchens as the Varna rose through the night. "We had ten minutes to leave," one farmer said at the shelter in Tesk. The last comparable flood in the valley, in 2009, damaged more than 300 houses.',
  'Emergency services evacuated the village of Oskel after days of rain swelled the Varna River. Governor Marren said the regional government would help farmers whose crops were ruined. Schools in Tesk were turned into shelters for the displaced families.',
].map((text, k) => article(`outlet${k}-flood`, text, `2026-03-10T${String(9 + k).padStart(2, '0')}:00:00Z`));

/** Four outlets tell another flood of the same kind, in another valley, a week later. */
const OTHER_FLOOD = [
  'The Selka River flooded the town of Brannock on Monday, forcing 180 people from their homes, the mayor, Joren Adley, said. The river rose 1.7 metres after a storm. Shelters opened in the Brannock library.',
  'Mayor Joren Adley asked Brannock residents near the Selka to leave as the river overflowed. Firefighters pumped water from the basement of the town clinic. No injuries were reported.',
  'A storm sent the Selka over its banks in Brannock, where about 180 residents spent the night in the library. Adley said the damage would be counted once the water falls.',
  'Brannock was cut off for hours after the Selka River flooded the only road into town. Mayor Adley said the army had sent trucks to bring in supplies.',
].map((text, k) => article(`outlet${k}-selka`, text, `2026-03-17T${String(9 + k).padStart(2, '0')}:00:00Z`));

test('six outlets retelling one event in their own words, collected alone, are one story', () => {
  const stories = clusterStories(FLOOD_RETELLINGS);
  assert.equal(stories.length, 1, `stories of ${stories.map((s) => s.articles.length).join(', ')} articles`);
});

test('a corpus of two events of one kind: the retellings of each are one story, the two stay apart', () => {
  const stories = clusterStories([...FLOOD_RETELLINGS, ...OTHER_FLOOD]).map((s) => [...s.articles].sort());
  assert.equal(stories.length, 2, `stories: ${stories.map((s) => s.join(' ')).join(' | ')}`);
  for (const s of stories) assert.equal(new Set(s.map((id) => id.split('-')[1])).size, 1, `a story mixes the two floods: ${s.join(' ')}`);
});

test('the focus background: pseudo-documents for a corpus whose common names are everywhere, none for diverse news', () => {
  const focused = batchFrequencies(FLOOD_RETELLINGS.map(storySignature));
  assert.ok(focused.background > 0, `background ${focused.background}`);
  // Exactly as many as bring the FOCUS_RANK-th most frequent name down to FOCUS_SHARE of the documents.
  const counts = new Map<number, number>();
  for (const a of FLOOD_RETELLINGS) for (const id of storySignature(a).bags.names.ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  const rank = [...counts.values()].sort((x, y) => y - x)[FOCUS_RANK - 1]!;
  assert.equal(focused.background, rank / FOCUS_SHARE - FLOOD_RETELLINGS.length);
  // Ten events with names of their own: no name is in more than a tenth of the documents.
  const diverse = new DocumentFrequencies();
  for (let k = 0; k < 10; k++) diverse.add(storySignature(article(`e${k}`, `Mayor Quill${k} Ardent${k} opened the Varro${k} bridge in Tessel${k} on Monday.`, '2026-03-10')));
  assert.equal(diverse.background, 0);
  assert.equal(focusBackground(100, 20), 0);
  assert.equal(focusBackground(100, 40), 100);
});
