/**
 * The records that flow through the pipeline, one way:
 * Article (ingest) → AnalysedArticle (analyse) → Story (cluster) → StoryReport (compare) → Report (report).
 *
 * Every finding is a Span into `Article.text`: UTF-16 offsets (JavaScript string indices), `end` exclusive,
 * `text === article.text.slice(start, end)`.
 */

export interface Span {
  start: number;
  end: number;
  text: string;
}

// ───────────────────────────── ingest ─────────────────────────────

export interface Article {
  /** JSONL `id`, else the file name without extension, or its path when another file of that name came first (unique within a run). */
  id: string;
  title: string | null;
  /** The article body as the user gave it (after the documented, offset-preserving normalisation: CRLF→LF only). */
  text: string;
  /** Outlet name or host. */
  source: string | null;
  url: string | null;
  /** ISO-8601 date or date-time, or null. */
  published: string | null;
  /** ISO 639-1 code, or null when unknown. */
  language: string | null;
  byline: string | null;
  /** Where it came from: a path, `path:line` for JSONL, or `-` for stdin. */
  origin: string;
}

/** A problem with one input (file, line, page): reported, counted, skipped. Never thrown. */
export interface InputProblem {
  kind: 'problem';
  /** Path (or `-`), as the user named it. */
  input: string;
  /** 1-based line number for line-oriented inputs. */
  line?: number;
  message: string;
  /**
   * Set on a note about an input that was read and kept (not skipped, not counted as skipped): what of it could
   * not be used, e.g. a `published` value that is not a date (the article is read as undated).
   */
  kept?: true;
}

// ───────────────────────────── analyse ─────────────────────────────

export interface Sentence extends Span {
  index: number;
  /** 0-based paragraph number (paragraphs are separated by blank lines, or by single newlines in one-line-per-paragraph text). */
  paragraph: number;
}

export type EntityType = 'person' | 'place' | 'organisation' | 'other';

export interface Entity {
  /** Within-article id: `e1`, `e2`, ... in order of first mention. */
  id: string;
  type: EntityType;
  /** The fullest name seen ("Vladimir Putin"). */
  name: string;
  /** Normalised key for matching across articles (lower-case, no diacritics/possessive, collapsed spaces). */
  key: string;
  /** Other normalised keys this entity is known by ("putin", "vladimir putin"). */
  aliases: string[];
  mentions: Span[];
}

export type NumberKind = 'count' | 'percent' | 'money' | 'measure' | 'ordinal' | 'year' | 'other';

export interface NumberMention extends Span {
  value: number;
  kind: NumberKind;
  /** Unit or currency as normalised text ("km", "%", "USD"), or null. */
  unit: string | null;
  /** What it counts, as written after/around it ("inhabited localities"), or null. */
  counted: string | null;
  /** Normalised head noun of `counted` for matching across articles ("locality"), or null. */
  countedKey: string | null;
  sentence: number;
}

export type DateGrain = 'year' | 'month' | 'day' | 'time';

export interface DateMention extends Span {
  /** ISO form at the given grain: 2026-11-30, 2026-11, 2026, or 2026-11-30T18:00. */
  iso: string;
  grain: DateGrain;
  /** True when a year or day was filled in from the publication date (or another reference). */
  inferred: boolean;
  sentence: number;
}

export interface SpeakerRef extends Span {
  /** The resolved name ("Vladimir Putin"); equals `text` when the mention is itself a name. */
  name: string;
  /** The Entity id in this article, when resolved to one. */
  entity: string | null;
  /** How the mention was resolved: a name, a pronoun ("he"), or a description ("the former official"). */
  via: 'name' | 'pronoun' | 'description';
}

export interface Quote extends Span {
  /** Within-article id: `q1`, `q2`, ... */
  id: string;
  /** True for quoted text (span = the words inside the marks); false for reported speech ("X said that ..."). */
  direct: boolean;
  speaker: SpeakerRef | null;
  /** The reporting verb or phrase ("stated", "according to"), when found. */
  cue: Span | null;
  sentence: number;
  /** For a quote in several pieces ("“A,” he said, “B.”"): the pieces; span runs from first to last. */
  fragments?: Span[];
  /**
   * A quoted fragment embedded in the writer's own sentence (He called it “a pivotal shift”): the span is
   * the words inside the marks, but `direct` is false because the marks do not enclose the whole content.
   */
  partial?: boolean;
}

/** A media attribution: "as reported by TASS", "TASS reported", "according to Reuters", "told the BBC". */
export interface MediaAttribution extends Span {
  /** The outlet as written ("TASS"). */
  outlet: string;
  /** Normalised outlet key ("tass"). */
  key: string;
  /** The reporting phrase ("as reported by"). */
  cue: string;
  sentence: number;
}

export interface Negation extends Span {
  sentence: number;
}

export interface AnalysedArticle {
  article: Article;
  sentences: Sentence[];
  entities: Entity[];
  quotes: Quote[];
  numbers: NumberMention[];
  dates: DateMention[];
  attributions: MediaAttribution[];
  negations: Negation[];
}

// ───────────────────────────── cluster ─────────────────────────────

export interface Story {
  /** Stable id derived from the member articles' content ids. */
  id: string;
  /** Article ids: earliest published first (undated last), then by id (src/article-order.ts), as `cluster` gives them; a store lists them in the order they joined (compare sorts them either way). */
  articles: string[];
}

// ───────────────────────────── compare ─────────────────────────────

export type AlignmentLabel = 'same' | 'paraphrase' | 'partial' | 'unmatched';

export interface SentenceRef extends Span {
  article: string;
  sentence: number;
}

