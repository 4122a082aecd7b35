import {
  createServiceDataSource,
  createTestDatabase,
  isPostgresReachable,
  openServiceDatabase,
} from '@eco/db';
import type { TestDatabase } from '@eco/db';
import { EventConsumer, InProcessTransport } from '@eco/events';
import { createLogger } from '@eco/logging';
import type { DataSource } from 'typeorm';
import { platformJobs } from '../src/platform-jobs';

const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const SCHEMA = 'jobstest';
const logger = createLogger('test', 'silent');

/** The jobs every subgraph runs, on the real PostgreSQL: here, the purge of expired idempotency keys. */
describe('platform jobs', () => {
  let db: TestDatabase | null = null;
  let app: DataSource;
  let jobs: ReturnType<typeof platformJobs>;

  beforeAll(async () => {
    if (!(await isPostgresReachable(serverUrl))) {
      expect(process.env.REQUIRE_REAL_SERVICES).not.toBe('1');
      return;
    }
    db = await createTestDatabase(serverUrl, 'platform-jobs');
    app = await openServiceDatabase(
      createServiceDataSource({ url: db.url, schema: SCHEMA, entities: [], migrations: [], poolSize: 2 }),
    );
    const consumer = new EventConsumer({
      service: SCHEMA,
      dataSource: app,
      transport: new InProcessTransport(logger),
      logger,
    });
    jobs = platformJobs(SCHEMA, app, consumer);
  });

  afterAll(async () => {
    await app?.destroy();
    await db?.drop();
  });

  it('purges idempotency keys older than a week, and keeps younger ones', async () => {
    if (!db) return;
    await app.query(
      `INSERT INTO ${SCHEMA}.idempotency_keys (principal_id, key, mutation, request_hash, created_at)
       VALUES ('p', 'old', 'm', 'h', now() - interval '8 days'), ('p', 'young', 'm', 'h', now() - interval '6 days')`,
    );
    await jobs.find((job) => job.name === 'purge-idempotency-keys')!.run();
    const left: { key: string }[] = await app.query(
      `SELECT key FROM ${SCHEMA}.idempotency_keys ORDER BY key`,
    );
    expect(left.map((row) => row.key)).toEqual(['young']);
  });

  it('runs every platform job without error on a fresh schema', async () => {
    if (!db) return;
    for (const job of jobs) await expect(job.run()).resolves.toBeUndefined();
  });
});
