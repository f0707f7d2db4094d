/** Appends `value` to the list under `key` (a Map of lists used as a multimap; lists keep insertion order). */
export function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
