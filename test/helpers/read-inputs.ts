import { isProblem, readInputs } from '../../src/ingest/index.js';
import type { Article, InputProblem } from '../../src/types.js';

/** Everything `readInputs` yields, split into articles and problems. */
export async function readAll(paths: string[], stdin?: NodeJS.ReadableStream): Promise<{ articles: Article[]; problems: InputProblem[] }> {
  const articles: Article[] = [];
  const problems: InputProblem[] = [];
  for await (const item of readInputs(paths, stdin ? { stdin } : {})) {
    if (isProblem(item)) problems.push(item);
    else articles.push(item);
  }
  return { articles, problems };
}
