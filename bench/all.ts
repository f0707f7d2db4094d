/**
 * `npm run bench [-- --sizes 10,100,1000,3000]`: the compare benchmark (bench/compare.bench.ts, given the
 * arguments), then the outlet and network benchmark on a 100,000-article store (bench/outlets.bench.ts), each in
 * its own process; exit status 1 when either fails.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

let status = 0;
for (const [script, args] of [
  ['compare.bench.ts', process.argv.slice(2)],
  ['outlets.bench.ts', []],
] as const) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(new URL(script, import.meta.url)), ...args], { stdio: 'inherit' });
  if (run.status !== 0) status = 1;
}
process.exit(status);