export interface AlignmentLink {
  a: SentenceRef;
  b: SentenceRef;
  label: Exclude<AlignmentLabel, 'unmatched'>;
  /** Combined similarity 0..1. */
  score: number;
  /** Parts of the score, for the reader who wants to see why. */
  lexical: number;
  semantic: number | null;
  /** Typed slots (numbers, dates, entities, negation) that disagree between the two sentences. */
  slotConflicts: string[];
  /** True when the two sentences are in different languages (scored on names, numbers and translated words). */
  crossLingual?: boolean;
}

export interface Alignment {
  /** Article ids, a before b in story order. */
  a: string;
  b: string;
  links: AlignmentLink[];
  /** Sentence indices of a (resp. b) with no partner in the other article. */
  unmatchedA: number[];
  unmatchedB: number[];
}

export type ClaimKind = 'quote' | 'number' | 'date' | 'entity' | 'attribution' | 'statement';
export type ClaimStatus = 'corroborated' | 'single-source' | 'conflicting';

export interface Mention extends Span {
  article: string;
}

export interface Claim {
  /** Stable within the story: kind prefix + content hash. */
  id: string;
  kind: ClaimKind;
  /** A readable statement of the claim ("87 inhabited localities", “…quote…”). */
  text: string;
  status: ClaimStatus;
  /** Article ids that carry the claim. */
  articles: string[];
  mentions: Mention[];
  /** Quotes only. */
  speaker?: string | null;
  /** Quotes only: articles quoting it verbatim or near-verbatim. */
  quotedIn?: string[];
  /** Quotes only: articles stating its content without quoting it. */
  supportedIn?: string[];
  /**
   * Quotes only, when other languages are in the story: articles in another language that quote or state its
   * content (attested in the original, translated); their mention is the span there that says it.
   */
  translatedIn?: string[];
  /** Normalised value for number/date claims ("87", "2026-11-30"). */
  value?: string;
}

export type ConflictType = 'number' | 'date' | 'actor' | 'negation' | 'attribution' | 'meaning';

export interface ConflictSide extends Mention {
  /** The value this side asserts ("87", "2026-11-01", "Armed Forces"). */
  value: string;
}

export interface Conflict {
  id: string;
  type: ConflictType;
  /** One line a reader understands: "Number of inhabited localities: 87 vs 78". */
  summary: string;
  sides: ConflictSide[];
  /** Claim ids involved. */
  claims: string[];
}

export type DerivationDirection = 'a-from-b' | 'b-from-a' | 'common-source' | 'independent' | 'undetermined';

export interface DerivationEvidence {
  kind: 'wire-attribution' | 'publication-order' | 'information-superset' | 'text-reuse' | 'shared-quotes' | 'translation';
  detail: string;
  /** Signed weight: positive favours a-from-b ... as documented in compare/derivation.ts. */
  weight: number;
}

/** Graded reuse of a source text in a derived one (Clough & Stevenson's levels; fitted in src/derive). */
export type RevisionLevel = 'cut' | 'light' | 'heavy' | 'non';

export interface RevisionGrade {
  level: RevisionLevel;
  /** 0..1: share of the derived text's words in runs of ≥ 3 words shared with the source. */
  score: number;
}

export interface DerivationPair {
  a: string;
  b: string;
  direction: DerivationDirection;
  /** 0..1 */
  confidence: number;
  /** Share of b's sentences reused (aligned) in a and vice versa. */
  reuse: { aInB: number; bInA: number };
  /** a graded as a revision of b, and b as a revision of a. */
  revision: { aFromB: RevisionGrade; bFromA: RevisionGrade };
  evidence: DerivationEvidence[];
}

/**
 * Articles of a story whose text is near-identical to an earlier one's (the same wire text republished):
 * one group per representative, so a 1,000-article story reads as "312 articles with the same text as X".
 */
export interface CopyGroup {
  /** The representative: the group's first article in story order. */
  article: string;
  /** The other members, in story order. */
  copies: string[];
  /** The lowest share, over the copies, of a copy's sentences found verbatim in the representative (0..1). */
  minShared: number;
}

/** How a story was compared (compare/index.ts documents the choice). */
export interface ComparisonScope {
  /** `all-pairs`: every article pair aligned; `nearest`: each article aligned with its nearest articles only. */
  mode: 'all-pairs' | 'nearest';
  /** Article pairs aligned (the length of `alignments` and `derivation`). */
  pairs: number;
  /** Whether sentence vectors (the encoder) were used. */
  encoder: boolean;
}

export interface StoryReport {
  id: string;
  articles: string[];
  claims: Claim[];
  /** The aligned article pairs: every pair in `all-pairs` mode, the candidate pairs in `nearest` mode. */
  alignments: Alignment[];
  conflicts: Conflict[];
  derivation: DerivationPair[];
  comparison: ComparisonScope;
  /** Groups of near-identical articles (only groups with at least one copy), by representative in story order. */
  copyGroups: CopyGroup[];
}

// ───────────────────────────── report ─────────────────────────────

export interface ReportArticle {
  id: string;
  title: string | null;
  source: string | null;
  url: string | null;
  published: string | null;
  language: string | null;
  byline: string | null;
  text: string;
  sentences: Sentence[];
}

export interface Report {
  schemaVersion: 3;
  generator: string;
  articles: ReportArticle[];
  stories: StoryReport[];
  /** Inputs that were reported and skipped. */
  problems: InputProblem[];
}

// ───────────────────────────── similarity ─────────────────────────────

/** Sentence embeddings computed at the edge (the encoder is async and cached); compare only reads them. */
export interface SentenceVectors {
  get(text: string): Float32Array | undefined;
}
