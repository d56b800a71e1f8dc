// Grouping rows by a key without a query per group.

/** Appends the value to the key's list, starting the list when the key is new. */
export function addTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
