import { randomUUID } from 'node:crypto';
import { createCachedEntityLoader, SharedRowCache } from '../src';

interface Row {
  id: string;
  name: string;
}

describe('the shared cache of rows every caller may see', () => {
  it('serves a row until its time is up, then asks for it again', () => {
    let now = 5_000;
    const cache = new SharedRowCache<Row>(1_000, 100, { now: () => now });
    const id = randomUUID();
    cache.put(id, { id, name: '祝桥镇' });
    now = 5_999;
    expect(cache.take([id])).toEqual({ hits: new Map([[id, { id, name: '祝桥镇' }]]), misses: [] });
    now = 6_000;
    expect(cache.take([id])).toEqual({ hits: new Map(), misses: [id] });
  });

  it('drops the least recently used row to make room', () => {
    const cache = new SharedRowCache<Row>(60_000, 2);
    const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];
    cache.put(a, { id: a, name: a });
    cache.put(b, { id: b, name: b });
    // a is read again, so b is the one to go.
    expect(cache.take([a]).misses).toEqual([]);
    cache.put(c, { id: c, name: c });
    expect(cache.take([a, b, c]).misses).toEqual([b]);
  });

  it('lets a loader read only what the cache lacks, and never caches a row that was not found', async () => {
    const cache = new SharedRowCache<Row>();
    const known = new Map<string, Row>(
      [randomUUID(), randomUUID()].map((id) => [id, { id, name: `单位${id}` }]),
    );
    const asked: string[][] = [];
    const fetchMany = async (ids: readonly string[]) => {
      asked.push([...ids]);
      return ids.flatMap((id) => (known.has(id) ? [known.get(id)!] : []));
    };
    const [first, second] = [...known.keys()];
    const missing = randomUUID();

    const load = () => createCachedEntityLoader(cache, fetchMany, (row) => row.id);
    expect(await load().loadMany([first!, missing])).toEqual([known.get(first!), null]);
    expect(await load().loadMany([first!, second!, missing])).toEqual([
      known.get(first!),
      known.get(second!),
      null,
    ]);
    expect(await load().load(first!)).toEqual(known.get(first!));
    // Each later request asked the database only for what it had not found before.
    expect(asked).toEqual([
      [first, missing],
      [second, missing],
    ]);
  });
});
