import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitSentences } from '../src/analyse/sentences.js';
import { extractEntities } from '../src/analyse/entities.js';
import { extractQuotes } from '../src/analyse/quotes.js';
import { unifyDoubleMarks } from '../src/analyse/quote-normalise.js';
import { isQuoteVerbAt } from '../src/analyse/quote-verbs.js';
import type { Quote } from '../src/types.js';

/** Direct quotes of a text we wrote (fictional people), with the entity step as in `extract`. */
function direct(t: string): Quote[] {
  const sentences = splitSentences(t);
  const qs = extractQuotes(t, sentences, extractEntities(t, sentences)).filter((q) => q.direct);
  for (const q of qs) {
    assert.equal(t.slice(q.start, q.end), q.text);
    if (q.speaker) assert.equal(t.slice(q.speaker.start, q.speaker.end), q.speaker.text);
  }
  return qs;
}

test('unifyDoubleMarks: straight marks become curly by their neighbours; length and other text unchanged', () => {
  const t = '"We will rebuild,” Ivo Karsk said. “Soon," he added. It is \'a new dawn,\' " Karsk said. a " b';
  const u = unifyDoubleMarks(t);
  assert.equal(u.length, t.length);
  assert.equal(u, '“We will rebuild,” Ivo Karsk said. “Soon,” he added. It is \'a new dawn,\' ” Karsk said. a " b');
  assert.equal(unifyDoubleMarks('no marks'), 'no marks');
  assert.equal(unifyDoubleMarks('“It was close,“ Mara Lind said.'), '“It was close,” Mara Lind said.');
  // Marks at both ends, side by side, and curly and straight marks interleaved: each read by its own neighbours.
  assert.equal(unifyDoubleMarks('"Yes"'), '“Yes”');
  assert.equal(unifyDoubleMarks('He said ""'), 'He said “”');
  assert.equal(unifyDoubleMarks('"A," “B,“ "C," “D”'), '“A,” “B,” “C,” “D”');
  assert.equal(unifyDoubleMarks('x "' + 'a '.repeat(500) + 'b"'), 'x “' + 'a '.repeat(500) + 'b”');
});

test('mixed straight/curly marks: the clause after the quote is found', () => {
  const t = 'The council met on Monday.\n\n"The bridge will reopen in May,” Ivo Karsk said.\n\n“We checked every cable," Mara Lind said.';
  const qs = direct(t);
  assert.equal(qs.length, 2);
  assert.equal(qs[0]!.text, 'The bridge will reopen in May,');
  assert.equal(qs[0]!.speaker!.start, t.indexOf('Ivo Karsk'));
  assert.equal(qs[1]!.speaker!.start, t.indexOf('Mara Lind'));
});

test('manner-of-speaking and two-word reporting verbs; "as X put it"', () => {
  assert.ok(isQuoteVerbAt([{ lower: 'shot' }, { lower: 'back' }], 0));
  assert.ok(!isQuoteVerbAt([{ lower: 'shot' }, { lower: 'the' }], 0));
  const t =
    'The budget vote failed late on Tuesday.\n\n“We will not give up on the harbour plan,” Mara Lind fumed.\n\n' +
    '“Nobody asked you to give up anything,” Tomas Reyes shot back.\n\n' +
    'As Elena Marsh put it: “The harbour is the whole town.”';
  const qs = direct(t);
  assert.equal(qs.length, 3);
  assert.equal(qs[0]!.speaker!.start, t.indexOf('Mara Lind'));
  assert.equal(qs[0]!.cue!.text, 'fumed');
  assert.equal(qs[1]!.speaker!.start, t.indexOf('Tomas Reyes'));
  assert.equal(qs[1]!.cue!.text, 'shot back');
  assert.equal(qs[2]!.speaker!.start, t.indexOf('Elena Marsh'));
});

test('participle after a comma: the subject of the main clause speaks, not the people told', () => {
  const t = 'At the rally in Eastbridge, Ivo Karsk thanked his volunteers, telling Radio Norte, “We won this together.”';
  const qs = direct(t);
  assert.equal(qs.length, 1);
  assert.equal(qs[0]!.speaker!.start, t.indexOf('Ivo Karsk'));
  assert.equal(qs[0]!.cue!.text, 'telling');
});

