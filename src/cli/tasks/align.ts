/**
 * `corroborate align --pairs FILE.pairs.jsonl`: lines `{id, a, b}` → `{id, score, paraphrase}`
 * (score in 0..1, rounded to 4 decimals; paraphrase ⇔ score ≥ 0.5). The sentences of each chunk are
 * embedded together (cached); with --no-encoder the lexical-only head scores the pairs
 * (src/similarity/paraphrase.ts, trained on MRPC news pairs).
 */
import { embedTexts } from '../../similarity/encoder.js';
import { scoreParaphrase } from '../../similarity/paraphrase.js';
import { parseStringFields, type BatchTask } from '../batch.js';
import type { TaskOptions } from './index.js';

export interface AlignInput {
  id: string;
  a: string;
  b: string;
}

export interface AlignOutput {
  id: string;
  score: number;
  paraphrase: boolean;
}

export function createAlignTask(options: TaskOptions): BatchTask<AlignInput, AlignOutput> {
  return {
    chunkSize: 256,
    parse: (value) => parseStringFields(value, ['a', 'b'] as const),
    run: async (inputs) => {
      const vectors = options.encoder
        ? await embedTexts(inputs.flatMap((p) => [p.a, p.b]), { enabled: true, cacheDir: options.cacheDir })
        : null;
      return inputs.map(({ id, a, b }) => {
        const score = Math.round(scoreParaphrase(a, b, vectors).score * 1e4) / 1e4;
        return { id, score, paraphrase: score >= 0.5 };
      });
    },
  };
}
