import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse } from '../src/analyse/index.js';
import { compareStory } from '../src/compare/index.js';
import { buildContext } from '../src/compare/context.js';
import { clauses } from '../src/compare/roles.js';
import { isPublicationStamp } from '../src/similarity/slots.js';
import { NO_VECTORS } from '../src/similarity/vector.js';
import type { AnalysedArticle, Conflict, StoryReport } from '../src/types.js';
import { build } from './fixtures/compare/build.js';
import { wildfire } from './fixtures/compare/wildfire.js';

function run(arts: AnalysedArticle[]): StoryReport {
  return compareStory({ id: 'story-1', articles: arts.map((a) => a.article.id) }, arts, NO_VECTORS);
}
/** An article read by the real analysis (source = id), published on 8 May 2026 unless `published` says otherwise. */
function art(id: string, text: string, published: string | null = '2026-05-08T09:00:00Z', source: string = id): AnalysedArticle {
  return analyse({ id, title: null, text, source, url: null, published, language: 'en', byline: null, origin: id });
}
function sidesOk(r: StoryReport, arts: AnalysedArticle[], c: Conflict): void {
  const byId = new Map(arts.map((a) => [a.article.id, a.article.text]));
  assert.ok(c.sides.length >= 2);
  for (const s of c.sides) assert.equal(byId.get(s.article)!.slice(s.start, s.end), s.text);
  for (const id of c.claims) assert.equal(r.claims.find((x) => x.id === id)?.status, 'conflicting', id);
}

/** The story of `arts` (two articles) links sentence `link[0]` of the first to `link[1]` of the second and has no conflict of `type`. */
function noConflictOver(arts: AnalysedArticle[], type: Conflict['type'], link: [number, number]): void {
  const r = run(arts);
  assert.ok(r.alignments[0]!.links.some((l) => l.a.sentence === link[0] && l.b.sentence === link[1]), 'the two sentences are aligned');
  assert.deepEqual(r.conflicts.filter((c) => c.type === type), []);
}

test('number conflict: the same counted thing with different values, both sides and claims conflicting', () => {
  const arts = wildfire();
  const r = run(arts);
  const c = r.conflicts.find((x) => x.type === 'number')!;
  assert.ok(c);
  sidesOk(r, arts, c);
  assert.deepEqual(
    c.sides.map((s) => [s.article, s.text, s.value]),
    [
      ['alpha-post', '800', '800'],
      ['beta-news', '1,100', '1100'],
    ],
  );
  assert.equal(c.summary, 'Number of residents: Alpha Post says 800; Beta News says 1,100');
  assert.equal(r.claims.find((x) => x.kind === 'number' && x.value === '800')!.status, 'conflicting');
  const link = r.alignments[0]!.links.find((l) => l.a.sentence === 0)!;
  assert.deepEqual(link.slotConflicts, ['number:resident']);
});

test('actor conflict: who blamed whom is swapped', () => {
  const arts = wildfire();
  const r = run(arts);
  const c = r.conflicts.find((x) => x.type === 'actor')!;
  assert.ok(c);
  sidesOk(r, arts, c);
  assert.equal(c.sides[0]!.text, 'county blamed the power company');
  assert.equal(c.sides[1]!.text, 'power company blamed the county');
  const stmt = r.claims.find((x) => x.kind === 'statement' && x.text.startsWith('The county blamed'))!;
  assert.equal(stmt.status, 'conflicting');
});

test('the passive says who did what to whom as the active does: a voice turned round is no actor conflict, the participants turned round through it are', () => {
  for (const [x, y] of [
    ['Ukrainian drones struck a Russian airfield near the border overnight.', 'A Russian airfield near the border was struck by Ukrainian drones overnight.'],
    ['A stray bullet killed a 10-year-old girl in Dorrow on Friday.', 'A 10-year-old girl was killed by a stray bullet in Dorrow on Friday.'],
    ['Iran-backed militias used the facilities near the Kelso border.', 'The facilities near the Kelso border used by Iran-backed militias were hit.'],
    ['Police arrested Jamal Reyes on suspicion of drunk driving.', 'Jamal Reyes arrested on suspicion of drunk driving, police said.'],
    ['“I’m pleased we are bringing it to a conclusion,” Mayor Ana Lind said.', '“I’m pleased by the fact that we are bringing this to a conclusion,” Mayor Ana Lind said.'],
  ] as const) {
    const r = run([art('a', x), art('b', y)]);
    assert.deepEqual(r.conflicts.filter((c) => c.type === 'actor'), [], `${x} / ${y}`);
  }
  const arts = [art('a', 'Police were attacked by protesters outside the Kelso town hall on Monday.'), art('b', 'Police attacked protesters outside the Kelso town hall on Monday.')];
  const r = run(arts);
  const actors = r.conflicts.filter((c) => c.type === 'actor');
  for (const c of actors) sidesOk(r, arts, c);
  assert.deepEqual(actors.map((c) => c.sides.map((s) => s.text)), [['Police were attacked by protesters', 'Police attacked protesters outside the Kelso town hall']]);
});

test('negation conflict: "not polluted" vs "polluted"', () => {
  const arts = wildfire();
  const r = run(arts);
  const c = r.conflicts.find((x) => x.type === 'negation')!;
  assert.ok(c);
  sidesOk(r, arts, c);
  assert.deepEqual(
    c.sides.map((s) => s.text),
    ['not polluted', 'polluted'],
  );
});

test('no conflict between sentences that agree', () => {
  const r = run(wildfire());
  assert.equal(r.conflicts.length, 3);
  assert.equal(r.alignments[1]!.links.every((l) => l.slotConflicts.length === 0), true);
});

test('meaning conflict: a clause inserted into the complement changes what the sentence says', () => {
  const a = build({
    id: 'a',
    text: 'General Oren Vask said the initiative for the entire northern front belongs to the Coastal Army of Veland.\n\nSupplies reached the port on Monday.',
  });
  const b = build({
    id: 'b',
    text: 'General Oren Vask said the initiative to open a relief corridor along the entire northern front comes from the Coastal Army of Veland.\n\nA ferry was delayed.',
  });
  const r = run([a, b]);
  const c = r.conflicts.find((x) => x.type === 'meaning')!;
  assert.ok(c, JSON.stringify(r.alignments[0]!.links));
  sidesOk(r, [a, b], c);
  assert.equal(c.sides[0]!.text, 'initiative for the entire northern front');
  assert.equal(c.sides[1]!.text, 'initiative to open a relief corridor along the entire northern front');
  const link = r.alignments[0]!.links.find((l) => l.a.sentence === 0)!;
  assert.ok(link.slotConflicts.includes('meaning:initiative'));
  const stmt = r.claims.find((x) => x.kind === 'statement' && x.text.startsWith('General Oren Vask'))!;
  assert.equal(stmt.status, 'conflicting');
});

test('no meaning conflict for a parenthetical addition or an added prepositional detail', () => {
  const a = build({ id: 'a', text: 'Fire chief Tomas Reyes said his crews had rescued 37 people by boat during the night.' });
  const b = build({ id: 'b', text: 'Fire chief Tomas Reyes, who led the overnight rescue, said crews had pulled 37 people from flooded homes by boat.' });
  const r = run([a, b]);
  assert.equal(r.alignments[0]!.links.length, 1);
  assert.deepEqual(r.conflicts, []);
});

