/** The contract between the evaluation harness (eval/run.ts) and each task's evaluator (eval/<task>.ts). */

export interface EvalOptions {
  /** The shared data folder (`../shared/data` beside the repo unless --data says otherwise). */
  dataDir: string;
  /** Score only the first N items of each set: the CI smoke test that the scoring works. Undefined = all. */
  sample?: number;
  /** Use the sentence encoder. */
  encoder: boolean;
  cacheDir: string | null;
}

export interface EvalResult {
  /** "story clustering", "quotes", "paraphrase", "unsupported content", "derivation", "HTML extraction". */
  task: string;
  /** The data set and file: "ECB+ (clustering/ecbplus.dev.articles.jsonl)". */
  set: string;
  /** What was scored and what was tuned on: "topics other than the 8 dev topics (tuned on the dev topics)". */
  split: string;
  /** Metric name → value; proportions as 0..1 (counts go in `items`). */
  metrics: Record<string, number>;
  /** How many items (articles, pairs, quotes…) the row's metrics were computed on. */
  items?: number;
  /** The target from the issue, readable: "B³ F1 ≥ 0.95". */
  target: string;
  /** Whether the target is met on this split (undefined when the target does not apply to this row). */
  met?: boolean;
  /** The published / reference numbers to put beside ours. */
  reference: string;
  /** The command that reproduces the row. */
  command: string;
  notes?: string;
}

export type Evaluator = (options: EvalOptions) => Promise<EvalResult[]>;

/** A skipped set: the evaluator returns no rows and explains why (missing data). */
export class DataMissing extends Error {
  override readonly name = 'DataMissing';
}
