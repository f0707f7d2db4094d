/**
 * Trains the claim-support models (models/consistency.json): for each data family (QAGS-C, SummEdits
 * news, FaithBench) a logistic regression on the features of src/check, fitted on the TUNING articles of
 * the deterministic article split of eval/consistency.ts, with its threshold chosen there to maximise
 * balanced accuracy. `corroborate check` picks its model from the input field: `claim` (one sentence-level
 * claim; trained on the QAGS-C tuning part, the claim-level set) or `summary` (a multi-sentence summary;
 * SummEdits + FaithBench tuning parts pooled); `default` pools all three (fallback). A pooled fit gives every
 * set the same weight and picks the threshold for the mean balanced accuracy over the sets (fitSupportModel). Each model
 * comes in two variants: with the encoder cosine and lexical-only (for --no-encoder).
 *
 *   node --import tsx scripts/train-consistency.ts [--data DIR]
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { defaultCacheDir } from '../src/pipeline.js';
import { FEATURE_NAMES, predictProbability, type ConsistencyModels, type LogisticModel } from '../src/check/index.js';
import { fitSupportModel, itemEvidence, loadSet, SETS, splitOf, type ConsistencyItem } from '../eval/consistency.js';
import { binaryMetrics } from '../eval/metrics/classification.js';

interface Row {
  x: number[];
  y: number;
  split: 'tune' | 'held-out';
  /** The data set (family) of the row: each weighs the same in a pooled fit. */
  set: string;
}

/** The model fitted on the tuning rows, grouped by data set (fitSupportModel). */
function fit(rows: readonly Row[], encoder: boolean): LogisticModel {
  const tune = rows.filter((r) => r.split === 'tune');
  const sets = [...new Set(tune.map((r) => r.set))];
  return fitSupportModel(sets.map((set) => tune.filter((r) => r.set === set)), encoder);
}

function report(name: string, rows: readonly Row[], model: LogisticModel): string {
  const parts: string[] = [];
  for (const split of ['tune', 'held-out'] as const) {
    const rs = rows.filter((r) => r.split === split);
    const m = binaryMetrics(
      rs.map((r) => r.y === 1),
      rs.map((r) => predictProbability(model, r.x) >= model.threshold),
    );
    parts.push(`${split} BA ${m.balancedAccuracy.toFixed(3)} F1 ${m.f1.toFixed(3)} (n ${m.n})`);
  }
  return `${name}: ${parts.join(' · ')}`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { data: { type: 'string' } } });
  const root = fileURLToPath(new URL('..', import.meta.url));
  const dataDir = values.data ?? join(root, '..', 'shared', 'data');
  const cacheDir = defaultCacheDir();
  const families: ConsistencyModels['families'] = {};
  const pooled = { encoder: [] as Row[], lexical: [] as Row[] };
  const summaries = { encoder: [] as Row[], lexical: [] as Row[] };
  for (const set of SETS) {
    const items: ConsistencyItem[] = loadSet(dataDir, set);
    const splits = splitOf(items);
    const rowsFor = async (encoder: boolean): Promise<Row[]> =>
      (await itemEvidence(items, { encoder, cacheDir })).map((e, k) => ({ x: e.features, y: items[k]!.unsupported ? 1 : 0, split: splits.get(items[k]!.doc)!, set: set.family }));
    const enc = await rowsFor(true);
    const lex = await rowsFor(false);
    const pair = { encoder: fit(enc, true), lexical: fit(lex, false) };
    families[set.family] = pair;
    console.log(report(`${set.family} encoder`, enc, pair.encoder));
    console.log(report(`${set.family} lexical`, lex, pair.lexical));
    pooled.encoder.push(...enc);
    pooled.lexical.push(...lex);
    if (set.family === 'qags') families['claim'] = pair;
    else {
      summaries.encoder.push(...enc);
      summaries.lexical.push(...lex);
    }
  }
  families['summary'] = { encoder: fit(summaries.encoder, true), lexical: fit(summaries.lexical, false) };
  console.log(report('summary encoder', summaries.encoder, families['summary'].encoder));
  families['default'] = { encoder: fit(pooled.encoder, true), lexical: fit(pooled.lexical, false) };
  console.log(report('default encoder', pooled.encoder, families['default'].encoder));
  const out: ConsistencyModels = {
    version: 1,
    features: [...FEATURE_NAMES],
    families,
    notes: 'Trained by scripts/train-consistency.ts on the tuning articles of eval/consistency.ts (articles ordered by content hash, dealt alternately).',
  };
  writeFileSync(join(root, 'models', 'consistency.json'), `${JSON.stringify(out, (_k, v: unknown) => (typeof v === 'number' ? Math.round(v * 1e6) / 1e6 : v), 1)}\n`);
  console.log('wrote models/consistency.json');
}

await main();
