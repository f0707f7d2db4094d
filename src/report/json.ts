/**
 * The JSON form of a Report: the published contract (docs/report.schema.json).
 * Objects are rebuilt field by field in the order of src/types.ts, so key order is stable whatever order
 * the producing stage wrote them in, and fields outside the schema are not emitted.
 */
import type {
  Alignment,
  AlignmentLink,
  Claim,
  Conflict,
  ConflictSide,
  DerivationPair,
  InputProblem,
  Mention,
  Report,
  ReportArticle,
  RevisionGrade,
  Sentence,
  SentenceRef,
  StoryReport,
} from '../types.js';

/** The report as JSON text: 2-space indent, stable key order, trailing newline. */
export function renderJson(report: Report): string {
  return `${JSON.stringify(canonicalReport(report), null, 2)}\n`;
}

/** A copy of `report` holding exactly the schema's fields, in the schema's order. */
export function canonicalReport(report: Report): Report {
  return {
    schemaVersion: 3,
    generator: report.generator,
    articles: report.articles.map(article),
    stories: report.stories.map(story),
    problems: report.problems.map(problem),
  };
}

function article(a: ReportArticle): ReportArticle {
  return {
    id: a.id,
    title: a.title,
    source: a.source,
    url: a.url,
    published: a.published,
    language: a.language,
    byline: a.byline,
    text: a.text,
    sentences: a.sentences.map(sentence),
  };
}

function sentence(s: Sentence): Sentence {
  return { start: s.start, end: s.end, text: s.text, index: s.index, paragraph: s.paragraph };
}

function problem(p: InputProblem): InputProblem {
  return p.line !== undefined
    ? { kind: 'problem', input: p.input, line: p.line, message: p.message }
    : { kind: 'problem', input: p.input, message: p.message };
}

function story(s: StoryReport): StoryReport {
  return {
    id: s.id,
    articles: [...s.articles],
    claims: s.claims.map(claim),
    alignments: s.alignments.map(alignment),
    conflicts: s.conflicts.map(conflict),
    derivation: s.derivation.map(derivation),
    comparison: { mode: s.comparison.mode, pairs: s.comparison.pairs, encoder: s.comparison.encoder },
    copyGroups: s.copyGroups.map((g) => ({ article: g.article, copies: [...g.copies], minShared: g.minShared })),
  };
}

function mention(m: Mention): Mention {
  return { article: m.article, start: m.start, end: m.end, text: m.text };
}

function claim(c: Claim): Claim {
  const out: Claim = {
    id: c.id,
    kind: c.kind,
    text: c.text,
    status: c.status,
    articles: [...c.articles],
    mentions: c.mentions.map(mention),
  };
  if (c.speaker !== undefined) out.speaker = c.speaker;
  if (c.quotedIn !== undefined) out.quotedIn = [...c.quotedIn];
  if (c.supportedIn !== undefined) out.supportedIn = [...c.supportedIn];
  if (c.translatedIn !== undefined) out.translatedIn = [...c.translatedIn];
  if (c.value !== undefined) out.value = c.value;
  return out;
}

function sentenceRef(r: SentenceRef): SentenceRef {
  return { article: r.article, sentence: r.sentence, start: r.start, end: r.end, text: r.text };
}

function link(l: AlignmentLink): AlignmentLink {
  const out: AlignmentLink = {
    a: sentenceRef(l.a),
    b: sentenceRef(l.b),
    label: l.label,
    score: l.score,
    lexical: l.lexical,
    semantic: l.semantic,
    slotConflicts: [...l.slotConflicts],
  };
  if (l.crossLingual) out.crossLingual = true;
  return out;
}

function alignment(a: Alignment): Alignment {
  return { a: a.a, b: a.b, links: a.links.map(link), unmatchedA: [...a.unmatchedA], unmatchedB: [...a.unmatchedB] };
}

function side(s: ConflictSide): ConflictSide {
  return { article: s.article, start: s.start, end: s.end, text: s.text, value: s.value };
}

function conflict(c: Conflict): Conflict {
  return { id: c.id, type: c.type, summary: c.summary, sides: c.sides.map(side), claims: [...c.claims] };
}

function grade(g: RevisionGrade): RevisionGrade {
  return { level: g.level, score: g.score };
}

function derivation(d: DerivationPair): DerivationPair {
  return {
    a: d.a,
    b: d.b,
    direction: d.direction,
    confidence: d.confidence,
    reuse: { aInB: d.reuse.aInB, bInA: d.reuse.bInA },
    revision: { aFromB: grade(d.revision.aFromB), bFromA: grade(d.revision.bFromA) },
    evidence: d.evidence.map((e) => ({ kind: e.kind, detail: e.detail, weight: e.weight })),
  };
}
