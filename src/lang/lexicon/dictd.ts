/**
 * Reading an English→Russian dictionary in the dictd text format (what Debian's `mueller7-dict` installs as
 * /usr/share/dictd/mueller7.dict.dz, gzip-compressed): each entry a headword at the start of a line, then indented
 * lines with the transcription in [brackets], part-of-speech and usage labels (_n., _v., _разг.), numbered senses
 * ("1) …") and translations separated by commas and semicolons, with English example phrases mixed in.
 *
 * `russianToEnglish` inverts it into the shape of the built-in lexicons (./ru-en.ts): a Russian word (lower case,
 * ё as е) → up to MAX_GLOSSES English headwords, those where it is an earlier translation first (the first sense's
 * first word before a sixth sense's), then alphabetically. Only one-word English headwords and one-word Russian
 * translations of three letters or more that are not function words are kept (a phrase is an example, not a gloss;
 * "и" or "не" as a translation of some rare headword would be a gloss of every sentence); pure, deterministic.
 */

/** English words kept per Russian word. */
const MAX_GLOSSES = 4;
const HEADWORD = /^[a-z]+$/;
const RUSSIAN_WORD = /^[а-я]{3,}(?:-[а-я]+)?$/;
/** Russian function words of three letters or more: never glosses. */
const FUNCTION_WORDS: ReadonlySet<string> = new Set(
  ('что это как так для при над под без или его она они оно мне тот эта эти все весь уже еще даже тоже чем где там тут кто ' +
    'вот был была было были быть есть нет если когда очень только можно надо себя свой своя свое свои этот эту том тем той ' +
    'ему ней них нам вам вас нас них которые который которая которое также либо ведь лишь иль коли раз чтобы потому поэтому')
    .split(' '),
);

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
  // Russian word → (position of the translation in its entry, English headword).
  const found = new Map<string, { at: number; head: string }[]>();
  for (const { head, body } of entries(text)) {
    if (!HEADWORD.test(head)) continue;
    const cleaned = body
      .replace(/\[[^\]]*\]/g, ' ')
      .replace(/\([^)]*\)/g, ' ')
      .replace(/_[^\s.]+\./g, ' ')
      .replace(/\d+\)/g, ';');
    cleaned.split(/[;,]/).forEach((item, at) => {
      const words = item.trim().split(/\s+/);
      if (words.length !== 1 || /[A-Za-z]/.test(item)) return;
      const word = words[0]!.toLowerCase().replace(/ё/g, 'е').replace(/[.!?:]+$/, '');
      if (!RUSSIAN_WORD.test(word) || FUNCTION_WORDS.has(word)) return;
      const list = found.get(word) ?? [];
      if (!list.some((g) => g.head === head)) list.push({ at, head });
      found.set(word, list);
    });
  }
  const byWord = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  return Object.fromEntries(
    [...found]
      .sort(([a], [b]) => byWord(a, b))
      .map(([word, list]) => [word, [...list].sort((x, y) => x.at - y.at || byWord(x.head, y.head)).slice(0, MAX_GLOSSES).map((g) => g.head)]),
  );
}
