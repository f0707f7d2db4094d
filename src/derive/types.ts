import type { RevisionLevel } from '../types.js';

/** Derivation level of a (source, derived) pair (Clough & Stevenson's classes). */
export type DerivationLevel = RevisionLevel;

/** The fitted decision: derived when copy ≥ derivedMin; then cut / light / heavy by the reuse score. */
export interface DerivationThresholds {
  /** Minimum copy score (stem-bigram containment) for derived. */
  derivedMin: number;
  /** Minimum reuse score (Greedy-String-Tiling coverage) for light (below: heavy). */
  lightMin: number;
  /** Minimum reuse score for cut (near copy). */
  cutMin: number;
}

export interface DerivationResult {
  derived: boolean;
  level: DerivationLevel;
  /** 0..1: how much of the derived text comes from the source (the reuse score). */
  score: number;
}
