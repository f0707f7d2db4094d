/**
 * A child process for the store crash test: `node --import tsx test/helpers/store-writer.ts DB N` writes N
 * synthetic articles (fictional text, ~3 KB each) in transactions of 50, placing each new article in one of 7
 * stories and merging two stories every 10th batch, and prints `committed <through> <added>` after each commit,
 * then `done`. Re-running it on the same database continues where it stopped: articles already stored come back
 * as duplicates and are skipped, with their batch's story work (it was in the same transaction).
 */
import { pathToFileURL } from 'node:url';
import { openStore, type Store } from '../../src/store/index.js';
import type { Article } from '../../src/types.js';

export const WRITER_BATCH = 50;
const STORIES = 7;
const WORDS = ['harbour', 'council', 'ferry', 'lantern', 'orchard', 'quarry', 'bridge', 'festival', 'weather', 'market', 'archive', 'tunnel'];

/** Article i of the synthetic corpus (fictional, deterministic). */
export function writerArticle(i: number): Article {
  const parts: string[] = [`Report ${i} from the town of Velmora.`];
  let x = (i + 1) * 2654435761;
  let length = parts[0]!.length;
  while (length < 3000) {
    x = (x * 1103515245 + 12345) % 2147483648;
    const sentence = `The ${WORDS[x % WORDS.length]!} committee noted item ${x % 1000} on day ${i % 31}.`;
    parts.push(sentence);
    length += sentence.length + 1;
  }
  return {
    id: `w${i}`,
    title: `Velmora report ${i}`,
    text: parts.join(' '),
    source: `Outlet ${i % 5}`,
    url: `https://example.test/velmora/${i}`,
    published: `2026-11-${String(1 + (i % 28)).padStart(2, '0')}`,
    language: 'en',
    byline: null,
    origin: `writer:${i}`,
  };
}

export function writerSignature(i: number): Uint8Array {
  const bytes = new Uint8Array(300);
  for (let k = 0; k < bytes.length; k++) bytes[k] = (i * 31 + k * 7) & 255;
  return bytes;
}

/** One batch, atomically: articles [start, end), their stories, and maybe a merge. Returns how many were new. */
export function writeBatch(store: Store, start: number, end: number): number {
  return store.transaction(() => {
    let added = 0;
    for (let i = start; i < end; i++) {
      const put = store.putArticle(writerArticle(i), writerSignature(i));
      if (put.status !== 'new') continue;
      added++;
      const storyId = `story-${i % STORIES}`;
      if (store.getStory(storyId)) store.assign(put.seq, storyId);
      else store.createStory(storyId, [put.seq]);
    }
    const batch = Math.floor(start / WRITER_BATCH);
    if (added > 0 && batch % 10 === 9) {
      const from = store.getStory(`story-${batch % STORIES}`);
      const into = store.getStory(`story-${(batch + 3) % STORIES}`);
      if (from && into && from.id !== into.id) store.mergeStories(from.id, into.id);
    }
    return added;
  });
}

function main(): void {
  const [path, countArg] = process.argv.slice(2);
  const n = Number(countArg);
  if (!path || !Number.isInteger(n) || n < 0) {
    process.stderr.write('usage: store-writer.ts DB N\n');
    process.exit(2);
  }
  const store = openStore(path);
  for (let start = 0; start < n; start += WRITER_BATCH) {
    const end = Math.min(n, start + WRITER_BATCH);
    const added = writeBatch(store, start, end);
    process.stdout.write(`committed ${end} ${added}\n`);
  }
  store.close();
  process.stdout.write('done\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