test('no meaning conflict for a relative clause another outlet adds after a noun ("the doctor who says he broke the law")', () => {
  for (const [x, y] of [
    ['A Kelso doctor was sued in the first known challenge of the new law on Monday.', 'A Kelso doctor who says he broke the law was sued in the first known challenge of the new law on Monday.'],
    ['The fire destroyed the old mill in Dorrow overnight, the fire service said.', 'The fire that started in a shed destroyed the old mill in Dorrow overnight, the fire service said.'],
  ] as const) {
    noConflictOver([art('a', x), art('b', y)], 'meaning', [0, 0]);
  }
});

test('no meaning conflict when the insertion holds a sentence end: a quotation that carries one more sentence adds a statement', () => {
  const quote = (middle: string) =>
    `“We will put the whole plan to the council. ${middle}Each delay costs the town money,” said engineer Mara Holt of Dorrow.\n\nThe vote is on Friday.`;
  const arts = [art('a', quote('')), art('b', quote('Officials plan to review the dam contract first. '))];
  noConflictOver(arts, 'meaning', [0, 0]);
});

test('no meaning conflict for words after the noun that do not open a clause complementing it', () => {
  const arts = [
    art('a', 'At an earlier hearing on Monday he was deemed too great a risk to appear in the dock at Dorrow Crown Court.\n\nThe trial opens in June.'),
    art('b', 'At an earlier hearing at Dorrow Crown Court, prosecutors said both victims had severe head injuries.\n\nThe trial opens in June.'),
  ];
  noConflictOver(arts, 'meaning', [0, 0]);
});

test('no meaning conflict when the inserted words stand elsewhere in the other sentence: moved, not added', () => {
  const arts = [
    art('a', 'The producers announced on Friday that comedian Mara Holt would return next year to host the annual Lumen Awards ceremony.'),
    art('b', 'Comedian Mara Holt to host next year’s Lumen Awards, the producers announced on Friday.'),
  ];
  const r = run(arts);
  assert.equal(r.alignments[0]!.links.length, 1);
  assert.deepEqual(r.conflicts.filter((c) => c.type === 'meaning'), []);
});

test('negation conflict with do-support: "did not confirm" / "didn’t confirm" against "confirmed"', () => {
  for (const negated of ['did not confirm', 'didn’t confirm']) {
    const arts = [
      art('a', 'Governor Lina Ostrova confirmed the deaths on Tuesday.\n\nThe council meets on Friday.'),
      art('b', `Governor Lina Ostrova ${negated} the deaths on Tuesday.\n\nThe council meets on Friday.`),
    ];
    const r = run(arts);
    const c = r.conflicts.find((x) => x.type === 'negation');
    assert.ok(c, negated);
    sidesOk(r, arts, c);
    assert.deepEqual(c.sides.map((s) => s.text), ['confirmed', negated.replace(/^did /, '').replace(/^didn’t/, 'n’t')]);
  }
  // The verb must go on alike: "I don't want to be photographed" says nothing against "I want to be remembered".
  noConflictOver(
    [
      art('a', '“I don’t want to be photographed in my old age,” the actress Ilse Varga said in Dorrow.'),
      art('b', '“I want to be remembered in my old age,” the actress Ilse Varga said in Dorrow.'),
    ],
    'negation',
    [0, 0],
  );
  // A sentence that says the word both ways ("that won't happen … I now fear it may happen", one quoted passage)
  // contradicts nothing that says it plainly as often.
  noConflictOver(
    [
      art('a', '“I kept telling myself that won’t happen. I now fear it may happen,” the developer Ivo Karsk told the Dorrow Times.'),
      art('b', '“I kept telling myself. I now fear it may happen,” the developer Ivo Karsk told the Dorrow Times.'),
    ],
    'negation',
    [0, 0],
  );
  // It does conflict with one that says it plainly where it denies it.
  const both = [
    art('a', '“He doesn’t see himself as a party man. He sees himself as fighting for the workers of Dorrow,” said Ivo Karsk.'),
    art('b', '“He sees himself as a party man. He sees himself as fighting for the workers of Dorrow,” said Ivo Karsk.'),
  ];
  assert.ok(run(both).conflicts.some((c) => c.type === 'negation'));
  // A different subject before "did not" is no frame for the plain verb: "the council did not confirm" says nothing
  // against "Ostrova confirmed".
  noConflictOver(
    [
      art('a', 'Governor Lina Ostrova confirmed the deaths on Tuesday.'),
      art('b', 'Governor Lina Ostrova said the council did not confirm the deaths on Tuesday.'),
    ],
    'negation',
    [0, 0],
  );
});

test('negation conflict through a modal written into the negation: "cannot" / "can’t" / "won’t" against "can" / "will"', () => {
  for (const [negated, plain, cue] of [
    ['cannot', 'can', 'cannot'],
    ['can’t', 'can', 'n’t'],
    ['won’t', 'will', 'n’t'],
  ] as const) {
    const arts = [
      art('a', `The city ${plain} afford the new stadium, Mayor Tomas Reyes said on Monday.\n\nThe council meets on Friday.`),
      art('b', `The city ${negated} afford the new stadium, Mayor Tomas Reyes said on Monday.\n\nThe council meets on Friday.`),
    ];
    const r = run(arts);
    const c = r.conflicts.find((x) => x.type === 'negation');
    assert.ok(c, negated);
    sidesOk(r, arts, c);
    assert.deepEqual(c.sides.map((s) => s.text), ['afford', `${cue} afford`]);
  }
  // The same modal on both sides is no conflict, and neither is a modal against another subject's verb.
  noConflictOver(
    [
      art('a', 'The city cannot afford the new stadium, Mayor Tomas Reyes said on Monday.'),
      art('b', 'The city cannot afford the new stadium, Mayor Tomas Reyes told reporters on Monday.'),
    ],
    'negation',
    [0, 0],
  );
});

test('a date that differs beside shared ones is a conflict when the same words date it ("renovated in 2019" / "in 2021")', () => {
  const arts = [
    art('a', 'The Arden bridge was built in 1962 and last renovated in 2019, the transport agency said.'),
    art('b', 'The Arden bridge was built in 1962 and last renovated in 2021, the transport agency said.'),
  ];
  const r = run(arts);
  const c = r.conflicts.find((x) => x.type === 'date');
  assert.ok(c);
  sidesOk(r, arts, c);
  assert.deepEqual(c.sides.map((s) => s.text), ['2019', '2021']);
  // Dated by other words, a date beside a shared one is no conflict: one sentence may add what the other leaves out.
  noConflictOver(
    [
      art('a', 'The Arden bridge was built in 1962 and last renovated in 2019, the transport agency said.'),
      art('b', 'The Arden bridge was built in 1962 and first painted in 2021, the transport agency said.'),
    ],
    'date',
    [0, 0],
  );
});

test('a range that ends on another day is a date conflict on that end; a number of a part ("two of the victims") is compared', () => {
  const arts = [
    art('a', 'The Arden bridge will stay closed from March 10 to March 14, the transport agency said.\n\nTwo of the victims were children, police said.'),
    art('b', 'The Arden bridge will stay closed from March 10 to March 18, the transport agency said.\n\nThree of the victims were children, police said.'),
  ];
  const r = run(arts);
  const date = r.conflicts.find((x) => x.type === 'date');
  assert.ok(date);
  sidesOk(r, arts, date);
  assert.deepEqual(date.sides.map((s) => s.text), ['March 14', 'March 18']);
  const count = r.conflicts.find((x) => x.type === 'number');
  assert.ok(count);
  assert.deepEqual(count.sides.map((s) => s.text), ['Two of the victims', 'Three of the victims']);
  // The same range in other words, or one end left out, says nothing against it.
  for (const other of ['between March 10 and March 14', 'from March 10']) {
    noConflictOver(
      [
        art('a', 'The Arden bridge will stay closed from March 10 to March 14, the transport agency said.'),
        art('b', `The Arden bridge will stay closed ${other}, the transport agency said.`),
      ],
      'date',
      [0, 0],
    );
  }
});

