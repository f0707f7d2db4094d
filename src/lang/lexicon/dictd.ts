/**
 * Reading an English→Russian dictionary in the dictd text format (what Debian's `mueller7-dict` installs as
 * /usr/share/dictd/mueller7.dict.dz, gzip-compressed): each entry a headword at the start of a line, then indented
 * lines with the transcription in [brackets], part-of-speech and usage labels (_n., _v., _разг.), numbered senses
 * ("1) …") and translations separated by commas and semicolons, with English example phrases mixed in.
 *
 * `russianToEnglish` inverts it into the shape of the built-in lexicons (./ru-en.ts): a Russian word (lower case,
 * ё as е) → up to MAX_GLOSSES English headwords, in dictionary order. Only one-word English headwords and
 * one-word Russian translations are kept (a phrase is an example, not a gloss); pure, deterministic.
 */

/** English words kept per Russian word. */
const MAX_GLOSSES = 4;
const HEADWORD = /^[a-z]+$/;
const RUSSIAN_WORD = /^[а-я]+(?:-[а-я]+)?$/;

/** The entries of a dictd text: headword and the text of its indented lines. */
function entries(text: string): { head: string; body: string }[] {
  const out: { head: string; body: string }[] = [];
  let current: { head: string; lines: string[] } | null = null;
  for (const line of text.split('\n')) {
    if (line !== '' && !/^\s/.test(line)) {
      if (current) out.push({ head: current.head, body: current.lines.join(' ') });
      current = { head: line.trim(), lines: [] };
    } else if (current) current.lines.push(line.trim());
  }
  if (current) out.push({ head: current.head, body: current.lines.join(' ') });
  return out;
}

/** Russian word → English headwords, from an English→Russian dictd text (see the module comment). */
export function russianToEnglish(text: string): Record<string, string[]> {
  const out = new Map<string, string[]>();
  for (const { head, body } of entries(text)) {
    if (!HEADWORD.test(head)) continue;
    const cleaned = body
      .replace(/\[[^\]]*\]/g, ' ')
      .replace(/\([^)]*\)/g, ' ')
      .replace(/_[^\s.]+\./g, ' ')
      .replace(/\d+\)/g, ';');
    for (const item of cleaned.split(/[;,]/)) {
      const words = item.trim().split(/\s+/);
      if (words.length !== 1 || /[A-Za-z]/.test(item)) continue;
      const word = words[0]!.toLowerCase().replace(/ё/g, 'е').replace(/[.!?:]+$/, '');
      if (!RUSSIAN_WORD.test(word)) continue;
      const glosses = out.get(word) ?? [];
      if (!glosses.includes(head) && glosses.length < MAX_GLOSSES) glosses.push(head);
      out.set(word, glosses);
    }
  }
  return Object.fromEntries([...out].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
