/**
 * One `corroborate` command in a fresh process, as a user runs it, with its wall time and peak RSS (its worker
 * threads included): the built CLI in plain node (./cli-child-built.mjs; what `npx corroborate` runs; `npm ci` builds
 * it) when it is at least as new as the sources, else the sources through tsx (run as a script with `--child ARGS…`,
 * this module is that child). Either child runs the command, then prints its peak RSS on stdout; `runCliChild(args)`
 * starts it.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
/** The line a child prints its peak RSS on (./cli-child-built.mjs writes the same). */
const RESULT = 'BENCH-RSS ';

/** Whether dist/cli/main.js exists and is newer than every file under src/. */
export function builtIsCurrent(): boolean {
  const built = join(root, 'dist', 'cli', 'main.js');
  if (!existsSync(built)) return false;
  const newest = (dir: string): number =>
    readdirSync(dir, { withFileTypes: true }).reduce((t, e) => Math.max(t, e.isDirectory() ? newest(join(dir, e.name)) : statSync(join(dir, e.name)).mtimeMs), 0);
  return statSync(built).mtimeMs >= newest(join(root, 'src'));
}

export interface ChildRun {
  /** Peak RSS in bytes (0 when the child died before reporting it). */
  rss: number;
  /** Wall time in seconds, spawn to exit. */
  seconds: number;
  stderr: string;
  code: number | null;
}

/** Runs `corroborate ARGS…` in a fresh process: the built CLI when current, else the sources through tsx. */
export function runCliChild(args: string[]): Promise<ChildRun> {
  const t0 = performance.now();
  // The built child in plain node (./cli-child-built.mjs: tsx's hooks would run for every module the command and its
  // worker threads load, which a user's run does not pay), else the sources through tsx (this module as the child).
  const argv = builtIsCurrent() ? [join(root, 'bench', 'cli-child-built.mjs'), ...args] : ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', ...args];
  return new Promise((resolve) => {
    const proc = spawn(process.execPath, argv, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    proc.stdout.setEncoding('utf8').on('data', (c: string) => (out += c));
    proc.stderr.setEncoding('utf8').on('data', (c: string) => (err += c));
    proc.on('close', (code) => {
      const line = out.split('\n').find((l) => l.startsWith(RESULT));
      resolve({ rss: line ? Number(line.slice(RESULT.length)) : 0, seconds: (performance.now() - t0) / 1000, stderr: err, code });
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2] === '--child') {
  const { main } = (await import(builtIsCurrent() ? '../dist/cli/main.js' : '../src/cli/main.js')) as typeof import('../src/cli/main.js');
  const code = await main(process.argv.slice(3));
  process.stdout.write(`${RESULT}${process.resourceUsage().maxRSS * 1024}\n`);
  process.exit(code);
}
