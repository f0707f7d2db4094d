/**
 * Posted articles → the store, one run at a time: ONE CorpusIngester for the server's life (it keeps its story
 * index between runs) and a promise chain, so runs never overlap. After each run the full-text index catches up
 * and the reports of the stories the posted articles are in (of two or more articles) are computed, so the
 * answer's story links open at once.
 */
import type { InputProblem } from '../types.js';
import { CorpusIngester, type IngestedArticle } from '../corpus/ingest.js';
import { storyReport } from '../corpus/reports.js';
import { isProblem } from '../ingest/problem.js';
import type { CompareOptions } from '../pipeline.js';
import type { Store } from '../store/index.js';
import type { PostItems } from './post-body.js';
import type { PostedArticle, PostOutcome } from './wire.js';

export type { PostedArticle, PostOutcome };

export class IngestQueue {
  private readonly ingester: CorpusIngester;
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly store: Store,
    private readonly compare: CompareOptions,
    private readonly generator: string,
    /** Called after each run (the server refreshes its search index there). */
    private readonly afterRun: () => void,
    /** Where a run that waits for another ingest's placement lock says so. */
    private readonly log: (line: string) => void = () => undefined,
  ) {
    this.ingester = new CorpusIngester(store, { batchSize: 500 });
  }

  /** Ingests `items` after every earlier run finished. */
  ingest(items: PostItems): Promise<PostOutcome> {
    const run = this.tail.then(() => this.run(items));
    this.tail = run.catch(() => undefined);
    return run;
  }

  /** Resolves when every queued run finished. */
  idle(): Promise<void> {
    return this.tail.then(() => undefined);
  }

  private async run(items: PostItems): Promise<PostOutcome> {
    const problems: PostOutcome['problems'] = [];
    const read: IngestedArticle[] = [];
    const summary = await this.ingester.ingest(collectProblems(items, problems), {
      onArticle: (a) => read.push(a),
      onWaitForPlacement: () => this.log('corroborate: another ingest is placing articles in this store; posted articles wait for it to finish'),
    });
    this.afterRun();
    const articles = read.map((a): PostedArticle => ({ id: a.id, status: a.status, story: this.store.getArticle(a.id)?.story ?? null }));
    const stories: string[] = [];
    for (const a of articles) if (a.status === 'new' && a.story !== null && !stories.includes(a.story)) stories.push(a.story);
    for (const id of stories) {
      if ((this.store.getStory(id)?.size ?? 0) >= 2) await storyReport(this.store, id, this.compare, this.generator);
    }
    return { added: summary.added, duplicates: summary.duplicates, conflicts: summary.conflicts, skipped: summary.skipped, problems, articles, stories };
  }
}

async function* collectProblems(items: PostItems, problems: PostOutcome['problems']): PostItems {
  for await (const item of items) {
    if (isProblem(item)) problems.push(problemLine(item));
    yield item;
  }
}

function problemLine(p: InputProblem): PostOutcome['problems'][number] {
  return p.kept ? { line: p.line ?? null, message: p.message, kept: true } : { line: p.line ?? null, message: p.message };
}