test('a negation inside a quotation ("We will not rebuild" against "We will rebuild") makes the quote claim conflicting too', () => {
  const arts = [
    art('a', '“We will rebuild every home in the valley,” Mayor Tomas Reyes said at a briefing.\n\nThe council meets on Friday.'),
    art('b', '“We will not rebuild every home in the valley,” Mayor Tomas Reyes said at a briefing.\n\nThe council meets on Friday.'),
  ];
  const r = run(arts);
  const c = r.conflicts.find((x) => x.type === 'negation');
  assert.ok(c);
  sidesOk(r, arts, c);
  const quote = r.claims.find((x) => x.kind === 'quote');
  assert.ok(quote);
  assert.equal(quote.status, 'conflicting');
  assert.ok(c.claims.includes(quote.id));
});

test('a word swapped for its opposite in aligned sentences is a conflict of meaning ("rose" / "fell", "approved" / "rejected", "more" / "fewer", "killed" / "injured")', () => {
  const arts = [
    art('a', 'Fuel prices in Port Ellery rose 12% in February.\n\nThe harbour authority approved the new ferry contract on Monday.\n\nOfficials expect the ferry to carry more passengers next year.\n\nEngineers said the old bridge on Mill Street will be replaced by a new one.\n\nThe storm killed 12 people in Dorrow on Tuesday.'),
    art('b', 'Fuel prices in Port Ellery fell 12% in February.\n\nThe harbour authority rejected the new ferry contract on Monday.\n\nOfficials expect the ferry to carry fewer passengers next year.\n\nEngineers said a new bridge on Mill Street will replace the old one.\n\nThe storm injured 12 people in Dorrow on Tuesday.'),
  ];
  const r = run(arts);
  const flips = r.conflicts.filter((c) => c.type === 'meaning');
  for (const c of flips) sidesOk(r, arts, c);
  assert.deepEqual(
    flips.map((c) => c.sides.map((s) => s.text)),
    [
      ['rose', 'fell'],
      ['approved', 'rejected'],
      ['more', 'fewer'],
      // Outcomes that exclude each other, though no antonyms.
      ['killed', 'injured'],
    ],
  );
  // Both words in both sentences ("the old bridge … a new one" / "a new bridge … the old one"): no flip.
  assert.ok(r.alignments[0]!.links.some((l) => l.a.sentence === 3 && l.b.sentence === 3));
  assert.ok(!flips.some((c) => c.sides.some((s) => /old|new/.test(s.text))));
});

test('opposite outcomes, causes and decisions the way rewrites of war and policy news turn them ("civilians" / "soldiers", "deliberately" / "accidentally", "cut" / "create")', () => {
  const arts = [
    art('a', 'The ministry said 40 civilians were killed in the strike on Kelso.\n\nInvestigators believe the depot fire was started deliberately.\n\nThe Arden company will cut 1,200 jobs by the end of the year.'),
    art('b', 'The ministry said 40 soldiers were killed in the strike on Kelso.\n\nInvestigators believe the depot fire was started accidentally.\n\nThe Arden company will create 1,200 jobs by the end of the year.'),
  ];
  const r = run(arts);
  const flips = r.conflicts.filter((c) => c.type === 'meaning');
  for (const c of flips) sidesOk(r, arts, c);
  assert.deepEqual(flips.map((c) => c.sides.map((s) => s.text)), [['civilians', 'soldiers'], ['deliberately', 'accidentally'], ['cut', 'create']]);
});

test('a rewrite that changes a count and the word next to it shows both changes ("rose 12 percent" / "fell 15 percent", "40 civilians" / "25 soldiers")', () => {
  const arts = [
    art('a', 'Ticket prices in Kelso rose 12 percent last year, the council said.\n\nThe ministry said 40 civilians were killed in the strike on Kelso.'),
    art('b', 'Ticket prices in Kelso fell 15 percent last year, the council said.\n\nThe ministry said 25 soldiers were killed in the strike on Kelso.'),
  ];
  const r = run(arts);
  for (const c of r.conflicts) sidesOk(r, arts, c);
  assert.deepEqual(
    r.conflicts.map((c) => [c.type, c.sides.map((s) => s.text).join(' / ')]),
    [
      ['meaning', 'rose / fell'],
      ['number', '12 percent / 15 percent'],
      ['meaning', 'civilians / soldiers'],
    ],
  );
});

test('a claim credited to another source ("according to the United Nations" / "according to NATO", "the ministry said" / "the army said") is a conflict of attribution; a speaker of a quotation is left to the quote ledger', () => {
  const arts = [
    art('a', 'The attack on the Kelso depot was carried out by a drone, according to the United Nations.\n\nThe bridge at Dorrow will stay closed until June, the Transport Ministry said.'),
    art('b', 'The attack on the Kelso depot was carried out by a drone, according to NATO.\n\nThe bridge at Dorrow will stay closed until June, the Coast Guard said.'),
  ];
  const r = run(arts);
  const credited = r.conflicts.filter((c) => c.type === 'attribution');
  for (const c of credited) sidesOk(r, arts, c);
  assert.deepEqual(credited.map((c) => c.sides.map((s) => s.text)), [['United Nations', 'NATO'], ['Transport Ministry', 'Coast Guard']]);
  // In a quotation's reporting clause the speakers are the ledger's to compare, not this rule's.
  const quoted = run([
    art('a', '“The bridge at Dorrow will stay closed until June,” said Tomas Reyes on Monday.'),
    art('b', '“The bridge at Dorrow will stay closed until June,” said Mira Lenk on Monday.'),
  ]);
  assert.ok(!quoted.conflicts.some((c) => c.summary.startsWith('Source named otherwise') || c.summary.includes('named otherwise')));
});

test('one nationality put in place of another ("Ukrainian forces" / "Russian forces") is a conflict of meaning; not when a sentence names both', () => {
  const arts = [
    art('a', 'Ukrainian forces shelled the centre of Kelso on Monday, the regional governor said.\n\nTwo Georgian soldiers were wounded near the border post.'),
    art('b', 'Russian forces shelled the centre of Kelso on Monday, the regional governor said.\n\nTwo Armenian soldiers were wounded near the border post.'),
  ];
  const r = run(arts);
  const swaps = r.conflicts.filter((c) => c.type === 'meaning');
  for (const c of swaps) sidesOk(r, arts, c);
  assert.deepEqual(swaps.map((c) => c.sides.map((s) => s.text)), [['Ukrainian', 'Russian'], ['Georgian', 'Armenian']]);
  assert.match(swaps[0]!.summary, /^Nationality named otherwise/);
  // Both nationalities in one sentence: the other article may just say it in another order.
  noConflictOver(
    [
      art('a', 'Ukrainian forces shelled Russian positions near Kelso on Monday, the governor said.'),
      art('b', 'Russian positions near Kelso were shelled by Ukrainian forces on Monday, the governor said.'),
    ],
    'meaning',
    [0, 0],
  );
});

