import { Client } from 'pg';
import { createTestDatabase, isPostgresReachable } from '@eco/db';
import type { TestDatabase } from '@eco/db';
import { bulkLoad } from '../src/data/bulk-load';

const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * The loader's COPY text read back by PostgreSQL itself: what the format must escape (tabs, new
 * lines, backslashes; quotes and commas inside arrays), JSON and arrays told apart by the table's
 * own types, tables loaded in foreign-key order, and a column the rows leave out taking its default.
 */
describe('the bulk loader on real PostgreSQL', () => {
  let db: TestDatabase | null = null;
  let client: Client;

  beforeAll(async () => {
    if (!(await isPostgresReachable(serverUrl))) {
      expect(process.env.REQUIRE_REAL_SERVICES).not.toBe('1');
      return;
    }
    db = await createTestDatabase(serverUrl, 'bulk-load');
    client = new Client({ connectionString: db.url });
    await client.connect();
    await client.query(`CREATE SCHEMA copytest`);
    await client.query(`CREATE TABLE copytest.parents (id int PRIMARY KEY)`);
    await client.query(`CREATE TABLE copytest.rows (
      id int PRIMARY KEY REFERENCES copytest.parents (id),
      note text, tags text[], payload jsonb, at timestamptz, done boolean, amount numeric,
      added text NOT NULL DEFAULT 'by default')`);
  });

  afterAll(async () => {
    await client?.end();
    await db?.drop();
  });

  it('stores every value as it was given', async () => {
    if (!db) return;
    const rows = [
      {
        id: 1,
        note: 'tab\there\nnew line\\backslash\r"quoted"',
        tags: ['plain', 'with,comma', 'quote"and\\slash', '{braces}', null],
        payload: { text: '整改\t措施\n', list: [1, 'two', null], nested: { ok: true } },
        at: new Date('2026-11-22T03:04:05.678Z'),
        done: true,
        amount: 12.5,
      },
      { id: 2, note: null, done: false },
    ];
    const report = await bulkLoad(db.url, [
      { table: 'copytest.rows', rows, after: ['copytest.parents'] },
      { table: 'copytest.parents', rows: [{ id: 1 }, { id: 2 }], after: [] },
    ]);
    expect(report.rows).toBe(4);

    const { rows: stored } = await client.query(
      `SELECT id, note, tags, payload, at, done, amount::float AS amount, added FROM copytest.rows ORDER BY id`,
    );
    expect(stored).toEqual([
      { ...rows[0], added: 'by default' },
      {
        id: 2,
        note: null,
        tags: null,
        payload: null,
        at: null,
        done: false,
        amount: null,
        added: 'by default',
      },
    ]);
  });
});
