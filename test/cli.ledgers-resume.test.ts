/**
 * kill -9 during the ledger phase of `ingest`, then the same ingest again: the reports saved before the kill
 * are kept as they were (not computed again), the rest are computed, and every story ends with its report.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore } from '../src/store/index.js';
import { runCli, repoRoot } from './helpers/cli.js';

const entry = fileURLToPath(new URL('./helpers/cli-entry.ts', import.meta.url));
const STORIES = 80;
const PER_STORY = 3;

/** Our own synthetic items: STORIES events about a flooded rail line, each reported PER_STORY times. */
function corpusLines(): string[] {
  const lines: string[] = [];
  for (let s = 0; s < STORIES; s++) {
    const town = `Brel${s.toString(36)}ham`;
    const official = `Ilse Varo${s.toString(36)}`;
    for (let k = 0; k < PER_STORY; k++) {
      const verb = ['said', 'confirmed', 'told the council'][k]!;
      const text =
        `Flood water closed the rail line at ${town} on Monday after the river rose ${s % 9 + 2} metres overnight, ${official} ${verb}. ` +
        `"We will not reopen the line before the embankment at ${town} is inspected," ${official} said. ` +
        `About ${100 + s * 3} passengers were moved to buses and ${s % 6} trains were cancelled. ` +
        `Engineers expect the inspection at ${town} to take ${2 + (s % 3)} days.`;
      lines.push(JSON.stringify({ id: `r${s}-${k}`, text, source: `Desk ${k}`, published: new Date(Date.UTC(2031, 4, 1) + s * 3_600_000 + k * 60_000).toISOString() }));
    }
  }
  return lines;
}

/** Saved reports: story id → computed-at tick and JSON. Empty while the store cannot be opened. */
function savedReports(db: string): Map<string, string> {
  const out = new Map<string, string>();
  try {
    const store = openStore(db, { readonly: true });
    try {
      for (const s of store.listStories()) {
        const r = store.getReport(s.id);
        if (r) out.set(s.id, `${r.seq}|${r.json}`);
      }
    } finally {
      store.close();
    }
  } catch {
    /* not created yet */
  }
  return out;
}

test('kill -9 while the ledgers are computed, then ingest again: saved reports kept, the rest computed once', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-ledgers-'));
  const file = join(dir, 'wire.jsonl');
  writeFileSync(file, `${corpusLines().join('\n')}\n`);
  const db = join(dir, 'news.db');

  const child = spawn(process.execPath, ['--import', 'tsx', entry, 'ingest', file, '--db', db, '--no-encoder'], { cwd: repoRoot, stdio: 'ignore' });
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code)));
  let before = new Map<string, string>();
  for (let i = 0; i < 1200 && before.size === 0; i++) {
    await new Promise((r) => setTimeout(r, 25));
    before = savedReports(db);
  }
  child.kill('SIGKILL');
  const how = await exited;
  before = savedReports(db);
  assert.ok(before.size > 0, 'some reports were saved before the kill');

  const stories = (() => {
    const store = openStore(db, { readonly: true });
    try {
      return store.listStories().filter((s) => s.size >= 2).map((s) => s.id);
    } finally {
      store.close();
    }
  })();
  if (how === 'SIGKILL') assert.ok(before.size < stories.length, `killed in the ledger phase (${before.size} of ${stories.length} saved)`);

  const again = runCli(['ingest', file, '--db', db, '--no-encoder']);
  assert.equal(again.status, 0, again.stderr);
  const missing = stories.length - before.size;
  assert.match(again.stderr, new RegExp(`0 new, ${STORIES * PER_STORY} duplicate.*; ${missing} ledgers? updated`));
  const after = savedReports(db);
  assert.deepEqual([...after.keys()].sort(), [...stories].sort(), 'every story has its report');
  for (const [id, saved] of before) assert.equal(after.get(id), saved, `report of ${id} kept as saved`);
  // Nothing left to do.
  const third = runCli(['ingest', file, '--db', db, '--no-encoder']);
  assert.match(third.stderr, /; 0 ledgers updated/);
});