test('a hedge one article keeps and the other drops ("allegedly set" / "set", "plans to cut" / "cut", "could reopen" / "will reopen") is a conflict of meaning', () => {
  const arts = [
    art('a', 'Police said the man allegedly set fire to the Kelso depot on Monday.\n\nThe Arden company plans to cut 1,200 jobs at its Dorrow plant.\n\nThe harbour bridge could reopen next month, the operator said.'),
    art('b', 'Police said the man set fire to the Kelso depot on Monday.\n\nThe Arden company cut 1,200 jobs at its Dorrow plant.\n\nThe harbour bridge will reopen next month, the operator said.'),
  ];
  const r = run(arts);
  const hedges = r.conflicts.filter((c) => c.type === 'meaning');
  for (const c of hedges) sidesOk(r, arts, c);
  assert.deepEqual(hedges.map((c) => c.sides.map((s) => s.text)), [['allegedly set', 'set'], ['plans to cut', 'cut'], ['could reopen', 'will reopen']]);
  assert.match(hedges[0]!.summary, /^Hedged in one, stated as done in the other/);
  assert.match(hedges[2]!.summary, /^Possible in one, certain in the other/);
  // A hedge with "will" in its place.
  const expected = run([art('a', 'The Arden company is expected to close its Dorrow plant this year.'), art('b', 'The Arden company will close its Dorrow plant this year.')]);
  assert.deepEqual(expected.conflicts.map((c) => c.sides.map((s) => s.text)), [['is expected to close', 'will close']]);
  for (const [x, y] of [
    // A hedge in both; a hedge of the whole sentence; a modal alone (a headline's present tense).
    ['Police said the man allegedly set fire to the Kelso depot on Monday.', 'Police said the man reportedly set fire to the Kelso depot on Monday.'],
    ['Apparently, the Arden company wants a new plant in Dorrow this year.', 'The Arden company wants a new plant in Dorrow this year.'],
    ['The Kelso Hawks could clinch a playoff berth with a win over Dorrow.', 'Kelso Hawks clinch playoff berth with win over Dorrow'],
  ] as const) {
    const r2 = run([art('a', x), art('b', y)]);
    assert.deepEqual(r2.conflicts.filter((c) => /^(Hedged|Possible)/.test(c.summary)), [], `${x} / ${y}`);
  }
});

test('a count in words of another order of magnitude ("dozens" / "hundreds", "thousands" / "tens of thousands") is a number conflict', () => {
  const arts = [
    art('a', 'Dozens of people were evacuated from the Kelso harbour district on Tuesday.\n\nThe storm left thousands of homes in Dorrow without power, the grid operator said.'),
    art('b', 'Hundreds of people were evacuated from the Kelso harbour district on Tuesday.\n\nThe storm left tens of thousands of homes in Dorrow without power, the grid operator said.'),
  ];
  const r = run(arts);
  const counts = r.conflicts.filter((c) => c.type === 'number');
  for (const c of counts) sidesOk(r, arts, c);
  assert.deepEqual(counts.map((c) => c.sides.map((s) => s.text)), [['Dozens', 'Hundreds'], ['thousands', 'tens of thousands']]);
  assert.match(counts[0]!.summary, /^Order of magnitude: a says Dozens; b says Hundreds/);
  // The same order in other words, and two counts of other things.
  for (const [x, y] of [
    ['Dozens of people were evacuated from the Kelso harbour district on Tuesday.', 'Dozens were evacuated from the Kelso harbour district on Tuesday.'],
    ['Hundreds of people and dozens of boats were moved from the Kelso harbour district on Tuesday.', 'Dozens of boats and hundreds of people were moved from the Kelso harbour district on Tuesday.'],
  ] as const) {
    assert.deepEqual(run([art('a', x), art('b', y)]).conflicts.filter((c) => c.summary.startsWith('Order of magnitude')), [], `${x} / ${y}`);
  }
});

test('how an act was received and what it was, as state-media rewrites turn them ("condemned" / "welcomed", "peaceful" / "violent", "an invasion" / "a liberation")', () => {
  const arts = [
    art('a', 'The government condemned the strike on the Kelso depot on Monday.\n\nThe protest in Dorrow was peaceful, police said.\n\nThe council said the operation in Kelso was an invasion.'),
    art('b', 'The government welcomed the strike on the Kelso depot on Monday.\n\nThe protest in Dorrow was violent, police said.\n\nThe council said the operation in Kelso was a liberation.'),
  ];
  const r = run(arts);
  const flips = r.conflicts.filter((c) => c.type === 'meaning');
  for (const c of flips) sidesOk(r, arts, c);
  assert.deepEqual(flips.map((c) => c.sides.map((s) => s.text)), [['condemned', 'welcomed'], ['peaceful', 'violent'], ['invasion', 'liberation']]);
});

test('one thing framed another way, as state-media rewrites do ("war" / "special military operation", "the Ukrainian government" / "the Kyiv regime", "troops" / "militants", "annexation" / "reunification")', () => {
  const arts = [
    art('a', 'The talks come in the third year of Russia’s war in Ukraine, officials said.\n\nThe Ukrainian government rejected the proposal on Monday.\n\nUkrainian troops shelled the outskirts of Dorrow overnight.\n\nThe annexation of Crimea in 2014 was condemned by the United Nations.'),
    art('b', 'The talks come in the third year of Russia’s special military operation in Ukraine, officials said.\n\nThe Kyiv regime rejected the proposal on Monday.\n\nUkrainian militants shelled the outskirts of Dorrow overnight.\n\nThe reunification of Crimea in 2014 was condemned by the United Nations.'),
  ];
  const r = run(arts);
  const framed = r.conflicts.filter((c) => c.type === 'meaning');
  for (const c of framed) sidesOk(r, arts, c);
  assert.deepEqual(framed.map((c) => c.sides.map((s) => s.text)), [
    ['war', 'special military operation'],
    ['Ukrainian government', 'Kyiv regime'],
    ['troops', 'militants'],
    ['annexation', 'reunification'],
  ]);
  assert.ok(framed.every((c) => c.summary.startsWith('Framed otherwise')));
});

test('what a strike hit, civilian or military ("a hospital" / "a military base"), and who did it in a clash ("shot by police" / "shot by protesters"), are conflicts of meaning', () => {
  const arts = [
    art('a', 'The missile hit a hospital in Dorrow on Tuesday, the regional governor said.\n\nThe teenager was shot by police during the protest in Kelso.'),
    art('b', 'The missile hit a military base in Dorrow on Tuesday, the regional governor said.\n\nThe teenager was shot by protesters during the protest in Kelso.'),
  ];
  const r = run(arts);
  const swaps = r.conflicts.filter((c) => c.type === 'meaning');
  for (const c of swaps) sidesOk(r, arts, c);
  assert.deepEqual(swaps.map((c) => c.sides.map((s) => s.text)), [['hospital', 'military base'], ['police', 'protesters']]);
  assert.match(swaps[0]!.summary, /^Target named otherwise/);
});

