/**
 * Numbers that label something rather than count it: "No. 10", "№ 5", "#3", and a bare number after a name ("Boeing
 * 737", "Route 94", "Bellator 206", "Flight 6321"). Shared by the English and the Russian / French number readers, so
 * that an article and its translation agree on what is a number.
 */

/** Whether the number at `start` (ending at `end`) of the sentence `text` is a label; `bare`: nothing counted or measured follows it. */
export function isLabel(text: string, start: number, end: number, bare: boolean): boolean {
  return /(?:\bNos?\.|№|#)\s?$/.test(text.slice(Math.max(0, start - 5), start)) || (bare && afterName(text, start, end));
}

/**
 * Whether the number at `start` (ending at `end`) follows a capitalised word that names something ("Boeing 737",
 * "Route 94", "Flight 370"): one space before the number, and the word does not open the sentence ("About 40",
 * "Nearly 12" stay numbers; the text here is one sentence). Not a score, record or range ("Colts beat Chiefs 20-13",
 * "Ali 22-3", "McIlroy 4&3", "Clinton 45 to 40 percent"), not a year ("Act 2017"), and not in a headline written in title case ("Quake in Iran Kills 10").
 */
function afterName(text: string, start: number, end: number): boolean {
  const m = /(\p{Lu}[\p{L}\p{N}-]*) $/u.exec(text.slice(Math.max(0, start - 30), start));
  if (!m) return false;
  const wordStart = start - m[0].length;
  if (!/\S/.test(text.slice(0, wordStart)) || /[.!?:"“(—–-]\s*$/.test(text.slice(0, wordStart))) return false;
  if (/^\s*(?:[-–&/]|to\s)\s*\d/.test(text.slice(end, end + 6))) return false;
  // A year names a time even after a name ("the Government of Wales Act 2017", "London 2012").
  if (/^(?:19|20)\d\d$/.test(text.slice(start, end))) return false;
  const words = text.match(/\p{L}+/gu) ?? [];
  return words.filter((w) => /^\p{Lu}/u.test(w)).length * 2 <= words.length;
}

