import { randomUUID } from 'node:crypto';
import { createInternalTokenSigner, INTERNAL_TOKEN_HEADER } from '@eco/auth';
import { createTestDatabase, isPostgresReachable } from '@eco/db';
import type { TestDatabase } from '@eco/db';
import { InProcessTransport } from '@eco/events';
import { createLogger } from '@eco/logging';
import { parse } from 'graphql';
import { Client } from 'pg';
import type { EntityManager } from 'typeorm';
import { startSubgraph } from '../src/subgraph-runtime';
import type { BaseContext, RunningSubgraph } from '../src/subgraph-runtime';

const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const SECRET = 'read-transaction-test-secret-of-at-least-32-chars';
const logger = createLogger('test', 'silent');

interface Ctx extends BaseContext {
  reads: EntityManager;
}

/**
 * A request's read transaction is opened lazily by its first statement and closed when the answer
 * is sent (subgraph-runtime.ts). When that COMMIT fails, the request must still be answered and
 * the pool must not hand the broken connection to the next request.
 */
describe("a request's read transaction", () => {
  let db: TestDatabase | null = null;
  let subgraph: RunningSubgraph;
  let token: string;
  let admin: Client;

  beforeAll(async () => {
    if (!(await isPostgresReachable(serverUrl))) {
      expect(process.env.REQUIRE_REAL_SERVICES).not.toBe('1');
      return;
    }
    db = await createTestDatabase(serverUrl, 'read-transaction');
    subgraph = await startSubgraph<Ctx>(
      {
        name: 'readtxtest',
        // The operations every subgraph gets (dead letters) answer with the shared MutationError.
        typeDefs:
          parse(`extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@shareable"])
        scalar DateTime
        type FieldError @shareable { field: String! message: String! }
        type MutationError @shareable { code: String! message: String! fieldErrors: [FieldError!]! currentVersion: Int }
        type Query {
          "The read connection's backend; with kill, that backend is ended mid-request."
          backend(kill: Boolean!): Int!
          "Whether this request's reads are inside a read-only transaction."
          readOnly: Boolean!
        }`),
        resolvers: {
          Query: {
            backend: async (_: unknown, { kill }: { kill: boolean }, ctx: Ctx) => {
              const [{ pid }] = (await ctx.reads.query('SELECT pg_backend_pid() AS pid')) as [
                { pid: number },
              ];
              // Ended from outside (the application role may not signal backends), waiting until it is gone.
              if (kill) await admin.query('SELECT pg_terminate_backend($1, 5000)', [pid]);
              return pid;
            },
            readOnly: async (_: unknown, __: unknown, ctx: Ctx) => {
              const [{ ro }] = (await ctx.reads.query(
                `SELECT current_setting('transaction_read_only') AS ro`,
              )) as [{ ro: string }];
              return ro === 'on';
            },
          },
        },
        entities: [],
        migrations: [],
        rowSecurity: true,
        createContext: (principal, _runtime, reads) => ({ principal, reads }),
      },
      {
        databaseUrl: db.url,
        transport: new InProcessTransport(logger),
        internalTokenSecret: SECRET,
        logger,
        poolSize: 2,
        // One read connection: a broken one handed back would be the next request's.
        readPoolSize: 1,
      },
    );
    token = await createInternalTokenSigner(SECRET)({
      personId: randomUUID(),
      agencyId: randomUUID(),
      name: '测试',
      roles: ['PARTNER_USER'],
    });
    admin = new Client({ connectionString: db.url });
    await admin.connect();
  });

  afterAll(async () => {
    await admin?.end();
    await subgraph?.stop();
    await db?.drop();
  });

  const ask = async (query: string) => {
    const response = await fetch(subgraph.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [INTERNAL_TOKEN_HEADER]: token },
      body: JSON.stringify({ query }),
    });
    return { status: response.status, body: (await response.json()) as { data?: any; errors?: unknown[] } };
  };

  it('reads inside a read-only transaction, and leaves none open once answered', async () => {
    if (!db) return;
    const answer = await ask('{ readOnly }');
    expect(answer.body).toEqual({ data: { readOnly: true } });
    const { rows } = await admin.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'`,
    );
    expect(rows[0].n).toBe(0);
  });

  it('answers when its connection dies before COMMIT, and the next request gets a live connection', async () => {
    if (!db) return;
    const killed = await ask('{ backend(kill: true) }');
    expect(killed.status).toBe(200);
    const killedPid = killed.body.data.backend as number;

    for (let i = 0; i < 3; i += 1) {
      const next = await ask('{ backend(kill: false) }');
      expect(next.body.errors).toBeUndefined();
      expect(next.body.data.backend).not.toBe(killedPid);
    }
    const { rows } = await admin.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE pid = $1`, [
      killedPid,
    ]);
    expect(rows[0].n).toBe(0);
  });
});