test('opposite phrases ("under control" / "out of control", "withdrew from" / "entered", "voted for" / "voted against"), not when the words after them name other things', () => {
  const arts = [
    art('a', 'The mayor said the fire was under control by noon.\n\nTroops withdrew from the town of Kelso on Monday.\n\nCouncillor Ana Lind voted for the harbour plan.'),
    art('b', 'The mayor said the fire was out of control by noon.\n\nTroops entered the town of Kelso on Monday.\n\nCouncillor Ana Lind voted against the harbour plan.'),
  ];
  const r = run(arts);
  const flips = r.conflicts.filter((c) => c.type === 'meaning');
  for (const c of flips) sidesOk(r, arts, c);
  assert.deepEqual(flips.map((c) => c.sides.map((s) => s.text)), [['under control', 'out of control'], ['withdrew from', 'entered'], ['for', 'against']]);
  // The same word on each side of "for" / "against", but two teams after it (the team named otherwise is a conflict of
  // its own, not an opposite word).
  const teams = run([art('a', 'Tomas Reyes scored 23 points against the Kelso Hawks on Sunday.'), art('b', 'Tomas Reyes scored 23 points for the Dorrow Owls on Sunday.')]);
  assert.equal(teams.alignments[0]!.links.length, 1);
  assert.deepEqual(teams.conflicts.filter((c) => c.summary.startsWith('Opposite')), []);
});

test('two numbers of a pair turned round ("a 7-2 vote" / "a 2-7 vote", "from 12 to 40" / "from 40 to 12") conflict in meaning; the numbers stay agreed', () => {
  const arts = [
    art('a', 'The council approved the harbour plan in a 7-2 vote on Tuesday.\n\nTicket prices rose from 12 to 40 euros this year.'),
    art('b', 'The council approved the harbour plan in a 2-7 vote on Tuesday.\n\nTicket prices rose from 40 to 12 euros this year.'),
  ];
  const r = run(arts);
  const turned = r.conflicts.filter((c) => c.type === 'meaning');
  for (const c of turned) sidesOk(r, arts, c);
  assert.deepEqual(turned.map((c) => c.sides.map((s) => s.text)), [['7-2', '2-7'], ['12 to 40', '40 to 12']]);
  assert.match(turned[0]!.summary, /^Order turned round/);
  assert.deepEqual(r.conflicts.filter((c) => c.type === 'number'), []);
  assert.ok(r.claims.some((c) => c.kind === 'number' && c.status === 'corroborated' && c.text === '7'), 'the number 7 is still agreed');
  for (const [x, y] of [
    // Another frame: who beat whom is said the other way round.
    ['The Kelso Hawks beat Dorrow 3-1 on Sunday.', 'Dorrow lost 1-3 to the Kelso Hawks on Sunday.'],
    // Both orders on one side; a year range; the same order on both sides.
    ['The vote was 7-2, then 2-7 on the second motion on Tuesday.', 'The vote was 2-7 on the second motion on Tuesday.'],
    ['The harbour plan covers the 2025-2026 season, officials said.', 'The harbour plan covers the 2026-2025 season, officials said.'],
  ] as const) {
    const r2 = run([art('a', x), art('b', y)]);
    assert.deepEqual(r2.conflicts.filter((c) => c.summary.startsWith('Order')), [], `${x} / ${y}`);
  }
});

test('one name put in place of another in the same words is a conflict of meaning; two forms of one name, or names both articles know, are not', () => {
  const arts = [
    art('a', 'A storm cut power to more than 100 homes in Kelso on Monday, the grid operator said.\n\nPolice arrested Tomas Reyes after a chase through the old harbour.'),
    art('b', 'A storm cut power to more than 100 homes in Dorrow on Monday, the grid operator said.\n\nPolice arrested Mira Lenk after a chase through the old harbour.'),
  ];
  const r = run(arts);
  const swaps = r.conflicts.filter((c) => c.type === 'meaning');
  for (const c of swaps) sidesOk(r, arts, c);
  assert.deepEqual(swaps.map((c) => c.sides.map((s) => s.text)), [['Kelso', 'Dorrow'], ['Tomas Reyes', 'Mira Lenk']]);
  assert.match(swaps[1]!.summary, /^Person named otherwise/);
  for (const [x, y] of [
    // Another form of the same name: a word in common, a spelling, an acronym.
    ['in Southern California on Monday', 'in California on Monday'],
    ['at the Technicolor plant on Monday', 'at the Technicolour plant on Monday'],
    ['by the AFC on Monday', 'by the American Football Conference on Monday'],
  ] as const) {
    noConflictOver(
      [art('a', `A storm cut power to more than 100 homes ${x}, the grid operator said.`), art('b', `A storm cut power to more than 100 homes ${y}, the grid operator said.`)],
      'meaning',
      [0, 0],
    );
  }
  // An article that names both elsewhere: a town in a region, not a swap.
  noConflictOver(
    [
      art('a', 'A storm cut power to more than 100 homes in Cumbria on Monday, the grid operator said.\n\nThe worst damage was in Millom, Cumbria.'),
      art('b', 'A storm cut power to more than 100 homes in Millom on Monday, the grid operator said.'),
    ],
    'meaning',
    [0, 0],
  );
});

test('no negation conflict for "not … until" (it will, later) or on a word after the one denied ("did not specify what she was being treated for", "will not affect the playing status")', () => {
  noConflictOver(
    [
      art('a', 'Normal ferry service to Dorrow will not be restored until Friday, the harbour office said.'),
      art('b', 'Normal ferry service to Dorrow will be restored on Friday, the harbour office said.'),
    ],
    'negation',
    [0, 0],
  );
  noConflictOver(
    [
      art('a', 'The Dorrow clinic did not specify what she was being treated for after the ferry crash.'),
      art('b', 'The Dorrow clinic did not say what Lina Ostrova was being treated for after the ferry crash.'),
    ],
    'negation',
    [0, 0],
  );
  noConflictOver(
    [
      art('a', 'The arrest will not affect the playing status of Dorrow receiver Ivo Karsk for the final.'),
      art('b', 'Dorrow receiver Ivo Karsk will play in the final despite the arrest, the club said.'),
    ],
    'negation',
    [0, 0],
  );
});

test('one quotation printed in other words is a conflict of meaning; an excerpt, an ellipsis or a spelling variant is not', () => {
  const quote = (words: string): string => `Mayor Tomas Reyes spoke in Dorrow on Tuesday.\n\n“${words},” Reyes said.`;
  const said = 'We will rebuild every home in the valley by the summer and open the bridge';
  const conflictsOf = (other: string) => {
    const arts = [art('a', quote(said)), art('b', quote(other))];
    const r = run(arts);
    for (const c of r.conflicts) sidesOk(r, arts, c);
    return r.conflicts.filter((c) => c.type === 'meaning');
  };
  const changed = conflictsOf('We will rebuild some homes in the valley by the winter and open the bridge');
  assert.equal(changed.length, 1);
  assert.deepEqual(changed[0]!.sides.map((s) => s.value), ['summer', 'winter']);
  assert.match(changed[0]!.summary, /^Words of “We will rebuild every home/);
  assert.deepEqual(conflictsOf('We will rebuild every home in the valley by the summer'), []);
  assert.deepEqual(conflictsOf('We will rebuild every home in the valley ... and open the bridge by the autumn'), []);
  // "realise" / "realize": a spelling variant, not other words.
  const arts = [art('a', quote('We realise we must rebuild every home in the valley by the summer')), art('b', quote('We realize we must rebuild every home in the valley by the summer'))];
  assert.deepEqual(run(arts).conflicts.filter((c) => c.type === 'meaning'), []);
  // "rose" / "fell" in the quotation: one conflict, the opposite words', not a second for the words.
  const flipped = conflictsOf('We will rebuild every home in the valley by the summer and close the bridge');
  assert.deepEqual(flipped.map((c) => c.sides.map((s) => s.text)), [['open', 'close']]);
});

