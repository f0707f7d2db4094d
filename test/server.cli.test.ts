import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { repoRoot, runCli } from './helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'corroborate-server-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const entry = fileURLToPath(new URL('./helpers/cli-entry.ts', import.meta.url));

test('serve: prints its URL, answers /healthz and the API, stops cleanly on SIGTERM', async () => {
  const db = join(dir, 'news.db');
  const child = spawn(process.execPath, ['--import', 'tsx', entry, 'serve', '--db', db, '--port', '0'], {
    cwd: repoRoot,
    env: { ...process.env, CORROBORATE_CACHE_DIR: join(dir, 'cache') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  try {
    const url = await new Promise<string>((resolve, reject) => {
      child.stderr.on('data', (chunk: string) => {
        stderr += chunk;
        const m = /corroborate: serving (\S+) at (http:\/\/127\.0\.0\.1:\d+\/)\n/.exec(stderr);
        if (m) {
          assert.equal(m[1], db);
          resolve(m[2]!);
        }
      });
      void exited.then((code) => reject(new Error(`serve exited early (${code}): ${stderr}`)));
    });
    const health = await fetch(new URL('/healthz', url));
    assert.equal(health.status, 200);
    assert.deepEqual(await health.json(), { ok: true });
    const stories = await fetch(new URL('/api/v1/stories', url));
    assert.deepEqual(await stories.json(), { total: 0, stories: [] });
    child.kill('SIGTERM');
    assert.equal(await exited, 0, stderr);
    assert.match(stderr, /SIGTERM: stopping/);
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
});

test('serve: usage errors exit 2, store errors exit 4', () => {
  const usage: string[][] = [
    ['serve', '--port', 'abc'],
    ['serve', '--port', '70000'],
    ['serve', '--port', '-1'],
    ['serve', '--host', 'not a host!'],
    ['serve', 'extra-input'],
    ['serve', '--format', 'json'],
    ['compare', 'examples', '--port', '9000'],
  ];
  for (const args of usage) {
    const r = runCli(args);
    assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, /^corroborate: /);
  }
  assert.match(runCli(['serve', '--port', '99999']).stderr, /--port 99999 is not a port number/);
  const store = runCli(['serve', '--db', dir, '--port', '0']);
  assert.equal(store.status, 4, store.stderr);
  assert.match(store.stderr, /is a directory/);
});

test('help lists serve', () => {
  const r = runCli(['--help']);
  assert.match(r.stdout, /corroborate serve\s+\[--db FILE\] \[--port N\] \[--host H\]/);
});
