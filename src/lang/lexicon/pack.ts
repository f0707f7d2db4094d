/**
 * The optional Russian→English lexicon pack: a bigger dictionary than the built-in one (./ru-en.ts) that a user
 * makes on their own machine from a dictionary whose licence keeps it out of our package (Debian's
 * `mueller7-dict`, GPL-2+): `corroborate lexicon /usr/share/dictd/mueller7.dict.dz` writes it as JSON to the data
 * folder, and cross-lingual sentence alignment reads it from there (loaded once per process, on first use, like a
 * model). Without it everything works on the built-in lexicon. The data folder: $CORROBORATE_DATA_DIR, else
 * $XDG_DATA_HOME/corroborate, else ~/.local/share/corroborate.
 */
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';

export const PACK_FILE = 'lexicon-ru-en.json';

/** The folder the pack is written to and read from. */
export function dataDir(): string {
  const own = process.env.CORROBORATE_DATA_DIR;
  if (own) return own;
  // XDG: an unset, empty or relative XDG_DATA_HOME is ignored.
  const xdg = process.env.XDG_DATA_HOME;
  return join(xdg && isAbsolute(xdg) ? xdg : join(homedir(), '.local', 'share'), 'corroborate');
}

export function packPath(): string {
  return join(dataDir(), PACK_FILE);
}

let loaded: Readonly<Record<string, readonly string[]>> | null | undefined;

/** The installed pack (Russian word → English words), or null when none is installed or it cannot be read. */
export function lexiconPack(): Readonly<Record<string, readonly string[]>> | null {
  if (loaded === undefined) {
    loaded = null;
    const path = packPath();
    if (existsSync(path)) {
      try {
        const value: unknown = JSON.parse(readFileSync(path, 'utf8'));
        if (isLexicon(value)) loaded = value;
        else warn(`${path} is not a lexicon pack (ignored; run 'corroborate lexicon' again)`);
      } catch (error) {
        warn(`${path} could not be read (${error instanceof Error ? error.message : String(error)}; ignored)`);
      }
    }
  }
  return loaded;
}

function warn(message: string): void {
  process.stderr.write(`corroborate: warning: ${message}\n`);
}

function isLexicon(value: unknown): value is Record<string, string[]> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return Object.values(value).every((v) => Array.isArray(v) && v.every((w) => typeof w === 'string'));
}