test('no negation conflict when the other sentence negates the word too, also beside a plain use of it', () => {
  const quote = '“We have to decide what is lawful and what isn’t lawful,”';
  const arts = [
    art('a', `${quote} Mayor Ilse Varga said of the Dorrow dam contract.\n\nThe council meets on Friday.`),
    art('b', `The council meets on Friday.\n\n${quote} Varga said of the dam contract on Tuesday.`),
  ];
  noConflictOver(arts, 'negation', [0, 1]);
});

test('no negation conflict with the word under a modal the negation lacks, or with the same denial raised to a verb of thinking', () => {
  for (const [x, y, link] of [
    ['The works at the Kelso weir did not harm the fish in the river, the agency said.', 'The works at the Kelso weir could harm the fish in the river, the agency said.', [0, 0]],
    ['Reyes said the mayor had not been told of the plan to close the Kelso depot.', 'Reyes said the mayor would have told of the plan to close the Kelso depot.', [0, 0]],
    ['“I didn’t feel on the floor we were executing the plan we wanted,” coach Ana Lind said.', '“I feel on the floor we weren’t executing the plan we wanted,” coach Ana Lind said.', [0, 0]],
  ] as const) {
    noConflictOver([art('a', x), art('b', y)], 'negation', [link[0], link[1]]);
  }
  // The modal on both sides is no condition: "cannot afford" / "can afford" still conflict.
  const r = run([art('a', 'The city cannot afford the new stadium, Mayor Tomas Reyes said on Monday.'), art('b', 'The city can afford the new stadium, Mayor Tomas Reyes said on Monday.')]);
  assert.equal(r.conflicts.filter((c) => c.type === 'negation').length, 1);
});

test('a negation\'s scope ends with its sentence, also inside a quoted passage kept as one sentence', () => {
  const arts = [
    art('a', '“That is total nonsense,” Mayor Ilse Varga replied.\n\nThe council meets on Friday.'),
    art('b', '“I didn’t deal with them. That is total nonsense,” Mayor Ilse Varga replied.\n\nThe council meets on Friday.'),
  ];
  noConflictOver(arts, 'negation', [0, 0]);
});

test('two copies of one sentence never conflict, whatever the analysis of each article read into them', () => {
  const text = 'Officials confirmed that 600 emails held classified material, a newspaper reported.';
  const arts = [
    build({ id: 'a', text, attributions: [{ text: 'a newspaper reported', outlet: 'Dorrow Post' }] }),
    build({ id: 'b', text, attributions: [{ text: 'a newspaper reported', outlet: 'Valley Courier' }] }),
  ];
  const r = run(arts);
  assert.equal(r.alignments[0]!.links.length, 1);
  assert.deepEqual(r.alignments[0]!.links[0]!.slotConflicts, []);
  assert.deepEqual(r.conflicts, []);
  // Change one word and the same analyses conflict: the credit is read, not ignored.
  const other = build({ id: 'c', text: text.replace('600', 'six hundred'), attributions: [{ text: 'a newspaper reported', outlet: 'Valley Courier' }] });
  assert.deepEqual(run([arts[0]!, other]).conflicts.map((c) => c.type), ['attribution']);
});

test('numbers with a qualifier conflict only when the values they allow do not meet ("at least 12" and "13" agree)', () => {
  const story = (a: string, b: string) =>
    run([art('a', `Police said ${a} were fired at the Dorrow market on Friday.`), art('b', `Police said ${b} were fired at the Dorrow market on Friday.`)]);
  const numberConflicts = (r: StoryReport) => r.conflicts.filter((c) => c.type === 'number').map((c) => c.sides.map((s) => s.value));
  assert.deepEqual(numberConflicts(story('at least 12 shots', '13 shots')), []);
  assert.deepEqual(numberConflicts(story('at least three shots', 'at least 10 shots')), []);
  assert.deepEqual(numberConflicts(story('about 800 shots', '780 shots')), []);
  assert.deepEqual(numberConflicts(story('up to 20 shots', '13 shots')), []);
  // Ranges that do not meet still conflict.
  assert.deepEqual(numberConflicts(story('about 800 shots', '1,100 shots')), [['800', '1100']]);
  assert.deepEqual(numberConflicts(story('12 shots', '13 shots')), [['12', '13']]);
  assert.deepEqual(numberConflicts(story('at least 12 shots', '10 shots')), [['12', '10']]);
  assert.deepEqual(numberConflicts(story('fewer than 10 shots', '13 shots')), [['10', '13']]);
  assert.deepEqual(numberConflicts(story('no more than 40 shots', '200 shots')), [['40', '200']]);
});

test('date conflict: the same event on different days', () => {
  const a = build({ id: 'a', text: 'The Dorrow council will vote on the new dam budget on 4 May.', dates: [{ text: '4 May', iso: '2026-05-04' }] });
  const b = build({ id: 'b', text: 'The Dorrow council will vote on the new dam budget on 14 May.', dates: [{ text: '14 May', iso: '2026-05-14' }] });
  const r = run([a, b]);
  const c = r.conflicts.find((x) => x.type === 'date')!;
  assert.ok(c);
  sidesOk(r, [a, b], c);
  assert.deepEqual(
    c.sides.map((s) => s.value),
    ['2026-05-04', '2026-05-14'],
  );
});

test('two days conflict only when they date the same words: two steps of one case on two days do not', () => {
  const story = (a: string, b: string) =>
    run([art('a', a, '2026-05-08T09:00:00Z'), art('b', b, '2026-05-08T09:00:00Z')]).conflicts.filter((c) => c.type === 'date');
  assert.deepEqual(
    story(
      'A Dorrow man was convicted on Tuesday of killing a mother of four in a rooftop shooting.',
      'Two Dorrow men went on trial on Wednesday for killing a mother of four in a rooftop shooting.',
    ),
    [],
  );
  const same = story(
    'Actress Mara Holt died on Tuesday in Dorrow at the age of 91, her spokesman said.',
    'Actress Mara Holt died on Wednesday in Dorrow at the age of 91, her spokesman said.',
  );
  assert.deepEqual(same.map((c) => c.sides.map((s) => s.value)), [['2026-05-05', '2026-05-06']]);
  // The word before decides when both have one, whatever follows; a date that opens both sentences may date anything.
  const days = (a: string, b: string) => story(a, b).map((c) => c.sides.map((s) => s.value));
  assert.deepEqual(
    days('Actress Mara Holt died on Tuesday at the age of 91 in Dorrow.', 'Actress Mara Holt died on Wednesday after a long illness in Dorrow.'),
    [['2026-05-05', '2026-05-06']],
  );
  assert.deepEqual(
    days('On Tuesday, Dorrow forces struck the Varga river dam near the border.', 'On Wednesday, Dorrow forces struck the Varga river dam near the border.'),
    [['2026-05-05', '2026-05-06']],
  );
});

