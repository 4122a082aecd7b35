import DataLoader from 'dataloader';

/**
 * A per-request loader that fetches many records in one query and hands each key its own record
 * (or null). Every `__resolveReference` and list child goes through one of these, so a page of N
 * rows costs a fixed number of statements, not N.
 */
export function createEntityLoader<V>(
  fetchMany: (keys: readonly string[]) => Promise<V[]>,
  keyOf: (value: V) => string,
): DataLoader<string, V | null> {
  return new DataLoader<string, V | null>(async (keys) => {
    const found = new Map<string, V>();
    for (const value of await fetchMany(keys)) found.set(keyOf(value), value);
    return keys.map((key) => found.get(key) ?? null);
  });
}

/** Like createEntityLoader, for one-to-many children: every key gets its (possibly empty) list. */
export function createGroupLoader<V>(
  fetchMany: (keys: readonly string[]) => Promise<V[]>,
  groupOf: (value: V) => string,
): DataLoader<string, V[]> {
  return new DataLoader<string, V[]>(async (keys) => {
    const groups = new Map<string, V[]>();
    for (const value of await fetchMany(keys)) {
      const key = groupOf(value);
      const list = groups.get(key);
      if (list) list.push(value);
      else groups.set(key, [value]);
    }
    return keys.map((key) => groups.get(key) ?? []);
  });
}
