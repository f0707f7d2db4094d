/**
 * `npm run eval [-- --only NAME[,NAME] --sample N --data DIR --no-encoder]`: scores every task on the
 * shared third-party sets and (for a full run of all tasks) writes docs/EVALUATION.md.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { defaultCacheDir } from '../src/pipeline.js';
import { DataMissing, type EvalOptions, type EvalResult, type Evaluator } from './types.js';
import { renderEvaluationMarkdown } from './markdown.js';

const EVALUATORS: Record<string, () => Promise<Evaluator>> = {
  clustering: async () => (await import('./clustering.js')).evaluate,
  quotes: async () => (await import('./quotes.js')).evaluate,
  paraphrase: async () => (await import('./paraphrase.js')).evaluate,
  consistency: async () => (await import('./consistency.js')).evaluate,
  derivation: async () => (await import('./derivation.js')).evaluate,
  extraction: async () => (await import('./extraction.js')).evaluate,
  alignment: async () => (await import('./alignment.js')).evaluate,
  planted: async () => (await import('./planted.js')).evaluate,
  crosslingual: async () => (await import('./crosslingual.js')).evaluate,
};

/** Tasks whose set ships in the repo (eval/data/): they run without the shared data folder. */
const IN_REPO: ReadonlySet<string> = new Set(['alignment', 'planted']);

export async function runEvaluations(names: string[], options: EvalOptions, log: (line: string) => void): Promise<{ rows: EvalResult[]; skipped: string[] }> {
  const rows: EvalResult[] = [];
  const skipped: string[] = [];
  for (const name of names) {
    const load = EVALUATORS[name];
    if (!load) throw new Error(`unknown evaluation '${name}' (known: ${Object.keys(EVALUATORS).join(', ')})`);
    const started = performance.now();
    try {
      const result = await (await load())(options);
      rows.push(...result);
      log(`${name}: ${result.length} row(s) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      for (const r of result) log(`  ${r.set} · ${r.split}: ${Object.entries(r.metrics).map(([k, v]) => `${k} ${v.toFixed(3)}`).join(', ')}`);
    } catch (error) {
      if (!(error instanceof DataMissing)) throw error;
      skipped.push(`${name}: ${error.message}`);
      log(`${name}: skipped (${error.message})`);
    }
  }
  return { rows, skipped };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      only: { type: 'string' },
      sample: { type: 'string' },
      data: { type: 'string' },
      'no-encoder': { type: 'boolean' },
      'no-write': { type: 'boolean' },
    },
  });
  const root = fileURLToPath(new URL('..', import.meta.url));
  const dataDir = values.data ?? process.env.CORROBORATE_DATA ?? join(root, '..', 'shared', 'data');
  let names = values.only ? values.only.split(',') : Object.keys(EVALUATORS);
  if (!existsSync(dataDir)) {
    // Sets that ship in the repo are scored anyway; the rest need the data folder.
    const local = names.filter((n) => IN_REPO.has(n));
    console.log(`eval: no data folder at ${dataDir}; ${local.length > 0 ? `scoring only ${local.join(', ')}` : 'nothing scored'} (pass --data DIR)`);
    if (local.length === 0) return;
    names = local;
  }
  const sample = values.sample === undefined ? undefined : Number(values.sample);
  const options: EvalOptions = { dataDir, encoder: !values['no-encoder'], cacheDir: defaultCacheDir(), ...(sample ? { sample } : {}) };
  const { rows, skipped } = await runEvaluations(names, options, (line) => console.log(line));
  const full = !values.only && sample === undefined && !values['no-write'] && existsSync(dataDir);
  if (full) {
    writeFileSync(join(root, 'docs', 'EVALUATION.md'), renderEvaluationMarkdown(rows, skipped));
    console.log('wrote docs/EVALUATION.md');
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