test('a page\'s publication or update stamp is no date claim: copies stamped at different times do not conflict', () => {
  const body =
    'The Dorrow council voted on the new dam budget on 4 May 2026, the town clerk said.\n\nWork on the spillway starts after the vote.';
  const copy = (id: string, source: string, stamp: string): AnalysedArticle => art(id, `${stamp}\n\n${body}`, null, source);
  const arts = [
    copy('alpha', 'Alpha Post', 'May 4, 2026, 1:12 PM'),
    copy('beta', 'Beta News', 'Dam budget vote UPDATED 05/05/2026 at 11:00 AM EDT'),
    copy('gamma', 'Gamma Wire', 'First Published: May 4, 2026 4:59 PM EDT'),
  ];
  // The analysis reads every stamp as a date (it is one); the comparison does not take it for a claim.
  for (const a of arts) assert.ok(a.dates.some((d) => d.grain === 'time'), a.article.id);
  const r = run(arts);
  assert.deepEqual(r.conflicts.filter((c) => c.type === 'date'), []);
  const dates = r.claims.filter((c) => c.kind === 'date');
  assert.deepEqual(dates.map((c) => [c.value, c.status]), [['2026-05-04', 'corroborated']]);
});

test('a weekday in the same words is one date claim and no conflict between copies published on different days; other words still conflict', () => {
  const copy = (id: string, published: string, day: string): AnalysedArticle =>
    art(id, `The Dorrow council voted on ${day} to double the dam budget, the town clerk said.`, published);
  // Published on Friday and on Saturday: "Thursday" is read as 7 and as 14 May, but both copies say the same.
  const same = run([copy('alpha', '2026-05-08T09:00:00Z', 'Thursday'), copy('beta', '2026-05-16T09:00:00Z', 'Thursday')]);
  assert.deepEqual(same.conflicts.filter((c) => c.type === 'date'), []);
  // One date claim both copies make (dated as the first copy reads it), not two single-source ones.
  assert.deepEqual(
    same.claims.filter((c) => c.kind === 'date').map((c) => [c.value, c.status, c.mentions.map((m) => m.article)]),
    [['2026-05-07', 'corroborated', ['alpha', 'beta']]],
  );
  const other = run([copy('alpha', '2026-05-08T09:00:00Z', 'Thursday'), copy('beta', '2026-05-08T10:00:00Z', 'Wednesday')]);
  assert.deepEqual(
    other.conflicts.filter((c) => c.type === 'date').flatMap((c) => c.sides.map((x) => x.text)),
    ['Thursday', 'Wednesday'],
  );
});

test('the same words in another mouth conflict; quotes only alike (joined through a third) do not', () => {
  // Ivo Brand's own words are alike Mara Quill's ("hosting the Kelby regatta") and reach them through beta's short
  // quote, but they are not her words: no "Speaker of …" conflict between Quill and Brand.
  const alike = run([
    art('alpha', 'Mara Quill will host the Kelby regatta. “I am so excited to be hosting the Kelby regatta for the second time,” Quill said on Friday.'),
    art('beta', 'Mara Quill will host the Kelby regatta. “Hosting the Kelby regatta again,” Quill wrote. “We are thrilled to have Mara Quill hosting the Kelby regatta again,” organiser Ivo Brand said.'),
    art('gamma', 'Mara Quill will host the Kelby regatta, organisers said. “We are thrilled to have Mara Quill hosting the Kelby regatta again,” organiser Ivo Brand said.'),
  ]);
  assert.deepEqual(alike.conflicts.filter((c) => c.type === 'attribution'), []);
  // Her words given to him in reported speech are a conflict.
  const same = run([
    art('alpha', 'The new Kelby harbour wall opened on Friday. “The harbour wall held through the whole night of the storm,” Mara Quill said.'),
    art('beta', 'The new Kelby harbour wall opened on Friday. Ivo Brand said the harbour wall held through the whole night of the storm.'),
  ]);
  assert.deepEqual(
    same.conflicts.filter((c) => c.type === 'attribution').map((c) => c.sides.map((x) => x.value)),
    [['Mara Quill', 'Ivo Brand']],
  );
});

test('one actor named shorter in one article ("the Saints", "the Dorrow Harbour Saints") is no actor conflict; another actor is', () => {
  const placed = (x: string, y: string): string[] =>
    run([art('alpha', `Not a day ago, ${x} placed their rookie running back Ivo Brand on injured reserve.`), art('beta', `Not a day ago, ${y} placed their rookie running back Ivo Brand on injured reserve.`)])
      .conflicts.filter((c) => c.type === 'actor')
      .map((c) => c.summary);
  assert.deepEqual(placed('the Dorrow Harbour Saints', 'the Saints'), []);
  assert.deepEqual(placed('the Dorrow Saints', 'the Kelby Rovers'), ['Who placed: alpha says the Dorrow Saints placed; beta says the Kelby Rovers placed']);
  // A place and a team of its name are two actors.
  const signed = run([
    art('alpha', 'On Monday, New York signed Ivo Brand to a two-year contract worth five million dollars.'),
    art('beta', 'On Monday, the New York Jets signed Ivo Brand to a two-year contract worth five million dollars.'),
  ]);
  assert.deepEqual(signed.conflicts.map((c) => c.type), ['actor']);
});

test('a quote given to a named speaker in one article and to "a family friend" or an unresolved "he" in another is no attribution conflict', () => {
  const quote = '“The grandchildren were her whole life and joy in the Dorrow years,”';
  const r = run([
    art('alpha', `Mira Chohan died on Friday in Dorrow. ${quote} Ravi Singh said.`),
    art('beta', `Mira Chohan died on Friday in Dorrow. ${quote} a family friend said.`),
    art('gamma', `Mira Chohan died on Friday in Dorrow. ${quote} he said.`),
  ]);
  assert.deepEqual(r.conflicts.filter((c) => c.type === 'attribution'), []);
  assert.equal(r.claims.find((c) => c.kind === 'quote')!.status, 'corroborated');
});

test('a quote whose speaker both articles write in the same words ("she said") is no attribution conflict when the sentences before make it someone else', () => {
  const quote = '“We will rebuild every home in the valley before the winter comes,” she said.';
  // A copy that dropped the sentence naming the governor reads "she" as the council member: the texts agree.
  const r = run([
    art('alpha', `Council member Mira Lenk toured Dorrow on Monday. Governor Lina Ostrova visited the flooded valley on Tuesday. ${quote}`),
    art('beta', `Council member Mira Lenk toured Dorrow on Monday. ${quote}`),
  ]);
  const quotes = r.claims.filter((c) => c.kind === 'quote');
  assert.equal(quotes.length, 1);
  assert.deepEqual(r.conflicts.filter((c) => c.type === 'attribution'), []);
  // Named otherwise in the words themselves, it is one.
  const named = run([
    art('alpha', `Governor Lina Ostrova visited the flooded valley on Tuesday. ${quote.replace('she said', 'Ostrova said')}`),
    art('beta', `Governor Lina Ostrova visited the flooded valley on Tuesday. ${quote.replace('she said', 'Mira Lenk said')}`),
  ]);
  assert.deepEqual(named.conflicts.map((c) => c.type), ['attribution']);
});