test('a colon after a clause without a reporting verb: the main-clause subject after an opening adverbial', () => {
  const t = 'The plan was published on Friday.\n\nIn a statement on Friday, Mara Lind was blunt: “This plan will fail the valley.”';
  const qs = direct(t);
  assert.equal(qs.length, 1);
  assert.equal(qs[0]!.speaker!.start, t.indexOf('Mara Lind'));
});

test('two quotes are not joined across a sentence end: “A,” X said. But she added, “B.”', () => {
  const t = '“The bridge is safe,” Lena Ortiz said at the briefing. But she added, “We will keep watching it every week.”';
  const qs = direct(t);
  assert.equal(qs.length, 2);
  assert.equal(qs[0]!.fragments, undefined);
  assert.equal(qs[1]!.speaker!.text, 'she');
  assert.equal(qs[1]!.speaker!.name, 'Lena Ortiz');
});

test('a quotation going on after its reporting clause with an appositive is one quote, with the clause’s speaker', () => {
  const t = 'The mill closed in March.\n\n“We saw it coming for years,” said Tomas Reyes, a former foreman at the mill. “Nobody listened to us back then.”';
  const qs = direct(t);
  assert.equal(qs.length, 1);
  assert.equal(qs[0]!.fragments?.length, 2);
  assert.equal(qs[0]!.speaker!.start, t.indexOf('Tomas Reyes'));
});

test('“…?” X said of …, when …: a reporting sentence of its own with a comma tail', () => {
  const t = 'The vote failed again.\n\n“Who do they think they are?” Ivo Karsk said of the council on Monday, when the second vote failed by a single ballot in the chamber.';
  const qs = direct(t);
  assert.equal(qs.length, 1);
  assert.equal(qs[0]!.speaker!.start, t.indexOf('Ivo Karsk'));
});

test('round-up style "Headline - Name: “…”" and a long description as subject', () => {
  const t =
    'HARBOUR NUMBERS LOOK BETTER - Lena Ortiz: “The catch grew for the third year in a row.”\n\n' +
    '“We will appeal the ruling,” the Northland senator and former trade minister said in a statement.';
  const qs = direct(t);
  assert.equal(qs.length, 2);
  assert.equal(qs[0]!.speaker!.start, t.indexOf('Lena Ortiz'));
  assert.equal(qs[1]!.speaker!.text, 'the Northland senator and former trade minister');
});

test('“…” He added, “B.” — a clause that opens the next quotation is not the speaker of the one before', () => {
  const t = 'The hearing ended late. When Ivo Karsk spoke, he replied, “This was the hardest case of my career.” He added, “I will appeal the ruling.”';
  const qs = direct(t);
  assert.equal(qs.length, 2);
  assert.equal(qs[0]!.speaker!.start, t.indexOf('he replied'));
  assert.equal(qs[1]!.speaker!.start, t.indexOf('He added'));
});

test('a long title phrase before the name: the name speaks ("Northland Water Board senior engineer Tomas Reyes said")', () => {
  const t =
    'Ivo Karsk visited the dam on Monday.\n\n“We have enough water for a week,” Northland Water Board senior engineer Tomas Reyes said.\n\n' +
    '“The gates held,” Arden’s water board chief Ana Lind wrote on Facebook.';
  const qs = direct(t);
  assert.equal(qs.length, 2);
  assert.equal(qs[0]!.speaker!.text, 'Tomas Reyes');
  assert.equal(qs[0]!.cue!.text, 'said');
  assert.equal(qs[1]!.speaker!.text, 'Ana Lind');
});

test('appositives with commas inside, before the verb: the person before them speaks, not a place in them', () => {
  const t =
    'Ivo Karsk visited the dam on Monday.\n\n“We have enough water for a week,” Tomas Reyes, 67, a retired engineer in Arden, said in an interview.\n\n' +
    '“The gates held,” Mr. Anton Weller, now 81 and retired in Arden, Vale., said by telephone.\n\n' +
    'Ana Lind, a close friend of Mrs. Karsk’s who was her chief of staff at the water board, said, “Even as mayor, she never left the office.”';
  const qs = direct(t);
  assert.equal(qs.length, 3);
  assert.equal(qs[0]!.speaker!.text, 'Tomas Reyes');
  assert.equal(qs[1]!.speaker!.name, 'Anton Weller');
  assert.equal(qs[2]!.speaker!.text, 'Ana Lind');
});

