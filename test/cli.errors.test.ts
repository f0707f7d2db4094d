import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { repoRoot, runCli } from './helpers/cli.js';

const cliEntry = fileURLToPath(new URL('./helpers/cli-entry.ts', import.meta.url));

const dir = mkdtempSync(join(tmpdir(), 'corroborate-cli-'));
const good = join(dir, 'good.txt');
writeFileSync(good, 'Bridge reopens in Dunmore\n\nThe Dunmore bridge reopened on Monday after repairs, the town council said.\n');
const empty = join(dir, 'empty.txt');
writeFileSync(empty, '');
const binary = join(dir, 'binary.txt');
writeFileSync(binary, Buffer.from([0x00, 0x01, 0x02, 0xff, 0x00]));
const badJsonl = join(dir, 'feed.jsonl');
writeFileSync(badJsonl, '{"id":"x1","text":"The Dunmore ferry resumed service on Monday."}\nnot json\n{"id":"x2"}\n');

test('--help documents the exit codes and exits 0', () => {
  const r = runCli(['--help']);
  assert.equal(r.status, 0);
  for (const code of ['0 ', '1 ', '2 ', '3 ', '70 ']) assert.match(r.stdout, new RegExp(`^\\s+${code}`, 'm'));
});

test('usage errors are one line and exit 2', () => {
  for (const args of [[], ['frobnicate', good], ['compare'], ['compare', good, '--format', 'pdf'], ['compare', good, '--nope'], ['stories', '--limit', '-5'], ['cluster', good, '--one-story']]) {
    const r = runCli(args);
    assert.equal(r.status, 2, `args ${args.join(' ')}: ${r.stderr}`);
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    assert.match(r.stderr, /^corroborate: /);
    assert.doesNotMatch(r.stderr, /\bat .*\.ts:\d+/);
  }
});

test('bad inputs are reported with file and line, counted and skipped; the rest goes on', () => {
  const r = runCli(['extract', join(dir, 'missing.txt'), empty, binary, badJsonl, good, '--format', 'jsonl']);
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: string });
  assert.deepEqual(
    lines.map((l) => l.id),
    ['x1', 'good'],
  );
  assert.match(r.stderr, /missing\.txt: .*(not exist|no such)/i);
  assert.match(r.stderr, /empty\.txt: .*empty/i);
  assert.match(r.stderr, /binary\.txt: .*(binary|UTF-8)/i);
  assert.match(r.stderr, /feed\.jsonl:2: /);
  assert.match(r.stderr, /feed\.jsonl:3: .*text/);
  assert.match(r.stderr, /5 inputs skipped/);
  assert.doesNotMatch(r.stderr, /\bat .*\.ts:\d+/);
});

test('a published value that is not a date: the article is kept undated, the line says so, and nothing counts it as skipped', () => {
  const undated = join(dir, 'undated.jsonl');
  writeFileSync(undated, '{"id":"u1","published":"the day before","text":"The Dunmore ferry resumed service on Monday, the harbour office said."}\n');
  const r = runCli(['compare', undated, good, '--format', 'json', '--no-encoder']);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /^corroborate: kept .*undated\.jsonl:1: 'published' "the day before" of 'u1' is not a date .*; read as undated$/m);
  assert.doesNotMatch(r.stderr, /skipped/);
  const report = JSON.parse(r.stdout) as { articles: { id: string; published: string | null }[]; problems: unknown[] };
  assert.deepEqual(report.articles.map((a) => [a.id, a.published]).sort(), [['good', null], ['u1', null]]);
  assert.deepEqual(report.problems, [], "the report's problems are the inputs skipped");
});

test('a reader that leaves early (| head) ends the run quietly with exit 0, no stack trace', async () => {
  // `extract` of many articles writes far more than a pipe holds: the writes after the reader left fail with EPIPE.
  const many = join(dir, 'many.jsonl');
  const line = (i: number): string => JSON.stringify({ id: `m${i}`, text: `The Dunmore ferry carried ${i} passengers on Monday, the harbour office said.` });
  writeFileSync(many, `${Array.from({ length: 400 }, (_, i) => line(i)).join('\n')}\n`);
  const child = spawn(process.execPath, ['--import', 'tsx', cliEntry, 'extract', many, '--format', 'jsonl'], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdout.once('data', () => child.stdout.destroy());
  const status = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  assert.equal(status, 0, stderr);
  assert.equal(stderr, '');
});

test('a closed standard error (2>&1 | head) stops nothing: the run finishes and writes its --out', async () => {
  const noisy = join(dir, 'noisy.jsonl');
  writeFileSync(noisy, `${Array.from({ length: 3000 }, (_, i) => `not json ${i}`).join('\n')}\n${JSON.stringify({ id: 'n1', text: 'The Dunmore bridge reopened on Monday.' })}\n`);
  const out = join(dir, 'noisy-report.json');
  const child = spawn(process.execPath, ['--import', 'tsx', cliEntry, 'compare', noisy, good, '--format', 'json', '--no-encoder', '--out', out], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'pipe'] });
  child.stderr.once('data', () => child.stderr.destroy());
  const status = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  assert.equal(status, 0);
  const report = JSON.parse(readFileSync(out, 'utf8')) as { articles: { id: string }[]; problems: unknown[] };
  assert.deepEqual(report.articles.map((a) => a.id).sort(), ['good', 'n1']);
  assert.equal(report.problems.length, 3000);
});

