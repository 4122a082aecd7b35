import { randomUUID } from 'node:crypto';
import {
  createEntityLoader,
  createGroupLoader,
  decodeCursor,
  DomainError,
  encodeCursor,
  pageSize,
} from '../src';

describe('cursors', () => {
  it('round-trip the position they encode', () => {
    const position = { sortValue: '42', id: randomUUID() };
    expect(decodeCursor(encodeCursor(position))).toEqual(position);
  });

  it('refuse a cursor this API did not issue with a coded error', () => {
    expect(() => decodeCursor('bm9wZQ')).toThrow(DomainError);
    expect(() => decodeCursor('%%%')).toThrow(expect.objectContaining({ code: 'PAGINATION_INVALID_CURSOR' }));
  });
});

describe('page sizes', () => {
  it('default to 20 and accept 1 to 200', () => {
    expect(pageSize(undefined)).toBe(20);
    expect(pageSize(1)).toBe(1);
    expect(pageSize(200)).toBe(200);
  });

  it.each([0, -1, 201, 2.5])('refuse %p', (size) => {
    expect(() => pageSize(size)).toThrow(expect.objectContaining({ code: 'PAGINATION_INVALID_FIRST' }));
  });
});

describe('entity loaders', () => {
  it('fetch every key of a tick in one call and answer in key order, null for the missing', async () => {
    const [a, b, missing] = [randomUUID(), randomUUID(), randomUUID()];
    const calls: string[][] = [];
    const loader = createEntityLoader(
      async (ids) => {
        calls.push([...ids]);
        return [{ id: b }, { id: a }];
      },
      (row) => row.id,
    );
    await expect(Promise.all([loader.load(a), loader.load(missing), loader.load(b)])).resolves.toEqual([
      { id: a },
      null,
      { id: b },
    ]);
    expect(calls).toEqual([[a, missing, b]]);
  });

  it('never send a malformed id to the store', async () => {
    const fetched: string[][] = [];
    const loader = createEntityLoader(
      async (ids) => (fetched.push([...ids]), []),
      (row: { id: string }) => row.id,
    );
    await expect(loader.load("1' OR '1'='1")).resolves.toBeNull();
    expect(fetched).toEqual([]);
  });

  it('group children by parent, giving an empty list to a parent without any', async () => {
    const [p, q] = [randomUUID(), randomUUID()];
    const loader = createGroupLoader(
      async () => [
        { parent: p, n: 1 },
        { parent: p, n: 2 },
      ],
      (row) => row.parent,
    );
    await expect(Promise.all([loader.load(p), loader.load(q)])).resolves.toEqual([
      [
        { parent: p, n: 1 },
        { parent: p, n: 2 },
      ],
      [],
    ]);
  });
});