test('"X of the Y told": the person named before "of"; a capitalised "Post"/"Press" in a name is not a reporting verb', () => {
  const t =
    'Ivo Karsk visited the dam on Monday.\n\nHowever, as Archbishop Tomas Reyes of the Arden Patriarchate of Vale told the Northland Press (NP), “We have suffered the same fate as the valley.”\n\n' +
    'On the topic, Arden chapter president Ana Lind told The Northland Post: “A lot of people assume that the dam is safe.”';
  const qs = direct(t);
  assert.equal(qs.length, 2);
  assert.equal(qs[0]!.speaker!.name, 'Tomas Reyes');
  assert.equal(qs[0]!.cue!.text, 'told');
  assert.equal(qs[1]!.speaker!.text, 'Ana Lind');
  assert.equal(qs[1]!.cue!.text, 'told');
  assert.ok(!isQuoteVerbAt([{ lower: 'northland', cap: true }, { lower: 'post', cap: true }], 1));
});

test('an office speaks for its holder: "Karsk’s office said" is the speaker phrase, not an earlier person', () => {
  const t = 'Ivo Karsk visited the dam on Monday.\n\n“We have enough water for a week,” Karsk’s office said in a statement.';
  const qs = direct(t);
  assert.equal(qs.length, 1);
  assert.equal(qs[0]!.speaker!.text, 'Karsk’s office');
  assert.equal(qs[0]!.speaker!.via, 'description');
});

test('“…?” X asked the mayor: a short sentence naming whom the question went to is the reporting clause', () => {
  const t = 'Ivo Karsk met the press.\n\n“Did you know it was the old dam?” Ana Lind asked the mayor.';
  const qs = direct(t);
  assert.equal(qs.length, 1);
  assert.equal(qs[0]!.speaker!.text, 'Ana Lind');
  assert.equal(qs[0]!.cue!.text, 'asked');
});

test('a quotation signed on the next line ("- Ana Lind.", "—President Karsk, tweeting …") is that person’s', () => {
  const t =
    'Ivo Karsk spoke on Monday.\n\n"The idea that I would close the dam while we wait is just not accurate."\n\n- Ana Lind.\n\n' +
    'Lind exaggerates when she says it.\n\n"Great speech. She is tested."\n\n—President Karsk, tweeting after the speech.';
  const qs = direct(t);
  assert.equal(qs.length, 2);
  assert.equal(qs[0]!.speaker!.name, 'Ana Lind');
  assert.equal(qs[0]!.speaker!.start, t.indexOf('Ana Lind'));
  assert.equal(qs[1]!.speaker!.name, 'Ivo Karsk');
  assert.equal(qs[1]!.speaker!.start, t.lastIndexOf('Karsk'));
});

test('“A,” X said. ¶ Y agreed. “B.” — the person introduced just before B speaks it, not the last speaker', () => {
  const t =
    '“We need more water,” said Ivo Karsk.\n\nArden University’s Ana Lind agreed. “Engineers are running out of time to find an alternative to the dam.”';
  const sentences = splitSentences(t);
  const entities = extractEntities(t, sentences);
  assert.ok(entities.some((e) => e.type === 'person' && e.name === 'Ana Lind'), 'the possessive ends the organisation name');
  assert.ok(entities.some((e) => e.name === 'Arden University'));
  const qs = direct(t);
  assert.equal(qs.length, 2);
  assert.equal(qs[0]!.speaker!.name, 'Ivo Karsk');
  assert.equal(qs[1]!.speaker!.name, 'Ana Lind');
});

test('a participle after a prepositional object: the subject of the sentence speaks ("sent a text to supporters saying", "On Radio Norte, she responded by saying")', () => {
  const t =
    'Ivo Karsk won the vote on Tuesday.\n\nHis campaign sent out a text message to supporters saying: “With your help, we won the harbour seat.”\n\n' +
    'Mara Lind was not convinced. On Radio Norte, she responded on Wednesday by saying, “Seriously, just stop counting.”';
  const qs = direct(t);
  assert.equal(qs.length, 2);
  assert.equal(qs[0]!.speaker!.text, 'His campaign');
  assert.equal(qs[1]!.speaker!.text, 'she');
  assert.equal(qs[1]!.speaker!.name, 'Mara Lind');
});

