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
