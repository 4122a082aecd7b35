import DataLoader from 'dataloader';

import { isId } from './id';
import type { SharedRowCache } from './shared-row-cache';

/** Ids are UUIDs: anything else cannot exist, and must not reach SQL as a malformed uuid. */
const wellFormed = (keys: readonly string[]) => keys.filter(isId);

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
    const ids = wellFormed(keys);
    if (ids.length > 0) for (const value of await fetchMany(ids)) found.set(keyOf(value), value);
    return keys.map((key) => found.get(key) ?? null);
  });
}

/**
 * createEntityLoader in front of a process-wide cache of rows every caller may see: only the keys
 * the cache lacks reach `fetchMany`, and what it returns is cached.
 */
export function createCachedEntityLoader<V extends object>(
  cache: SharedRowCache<V>,
  fetchMany: (keys: readonly string[]) => Promise<V[]>,
  keyOf: (value: V) => string,
): DataLoader<string, V | null> {
  return createEntityLoader(async (keys) => {
    const { hits, misses } = cache.take(keys);
    const fetched = misses.length > 0 ? await fetchMany(misses) : [];
    for (const value of fetched) cache.put(keyOf(value), value);
    return [...hits.values(), ...fetched];
  }, keyOf);
}

/** Like createEntityLoader, for one-to-many children: every key gets its (possibly empty) list. */
export function createGroupLoader<V>(
  fetchMany: (keys: readonly string[]) => Promise<V[]>,
  groupOf: (value: V) => string,
): DataLoader<string, V[]> {
  return new DataLoader<string, V[]>(async (keys) => {
    const groups = new Map<string, V[]>();
    const ids = wellFormed(keys);
    for (const value of ids.length > 0 ? await fetchMany(ids) : []) {
      const key = groupOf(value);
      const list = groups.get(key);
      if (list) list.push(value);
      else groups.set(key, [value]);
    }
    return keys.map((key) => groups.get(key) ?? []);
  });
}
