/** The story signature's record types (see ./signature.ts for how they are computed). */

/** Sorted distinct term ids with their counts (parallel arrays). */
export interface TermBag {
  readonly ids: Uint32Array;
  readonly counts: Uint16Array;
}

export const SIGNATURE_BAGS = ['words', 'names', 'people', 'numbers', 'counted', 'years', 'lead', 'leadNumbers', 'anchors', 'glosses', 'title', 'titleNames'] as const;
export type SignatureBag = (typeof SIGNATURE_BAGS)[number];

export interface StorySignature {
  readonly bags: Readonly<Record<SignatureBag, TermBag>>;
  /** MinHash sketch of the word 3-shingles (empty when the article has no words). */
  readonly sketch: Uint16Array;
  /** Publication day (days since 1970-01-01), or null. */
  readonly day: number | null;
  /**
   * The language its words are in (`analysisLanguage`: 'en', 'ru', 'fr'; '' when unknown: stored before languages
   * were recorded). Two articles in different (known) languages share no words, so the decision compares them on
   * glosses and anchors instead (signature-decision.ts).
   */
  readonly language: string;
}