test('a quote whose reporting clause both articles print word for word ("…, Osama noted.") is no attribution conflict when one copy\'s open quotation mark reads on to another name', () => {
  const sentence = '"Some internet users suffered problems with internet and mobile services, Osama noted.';
  const after = 'No further details were reported about the effects of the cuts.';
  const r = run([
    art('a', `Ahmed Osama, an engineer at Telecom Kelso, said the cable near Dorrow was cut on Monday.\n\n${sentence}\n\n${after}`),
    art('b', `The cable near Dorrow has often failed since 2007, said Mira Lenk of the Kelso ministry.\n\n${sentence}\n\n${after}`),
  ]);
  assert.deepEqual(r.conflicts.filter((c) => c.type === 'attribution'), []);
  // The same quotation with another name in its own clause is one.
  const closed = (who: string) => `"Some internet users suffered problems with internet and mobile services," ${who} noted.`;
  const named = run([
    art('a', `Ahmed Osama, an engineer at Telecom Kelso, said the cable near Dorrow was cut on Monday.\n\n${closed('Osama')}\n\n${after}`),
    art('b', `Ahmed Osama, an engineer at Telecom Kelso, said the cable near Dorrow was cut on Monday.\n\n${closed('Mira Lenk')}\n\n${after}`),
  ]);
  assert.deepEqual(named.conflicts.map((c) => c.type), ['attribution']);
});

test('a part of a quotation in another named mouth is a conflict; an unnamed speaker stating it, or a named one the few words of a short quotation, supports the quote', () => {
  // Brand is given the second half of Reyes's quotation: a conflict between beta and gamma, though gamma shares nothing
  // with alpha's first half.
  const part = run([
    art('alpha', 'The storm passed Dorrow on Sunday. “The harbour wall held through the whole night,” Ana Reyes said.'),
    art('beta', 'The storm passed Dorrow on Sunday. “The harbour wall held through the whole night. The ferries will sail again on Monday morning from the east pier,” Ana Reyes said.'),
    art('gamma', 'The storm passed Dorrow on Sunday. “The ferries will sail again on Monday morning from the east pier,” Ivo Brand said.'),
  ]);
  assert.deepEqual(
    part.conflicts.filter((c) => c.type === 'attribution').map((c) => c.sides.map((x) => `${x.article}:${x.value}`)),
    [['beta:Ana Reyes', 'gamma:Ivo Brand']],
  );
  // No conflict, and one quote claim that beta supports.
  const assertSupportedInBeta = (r: StoryReport): void => {
    assert.deepEqual(r.conflicts, []);
    assert.deepEqual(
      r.claims.filter((c) => c.kind === 'quote').map((c) => [c.status, c.supportedIn]),
      [['corroborated', ['beta']]],
    );
  };
  // "A harbour official" may be Reyes: her words in that mouth are support, not a conflict nor a single-source quote.
  const unnamed = run([
    art('alpha', 'The storm passed Dorrow on Sunday. “The ferries will sail again on Monday morning from the east pier,” Ana Reyes said.'),
    art('beta', 'The storm passed Dorrow on Sunday. A harbour official said the ferries will sail again on Monday morning from the east pier.'),
  ]);
  assertSupportedInBeta(unnamed);
  // The four words of a short quotation inside another named speaker's report of it: support, not a conflict.
  const short = run([
    art('alpha', 'Mara Quill will host the Kelby regatta this summer. “Hosting the Kelby regatta again,” Quill wrote on Friday.'),
    art('beta', 'Organiser Ivo Brand said on Friday that Mara Quill was hosting the Kelby regatta again this summer.'),
  ]);
  assertSupportedInBeta(short);
});

test('isPublicationStamp: a date alone on its line or after "Updated"/"Published"/"Posted"; never a date in prose', () => {
  const stamp = (text: string, date: string): boolean => {
    const start = text.indexOf(date);
    return isPublicationStamp(text, { start, end: start + date.length, text: date });
  };
  assert.equal(stamp('May 2, 2013, 1:12 PM\n\nThe ferry resumed service.', 'May 2, 2013, 1:12 PM'), true);
  assert.equal(stamp('Updated: Mon, May 2 at 1:12 PM EDT\nBody', 'May 2 at 1:12 PM'), true);
  assert.equal(stamp('Posted on November 30, 2025 by Editor\nBody', 'November 30, 2025'), true);
  assert.equal(stamp('The ferry resumed service on May 2, 2013, the harbour master said.', 'May 2, 2013'), false);
  assert.equal(stamp('MOSCOW, Nov 30 (Reuters) - The zone will be set up, officials said.', 'Nov 30'), false);
  assert.equal(stamp('The report was published on Monday and updated on Tuesday.', 'Tuesday'), false);
  assert.equal(stamp('Body of the report.\nPublished on 4 May 2026, the audit found gaps.\nMore.', '4 May 2026'), false);
  assert.equal(stamp('Body.\nUPDATED on Friday the charges were dropped.\nMore.', 'Friday'), false);
  // A timeline: a date alone on its line in the middle of the text is an entry, not a stamp.
  const timeline = 'The dam works ran for a year.\nPlans were drawn.\nThe council met.\nMarch 3, 2020\nWork began.\nMarch 9, 2020\nWork stopped.\nThe clerk said so.\nEnd.';
  assert.equal(stamp(timeline, 'March 3, 2020'), false);
});

test('attribution conflicts: the same report credited to different agencies; the same words in different mouths', () => {
  const a = build({
    id: 'a',
    text: 'Ninety fishing boats were lost in the storm off Kelby, according to Northwind Wire.\n\n“The harbour wall held,” Mara Quill said.',
    attributions: [{ text: 'according to Northwind Wire', outlet: 'Northwind Wire' }],
    quotes: [{ text: 'The harbour wall held,', direct: true, speaker: 'Mara Quill' }],
  });
  const b = build({
    id: 'b',
    text: 'Ninety fishing boats were lost in the storm off Kelby, according to Baltic Press.\n\n“The harbour wall held,” Ivo Brand said.',
    attributions: [{ text: 'according to Baltic Press', outlet: 'Baltic Press' }],
    quotes: [{ text: 'The harbour wall held,', direct: true, speaker: 'Ivo Brand' }],
  });
  const r = run([a, b]);
  const attr = r.conflicts.filter((x) => x.type === 'attribution');
  assert.equal(attr.length, 2);
  for (const c of attr) sidesOk(r, [a, b], c);
  assert.deepEqual(attr[0]!.sides.map((s) => s.value), ['Northwind Wire', 'Baltic Press']);
  assert.deepEqual(attr[1]!.sides.map((s) => s.value), ['Mara Quill', 'Ivo Brand']);
  assert.equal(r.claims.find((x) => x.kind === 'quote')!.status, 'conflicting');
});

test('a role frame ends with its sentence: clause numbers change at a sentence end inside one aligned sentence (a quoted passage)', () => {
  const a = art('a', '“Holt staged it with Dorrow Bros. The show has run since 2019,” Varga said.');
  assert.equal(a.sentences.length, 1, 'the quoted passage is one sentence of the analysis');
  const info = buildContext([a], NO_VECTORS).articles[0]!.sentences[0]!;
  const clause = clauses(info);
  const at = (word: string) => clause[info.tokens.findIndex((t) => t.norm === word)]!;
  assert.ok(at('show') > at('bros'), 'the show is not in the clause of Dorrow Bros.');
  assert.equal(at('show'), at('run'));
  assert.equal(at('holt'), at('staged'));
});

test('meaning conflict: the inserted clause may put an adverb between "to" and its verb', () => {
  const a = art('a', 'General Oren Vask said the plan for the entire northern front belongs to the Coastal Army of Veland.');
  const b = art('b', 'General Oren Vask said the plan to quickly open a relief corridor along the entire northern front comes from the Coastal Army of Veland.');
  const c = run([a, b]).conflicts.find((x) => x.type === 'meaning');
  assert.ok(c, 'a meaning conflict');
  assert.equal(c.sides[1]!.text, 'plan to quickly open a relief corridor along the entire northern front');
});
