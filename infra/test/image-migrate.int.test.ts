import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { Client } from 'pg';
import { createTestDatabase } from '@eco/db';
import type { TestDatabase } from '@eco/db';
import { rectificationSubgraph } from '@eco/rectification-service';
import { INFRA, REPO } from './support/render';

jest.setTimeout(120_000);

const migrate = (databaseUrl: string) =>
  new Promise<number | null>((resolve) => {
    const child = spawn('sh', [join(INFRA, 'docker', 'entrypoint.sh'), 'migrate'], {
      cwd: REPO,
      env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' },
      stdio: 'inherit',
    });
    child.once('exit', resolve);
  });

/**
 * The image's `migrate` mode (its bundle, built by this suite's globalSetup), run from the
 * repository as the container runs it from /app.
 */
describe('the migrate mode of the image', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(
      process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
      'migrate',
    );
  });

  afterAll(async () => {
    await database?.drop();
  });

  it('migrates every subgraph schema, and runs started together take turns', async () => {
    expect(await Promise.all([migrate(database.url), migrate(database.url)])).toEqual([0, 0]);
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ schema: string; n: number }>(
        `SELECT s AS schema, (xpath('/row/n/text()', query_to_xml(format('SELECT count(*) AS n FROM %I.migrations', s), false, true, '')))[1]::text::int AS n
           FROM unnest(ARRAY['agencies', 'inspections', 'rectification', 'supervision']) AS s`,
      );
      for (const row of rows) expect(row.n).toBeGreaterThan(0);
      // Nothing was applied twice: each migration is recorded once.
      const { rows: twice } = await client.query(
        `SELECT name FROM agencies.migrations GROUP BY name HAVING count(*) > 1`,
      );
      expect(twice).toEqual([]);
      // The subgraph's own migrations (the shared @eco/db ones come with them) are recorded under the
      // names the sources give them, as a tsx-run image recorded them: an upgraded deployment finds
      // its applied migrations and repeats none.
      const { rows: recorded } = await client.query<{ name: string }>(
        `SELECT name FROM rectification.migrations ORDER BY name`,
      );
      const named = rectificationSubgraph.migrations.map((migration) => {
        const instance = new (migration as new () => { name?: string })();
        return instance.name ?? migration.name;
      });
      expect(recorded.map((r) => r.name)).toEqual(expect.arrayContaining(named));
    } finally {
      await client.end();
    }
  });
});
