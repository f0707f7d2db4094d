/**
 * How much a second process adds on this machine, for the work report workers do: the analysis of the same
 * real-derived articles in one process alone, then in two processes side by side. Two cores that each ran as fast
 * as one alone would give 2.0×; cores that share caches and memory bandwidth (or a host that shares them) give less.
 * `machineScaling(articles)` returns the ratio; run as a script with `--child N` it is one such process.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Throughput of two processes side by side over one alone (each analysing the first `articles` articles). */
export async function machineScaling(articles = 1500): Promise<{ alone: number; sideBySide: number; ratio: number }> {
  const alone = await child(articles);
  const both = await Promise.all([child(articles), child(articles)]);
  const sideBySide = Math.max(...both);
  return { alone, sideBySide, ratio: (2 * alone) / sideBySide };
}

/** Seconds one child takes for the analysis (module loading and corpus building excluded). */
function child(articles: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', String(articles)], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    proc.stdout.setEncoding('utf8').on('data', (c: string) => (out += c));
    proc.on('close', (code) => (code === 0 ? resolve(Number(out.trim())) : reject(new Error(`cpu-scaling child exited ${code}`))));
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2] === '--child') {
  const { analyse } = await import('../src/analyse/index.js');
  const { realCorpus } = await import('./real-corpus.js');
  const list = [...realCorpus(Number(process.argv[3]) * 2)].slice(0, Number(process.argv[3]));
  const t0 = performance.now();
  for (const a of list) analyse(a);
  process.stdout.write(`${((performance.now() - t0) / 1000).toFixed(3)}\n`);
}
