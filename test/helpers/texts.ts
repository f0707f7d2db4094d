import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './paths.js';

/** The motivating seeds live in ../shared beside the repo (CI has it; a bare clone does not). */
export const seedsDir = join(repoRoot, '..', 'shared', 'examples', 'seeds');

/** Text of the seed file whose name starts with `prefix` ("000_"), or null without ../shared. */
export function seedText(prefix: string): string | null {
  if (!existsSync(seedsDir)) return null;
  const name = readdirSync(seedsDir).find((n) => n.startsWith(prefix) && n.endsWith('.txt'));
  return name ? readFileSync(join(seedsDir, name), 'utf8') : null;
}

/** An example file's body (front matter and headline removed) and its `published` front-matter value. */
export function exampleFile(name: string): { body: string; published: string | null } {
  let rest = readFileSync(join(repoRoot, 'examples', name), 'utf8');
  let published: string | null = null;
  if (rest.startsWith('---')) {
    const end = rest.indexOf('\n---', 3);
    published = /^published:\s*(\S+)/m.exec(rest.slice(0, end))?.[1] ?? null;
    rest = rest.slice(end + 5);
  }
  return { body: rest.slice(rest.indexOf('\n\n') + 2), published };
}

export function exampleBody(name: string): string {
  return exampleFile(name).body;
}
