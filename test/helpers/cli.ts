import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { repoRoot } from './paths.js';

export { repoRoot };

const entry = fileURLToPath(new URL('./cli-entry.ts', import.meta.url));
/** One vector cache for the whole test run, outside the user's home. */
const cacheDir = mkdtempSync(join(tmpdir(), 'corroborate-test-cache-'));

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI from source (through tsx) in a child process, as a user would. */
export function runCli(args: string[], options: { input?: string; cwd?: string } = {}): CliResult {
  const result = spawnSync(process.execPath, ['--import', 'tsx', entry, ...args], {
    cwd: options.cwd ?? repoRoot,
    input: options.input ?? '',
    encoding: 'utf8',
    env: { ...process.env, CORROBORATE_CACHE_DIR: cacheDir, NO_COLOR: '1' },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