test('vox pops: a quotation opening its paragraph, signed on the same line after a dash, is that person’s; a dash inside the writer’s sentence is not a signature', () => {
  const t =
    'Voters in Arden spoke to us.\n\n“The dam must be fixed before winter.” ― Ana Lind\n\n“Nobody listens to the valley.”— Tomas Reyes.\n\n' +
    'Ivo Karsk called the repairs “a waste of money for the valley” — Lind rejected that.';
  const qs = direct(t);
  assert.equal(qs[0]!.speaker!.text, 'Ana Lind');
  assert.equal(qs[1]!.speaker!.text, 'Tomas Reyes');
  const partial = extractQuotes(t, splitSentences(t), extractEntities(t, splitSentences(t))).find((q) => q.text.startsWith('a waste'));
  assert.ok(partial);
  assert.notEqual(partial.speaker?.name, 'Ana Lind');
});

test('a reporting clause later in the writer’s sentence: “A big truck” plowed through …, he said / “…” before the vote, Ana Lind said', () => {
  const t =
    'Mayor Ivo Karsk watched the parade.\n\n“A big truck” plowed through the barriers that had been set up for the festival, he said, and “everyone started running.”\n\n' +
    '“People were celebrating” before the vote, Ana Lind said.';
  const qs = direct(t);
  const truck = qs.find((q) => q.text === 'A big truck');
  assert.ok(truck);
  assert.equal(truck.speaker!.name, 'Ivo Karsk');
  assert.equal(truck.cue!.text, 'said');
  assert.equal(qs.find((q) => q.text === 'People were celebrating')!.speaker!.text, 'Ana Lind');
});

test('a new clause after a quotation is not its reporting clause ("…,” but she denied …); the verb just before a participle gives its subject', () => {
  const t =
    'Ana Lind spoke at the hearing on Monday.\n\nShe declared “What a day for the valley!” and said that her campaign would go on.\n\n' +
    'Karsk left early, Lind said, adding, “He was not very religious.”';
  const sentences = splitSentences(t);
  const all = extractQuotes(t, sentences, extractEntities(t, sentences));
  const qs = all.filter((q) => q.direct);
  assert.equal(qs[0]!.speaker!.text, 'She');
  assert.equal(qs[0]!.speaker!.name, 'Ana Lind');
  assert.equal(qs[1]!.speaker!.text, 'Lind');
  // "Karsk left early, Lind said" is reported speech; the quotation after "adding" is not part of it.
  const indirect = all.find((q) => !q.direct && q.text.startsWith('Karsk left early'));
  assert.ok(indirect);
  assert.equal(indirect.text, 'Karsk left early');
});

test('adverbs before the verb, statements and long addressees: "jokingly said", "issued a statement,", "told the Harbor Post in a written statement,"', () => {
  const t =
    'Ivo Karsk spoke on Monday. Ana Lind met him later.\n\nKarsk told the Harbor Post in a written statement, “I really do not want the endorsement.”\n\n' +
    'Lind jokingly said, “I hate to say it, I am becoming mainstream.”\n\nImmediately after the vote, Karsk issued a statement, “Last night, our town was flooded.”';
  const qs = direct(t);
  assert.deepEqual(qs.map((q) => q.speaker?.name), ['Ivo Karsk', 'Ana Lind', 'Ivo Karsk']);
  assert.deepEqual(qs.map((q) => q.cue?.text), ['told', 'said', 'issued']);
});

test('"she" skips a person whose first name the lexicon knows as male ("Jake"), and "he" one known as female', () => {
  const t = 'Asked on Tuesday about Jake Marlow, Dianne Okafor said “I know nothing about the emails,” she said.';
  const qs = direct(t);
  assert.equal(qs.length, 1);
  assert.equal(qs[0]!.speaker!.name, 'Dianne Okafor');
});

test('a headline speaker described by role (“…,” says mayor) is the person the body names with that role; no fitting person leaves the description', () => {
  const t = '“We will rebuild every house,” says mayor\n\nMayor Ivo Karsk spoke to reporters on Monday as the river rose in Arden.';
  const qs = direct(t);
  assert.equal(qs.length, 1);
  assert.equal(qs[0]!.speaker!.text, 'mayor');
  assert.equal(qs[0]!.speaker!.name, 'Ivo Karsk');
  const u = '“We will rebuild every house,” says mayor\n\nFire chief Tomas Reyes spoke to reporters on Monday as the river rose in Arden.';
  assert.equal(direct(u)[0]!.speaker!.name, 'mayor');
});

