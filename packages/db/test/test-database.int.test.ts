import { Client } from 'pg';
import { createTestDatabase, isPostgresReachable } from '../src';
import { SnakeNamingStrategy } from '../src/naming-strategy';

const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

describe('test databases on the real server', () => {
  it('are created empty for one test file and dropped after', async () => {
    if (!(await isPostgresReachable(serverUrl))) {
      expect(process.env.REQUIRE_REAL_SERVICES).not.toBe('1');
      return;
    }
    const database = await createTestDatabase(serverUrl, 'db-package');
    const client = new Client({ connectionString: database.url });
    await client.connect();
    const { rows } = await client.query(
      "SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog','information_schema')",
    );
    await client.end();
    expect(rows[0].n).toBe(0);
    await database.drop();
    const admin = new Client({ connectionString: serverUrl });
    await admin.connect();
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database.name]);
    await admin.end();
    expect(exists.rowCount).toBe(0);
  });
});

describe('the naming strategy', () => {
  it('names columns in snake_case', () => {
    const naming = new SnakeNamingStrategy();
    expect(naming.columnName('sourceFindingId', undefined, [])).toBe('source_finding_id');
    expect(naming.columnName('dueAt', undefined, [])).toBe('due_at');
  });
});
