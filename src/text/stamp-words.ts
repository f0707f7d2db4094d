/**
 * The words of a page's publication or update stamp besides its date ("Updated: Mon, May 2, 2013 at 1:12 PM EDT",
 * "8/2/13 at 1:30 PM"): read by the comparison (similarity/slots.ts: a stamp is no date claim) and by the headline
 * taken from an untitled article's text (./headline.ts: a stamp line is no headline).
 */
export const STAMP_WORDS =
  /^(?:(?:first|last|originally)?\s*(?:updated?|published|posted|modified|edited|created)|date|on|at|and|am|pm|a\.m\.|p\.m\.|[ecmp][sd]?t|gmt|utc|bst|cest?|msk|ist|aest|mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:rs|rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)$/i;

/** The words of `part` a stamp test reads: split at white space and punctuation, punctuation-only pieces dropped. */
export function stampTestWords(part: string): string[] {
  return part.split(/[\s,|·•:;()[\]–—-]+/).filter((w) => w !== '' && !/^\p{P}+$/u.test(w));
}

const MONTH = /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?$/i;

/**
 * Is `line` a stamp alone: a date or time with stamp words and nothing else ("8/2/13 at 1:30 PM", "Published:
 * June 13, 2013 4:59 PM EDT", "Saturday, September 14, 2013")? It needs a digit; every word is a number, a month or a
 * stamp word.
 */
export function isStampLine(line: string): boolean {
  if (!/\d/.test(line)) return false;
  return stampTestWords(line).every((w) => /^[\d/.:,]+(?:st|nd|rd|th)?$/i.test(w) || MONTH.test(w) || STAMP_WORDS.test(w));
}
