/**
 * Tables looked up with words of an article or of the input (number words, units, months, title synonyms, XML
 * entity names, time zones, ...). An object literal also answers for the names of Object.prototype, and those are
 * words a text can hold: `'constructor' in {one: 1}` is true and `{one: 1}['constructor']` is a function ("A
 * constructor company" read as a number, "&constructor;" in a feed title replaced by function source, "the
 * constructor said" crashing the speaker rules). A table made here has no prototype: only its own keys answer.
 */
export function lookupTable<V>(entries: Readonly<Record<string, V>>): Readonly<Record<string, V>> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, V>, entries));
}