test('review cases: a following sentence about someone else is not the reporting clause; titles after "for/of"; Title Case headlines; unnamed headline officials; family-name-first names; credits and titles are not quotes', () => {
  const speakerOf = (t: string): string | undefined => direct(t)[0]?.speaker?.name;
  // A clause before the quotation wins over a next sentence naming whom someone else told or asked.
  assert.equal(speakerOf('Ivo Karsk said in a statement: “The vote was rigged.” Ana Lind told the committee she would not resign.'), 'Ivo Karsk');
  assert.equal(speakerOf('Ana Lind spoke. Ivo Karsk wrote on Twitter: “The vote was rigged.” Lind asked the court to dismiss the case.'), 'Ivo Karsk');
  // "a lawyer for President X" does not make X the speaker.
  assert.notEqual(speakerOf('Ivo Karsk spoke.\n\n“We will appeal the ruling,” a lawyer for President Tomas Reyes said.'), 'Tomas Reyes');
  // Title Case headlines: "Says" is a verb.
  assert.equal(speakerOf('Karsk Says: “We Will Rebuild Every Home”\n\nMayor Ivo Karsk spoke on Monday.'), 'Ivo Karsk');
  assert.equal(speakerOf('“We Will Rebuild,” Karsk Says\n\nMayor Ivo Karsk spoke on Monday.'), 'Ivo Karsk');
  // "says official" in a headline is an unnamed official.
  assert.equal(speakerOf('“Talks have stalled,” says official\n\nPresident Tomas Reyes met rebel leaders on Monday.'), 'official');
  // A first name's gender is read only from "First Last" names.
  assert.equal(speakerOf('Kim Jong Un oversaw the launch on Friday. “This is a warning to our enemies,” he said.'), 'Kim Jong Un');
  // A one-word title credited after a dash is not a quotation.
  assert.equal(direct('“Oppenheimer” — Christopher Nolan, 2023.\n\nThe film won.').length, 0);
  // The whole owner's name: "Ana Lind’s office".
  assert.equal(direct('Ivo Karsk met Ana Lind.\n\n“We have enough water,” Ana Lind’s office said in a statement.')[0]!.speaker!.text, 'Ana Lind’s office');
});

test('review cases: no quote from a relative clause or a quoted title; scraped text with runs of commas or "of" ends in time', () => {
  const t = 'The word “unprecedented” appears 14 times in the report, which critics said was rushed.';
  assert.ok(direct(t).every((q) => q.speaker?.text !== 'critics'));
  const sentences = splitSentences('Netflix’s “Squid Game” was the most-watched show of the year, the company said.');
  const all = extractQuotes('Netflix’s “Squid Game” was the most-watched show of the year, the company said.', sentences, []);
  assert.ok(!all.some((q) => q.text === 'Squid Game'));
  assert.ok(all.some((q) => !q.direct && q.speaker?.text === 'the company'));
  // Deep appositive or "of" chains: a bounded look behind (this returned after seconds, or overflowed the stack).
  const commas = 'The vote was close. x' + ', , x'.repeat(30) + ', said the plan was bad news for us all.';
  assert.doesNotThrow(() => extractQuotes(commas, splitSentences(commas), []));
  const ofs = 'Ana' + ' of Bo'.repeat(4000) + ' said the plan was fine.';
  assert.doesNotThrow(() => extractQuotes(ofs, splitSentences(ofs), extractEntities(ofs, splitSentences(ofs))));
});

test('a speaker is found right before its verb deep inside a run-on sentence (the look back is bounded, not cut short)', () => {
  for (const n of [2, 60]) {
    const filler = Array.from({ length: n }, () => 'rain fell on the hills and').join(' ');
    const t = `After weeks in which ${filler} the fields flooded Mayor Ivo Karsk said that the river would crest on Friday.`;
    const sentences = splitSentences(t);
    assert.equal(sentences.length, 1);
    if (n === 60) assert.ok(t.indexOf(' said that') > 1200, 'the verb is further into its sentence than the look-back window');
    const quotes = extractQuotes(t, sentences, extractEntities(t, sentences));
    assert.deepEqual(
      quotes.map((q) => [q.speaker?.text, q.text]),
      [['Ivo Karsk', 'the river would crest on Friday']],
    );
  }
});
