/**
 * `corroborate check FILE.jsonl`: lines `{id, article, claim}` or `{id, article, summary}` →
 * `{id, supported, score, unsupported:[{start,end,text}]}` (score = support in 0..1; spans are UTF-16
 * offsets into the claim/summary). The model of models/consistency.json (with or without the encoder
 * cosine) is chosen by the input field alone: `claim` → the sentence-level `claim` model, `summary` →
 * the whole-summary `summary` model (a line with both uses `claim`). Articles repeated within a chunk are prepared once; the sentences of a chunk are
 * embedded together (cached).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { claimEvidence, embeddingTextsFor, judge, modelKeyFor, parseModels, pickModel, prepareArticle, type ClaimField, type LogisticModel, type PreparedArticle } from '../../check/index.js';
import { embedTexts } from '../../similarity/encoder.js';
import { NO_VECTORS } from '../../similarity/vector.js';
import type { Span } from '../../types.js';
import { asRecord, requireId, type BatchTask } from '../batch.js';
import type { TaskOptions } from './index.js';

export interface CheckInput {
  id: string;
  article: string;
  claim: string;
  /** The field the claim came from (selects the model). */
  field: ClaimField;
}

export interface CheckOutput {
  id: string;
  supported: boolean;
  score: number;
  unsupported: Span[];
}

/** models/consistency.json at the package root (three levels up from src/cli/tasks or dist/cli/tasks). */
function modelPath(): string {
  return fileURLToPath(new URL('../../../models/consistency.json', import.meta.url));
}

export function parseCheckInput(value: unknown): CheckInput | string {
  const rec = asRecord(value);
  if (!rec) return 'line is not a JSON object';
  const id = requireId(rec);
  if (id === null) return 'no "id" (string or number)';
  const article = rec['article'];
  if (typeof article !== 'string' || article.trim() === '') return 'no non-empty string "article" field';
  const field: ClaimField = typeof rec['claim'] === 'string' ? 'claim' : 'summary';
  const claim = rec[field];
  if (typeof claim !== 'string' || claim.trim() === '') return 'no non-empty string "claim" (or "summary") field';
  return { id, article, claim, field };
}

export function createCheckTask(options: TaskOptions): BatchTask<CheckInput, CheckOutput> {
  const models = parseModels(JSON.parse(readFileSync(modelPath(), 'utf8')));
  const model = (field: ClaimField): LogisticModel => pickModel(models, modelKeyFor(field), options.encoder);
  return {
    chunkSize: 32,
    parse: parseCheckInput,
    run: async (inputs) => {
      const prepared = new Map<string, PreparedArticle>();
      const articleOf = (text: string): PreparedArticle => {
        let p = prepared.get(text);
        if (!p) prepared.set(text, (p = prepareArticle(text)));
        return p;
      };
      const vectors = options.encoder
        ? await embedTexts(inputs.flatMap((i) => embeddingTextsFor(articleOf(i.article), i.claim)), { enabled: true, cacheDir: options.cacheDir })
        : NO_VECTORS;
      return inputs.map(({ id, article, claim, field }) => ({ id, ...judge(claimEvidence(articleOf(article), claim, vectors), model(field)) }));
    },
  };
}
