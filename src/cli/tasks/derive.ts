/**
 * `corroborate derive --pairs FILE.jsonl`: lines `{id, source, derived}` → `{id, derived, level, score}`
 * (level ∈ cut | light | heavy | non; derived = level ≠ non; score 0..1 = how much of `derived` comes
 * from `source`). Surface features only (src/derive): the encoder options are not needed.
 */
import { deriveLevel, type DerivationLevel } from '../../derive/index.js';
import { parseStringFields, type BatchTask } from '../batch.js';
import type { TaskOptions } from './index.js';

export interface DeriveInput {
  id: string;
  source: string;
  derived: string;
}

export interface DeriveOutput {
  id: string;
  derived: boolean;
  level: DerivationLevel;
  score: number;
}

export function createDeriveTask(_options: TaskOptions): BatchTask<DeriveInput, DeriveOutput> {
  return {
    chunkSize: 64,
    parse: (value) => parseStringFields(value, ['source', 'derived'] as const),
    run: async (inputs) =>
      inputs.map(({ id, source, derived }) => {
        const r = deriveLevel(source, derived);
        return { id, derived: r.derived, level: r.level, score: r.score };
      }),
  };
}
