/**
 * The optional Russian→English lexicon pack: parsing an English→Russian dictd dictionary (a small one we write
 * here in that format), the `lexicon` command that writes the pack, and cross-lingual terms reading it when it is
 * installed (the data folder is a temporary one: set before anything reads the pack).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { russianToEnglish } from '../src/lang/lexicon/dictd.js';
import { runCli } from './helpers/cli.js';

const dataDir = mkdtempSync(join(tmpdir(), 'corroborate-data-'));
process.env.CORROBORATE_DATA_DIR = dataDir;

const DICTIONARY = [
  'flood',
  '   [flʌd] _n.',
  '   1) наводнение, паводок; flood tide прилив',
  '   2) поток; изобилие',
  'levee',
  '   [ˈlevɪ] _n. дамба (на реке), насыпь',
  'sandbag',
  '   [ˈsændbæɡ] _n. мешок с песком; _v. укреплять мешками с песком',
  'Bay of Biscay',
  '   Бискайский залив',
  '',
].join('\n');

test('an English→Russian dictd text inverts to Russian word → English words; phrases and examples are left out', () => {
  const lexicon = russianToEnglish(DICTIONARY);
  assert.deepEqual(lexicon['наводнение'], ['flood']);
  assert.deepEqual(lexicon['паводок'], ['flood']);
  assert.deepEqual(lexicon['поток'], ['flood']);
  assert.deepEqual(lexicon['дамба'], ['levee'], 'a parenthesised usage note is dropped');
  assert.equal(lexicon['прилив'], undefined, 'part of an English example phrase');
  assert.deepEqual(Object.keys(russianToEnglish('sand\n   [s] _n. и, песок\n')), ['песок'], 'function words are not glosses');
  assert.equal(lexicon['мешок'], undefined, 'a phrase is not a gloss');
  assert.equal(lexicon['залив'], undefined, 'multi-word headwords are left out');
  assert.deepEqual(Object.keys(lexicon), [...Object.keys(lexicon)].sort(), 'sorted: the same dictionary gives the same bytes');
});

test('corroborate lexicon: writes the pack from a gzipped dictionary; bad inputs are one-line errors', () => {
  const dict = join(dataDir, 'tiny.dict.dz');
  writeFileSync(dict, gzipSync(Buffer.from(DICTIONARY)));
  const out = join(dataDir, 'pack.json');
  const ok = runCli(['lexicon', dict, '--out', out]);
  assert.equal(ok.status, 0, ok.stderr);
  assert.match(ok.stderr, /lexicon pack: 6 Russian words from .*tiny\.dict\.dz/);
  assert.deepEqual(JSON.parse(readFileSync(out, 'utf8'))['паводок'], ['flood']);
  const missing = runCli(['lexicon', join(dataDir, 'nope.dict.dz')]);
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /^corroborate: cannot read .*nope\.dict\.dz: no such file\n$/);
  const notDict = join(dataDir, 'notes.txt');
  writeFileSync(notDict, 'just some text\n');
  const empty = runCli(['lexicon', notDict]);
  assert.equal(empty.status, 1);
  assert.match(empty.stderr, /no English–Russian entries found/);
  const two = runCli(['lexicon', dict, notDict]);
  assert.equal(two.status, 2);
});

test('cross-lingual terms read the installed pack for Russian words the built-in lexicon lacks, and only those', async () => {
  // Installed before anything reads it (the pack is loaded once per process).
  writeFileSync(join(dataDir, 'lexicon-ru-en.json'), JSON.stringify({ сельдерей: ['celery'], паводок: ['freshet'] }));
  const { crossUnits, glossWords } = await import('../src/similarity/crosslingual.js');
  const units = crossUnits('Жители купили сельдерей.', 'ru').flat();
  assert.ok(units.includes('=celeri'), units.join(' '));
  assert.deepEqual(glossWords('паводок', 'ru', true), glossWords('паводок', 'ru'), 'a built-in word keeps its own glosses');
  assert.ok(!glossWords('паводок', 'ru', true).includes('freshet'));
  assert.deepEqual(glossWords('сельдерей', 'ru'), [], 'the story decision (no pack) does not see it');
  rmSync(dataDir, { recursive: true, force: true });
});

test('corroborate lexicon: - is refused (it reads and writes files)', () => {
  assert.equal(runCli(['lexicon', '-']).status, 2);
  assert.equal(runCli(['lexicon', '/usr/share/dictd/x.dict.dz', '--out', '-']).status, 2);
});
