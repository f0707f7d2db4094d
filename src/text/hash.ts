import { createHash } from 'node:crypto';

/** Short, stable content hash (hex) for ids. */
export function shortHash(...parts: string[]): string {
  const h = createHash('sha256');
  for (const p of parts) {
    h.update(p);
    h.update('\u0000');
  }
  return h.digest('hex').slice(0, 12);
}
