/** Internal records of the compare stage (not part of the published StoryReport). */
import type { Alignment, AlignmentLink, ConflictType } from '../types.js';
import type { SlotSide } from '../similarity/slots.js';
import type { SentenceInfo } from './context.js';

/** A typed disagreement found on one alignment link, with both sides' exact spans. */
export interface LinkConflict {
  type: ConflictType;
  /** What is compared ("resident", "blamed", "contaminated"). */
  key: string;
  summary: string;
  a: SlotSide;
  b: SlotSide;
}

/** One link with the sentences it joins and the conflicts found on it. */
export interface LinkDetail {
  link: AlignmentLink;
  a: SentenceInfo;
  b: SentenceInfo;
  conflicts: readonly LinkConflict[];
}

/** The alignment of one article pair (a before b in story order) with the details of its links. */
export interface PairAlignment {
  a: number;
  b: number;
  alignment: Alignment;
  details: LinkDetail[];
}