test('nothing analysable exits 1', () => {
  const r = runCli(['compare', empty, join(dir, 'missing.txt')]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /no article could be analysed/);
});

test('an unwritable --out exits 3 with one line', () => {
  const r = runCli(['compare', good, '--format', 'json', '--no-encoder', '--out', join(dir, 'no', 'such', 'dir', 'r.json')]);
  assert.equal(r.status, 3, r.stderr);
  assert.match(r.stderr, /cannot write .*r\.json/);
});

test('a negative number after an option says how to write it', () => {
  const r = runCli(['stories', '--limit', '-5']);
  assert.equal(r.stderr, "corroborate: --limit needs a value (a value that starts with '-' is written --limit=VALUE)\n");
});

test('--out never overwrites an input, a file in an input folder, or the store: exit 2, the file unchanged', () => {
  const folder = mkdtempSync(join(tmpdir(), 'corroborate-out-'));
  const article = join(folder, 'a.txt');
  writeFileSync(article, 'Bridge reopens in Dunmore\n\nThe Dunmore bridge reopened on Monday, the town council said.\n');
  const db = join(folder, 'news.db');
  assert.equal(runCli(['ingest', article, '--db', db, '--no-ledgers', '--quiet']).status, 0);
  const stored = readFileSync(db);
  for (const [args, says] of [
    [['compare', good, article, '--out', article], /is an input/],
    [['compare', folder, '--out', article], /is a file in the input folder/],
    [['stories', '--db', db, '--out', db], /is the store/],
    [['compare', good, '--out', ''], /--out needs a file name/],
  ] as const) {
    const r = runCli([...args, '--no-encoder']);
    assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, says);
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
  }
  assert.match(readFileSync(article, 'utf8'), /^Bridge reopens in Dunmore/);
  assert.deepEqual(readFileSync(db), stored);
  // A new file beside the inputs is fine.
  const fresh = join(folder, 'report.json');
  assert.equal(runCli(['compare', article, good, '--format', 'json', '--no-encoder', '--out', fresh]).status, 0);
  assert.ok(existsSync(fresh));
  // …and so is a file there that the folder's walk does not read (a .json report), also when it exists: a re-run.
  for (let run = 0; run < 2; run++) assert.equal(runCli(['compare', folder, '--format', 'json', '--no-encoder', '--out', fresh]).status, 0);
});

test('stdin is read with -', () => {
  const r = runCli(['extract', '-'], { input: 'Ferry strike ends\n\nFerry workers in Dunmore ended their strike on Friday, the union said.\n' });
  assert.equal(r.status, 0, r.stderr);
  const record = JSON.parse(r.stdout.trim()) as { title: string; text: string };
  assert.equal(record.title, 'Ferry strike ends');
  assert.match(record.text, /^Ferry workers in Dunmore/);
});

test('extract streams to --out; nothing analysable creates no file', () => {
  const out = join(dir, 'extract.jsonl');
  const r = runCli(['extract', good, badJsonl, '--out', out]);
  assert.equal(r.status, 0, r.stderr);
  const lines = readFileSync(out, 'utf8').trim().split('\n');
  assert.deepEqual(
    lines.map((l) => (JSON.parse(l) as { id: string }).id),
    ['good', 'x1'],
  );
  const none = join(dir, 'none.jsonl');
  assert.equal(runCli(['extract', empty, '--out', none]).status, 1);
  assert.equal(existsSync(none), false);
  const bad = runCli(['extract', good, '--out', join(dir, 'no', 'such', 'x.jsonl')]);
  assert.equal(bad.status, 3);
  assert.match(bad.stderr, /cannot write .*x\.jsonl: no such directory/);
});

test('extract --format json writes one JSON array', () => {
  const r = runCli(['extract', good, badJsonl, '--format', 'json']);
  assert.equal(r.status, 0, r.stderr);
  const records = JSON.parse(r.stdout) as { id: string; sentences: unknown[] }[];
  assert.deepEqual(
    records.map((x) => x.id),
    ['good', 'x1'],
  );
  assert.ok(records.every((x) => x.sentences.length > 0));
});
