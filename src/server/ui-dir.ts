/** Where the built web UI lives: `dist/ui` under the package root (the nearest folder with a package.json). */
import { existsSync, realpathSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root: walking up from `from` (a file URL or path) to the first folder holding package.json. */
export function packageRoot(from: string = import.meta.url): string {
  let dir = dirname(from.startsWith('file:') ? fileURLToPath(from) : from);
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${from}`);
    dir = parent;
  }
}

/** The built UI folder (real path, with an index.html), or null when the UI is not built. */
export function resolveUiDir(from: string = import.meta.url): string | null {
  const dir = join(packageRoot(from), 'dist', 'ui');
  try {
    if (!statSync(join(dir, 'index.html')).isFile()) return null;
    return realpathSync(dir);
  } catch {
    return null;
  }
}
