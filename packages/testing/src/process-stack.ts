import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { createInternalTokenSigner, createUserTokenVerifier, signUserToken } from '@eco/auth';
import type { Principal } from '@eco/auth';
import { createTestDatabase } from '@eco/db';
import type { TestDatabase } from '@eco/db';
import { JetStreamTransport } from '@eco/events';
import { startGateway } from '@eco/gateway';
import type { RunningGateway } from '@eco/gateway';
import { createLogger } from '@eco/logging';
import { migrateServices, seedDirectoryAt } from '@eco/stack';
import { postGraphQL } from './graphql-client';
import type { GraphQLResponse } from './graphql-client';
import { resolveTestServices } from './real-services';
import { startRoundRobinProxy } from './round-robin-proxy';
import type { RoundRobinProxy } from './round-robin-proxy';
import { startServiceProcess } from './service-process';
import type { ServiceName, ServiceProcess } from './service-process';
import { principalOf, TEST_AUTH } from './test-stack';

export const SERVICE_NAMES: readonly ServiceName[] = [
  'agencies',
  'inspections',
  'rectification',
  'supervision',
];

export interface ProcessStackOptions {
  label: string;
  /** Processes per subgraph; above one, a round-robin proxy stands in front of each subgraph's set. */
  replicas?: number;
  /** NATS to use instead of the shared test server (e.g. one the test kills and restarts). */
  natsUrl?: string;
  /** More environment for every subgraph process (e.g. RECTIFICATION_OVERDUE_CHECK_INTERVAL_MS). */
  env?: Record<string, string>;
}

export interface ProcessStack {
  gatewayUrl: string;
  databaseUrl: string;
  natsUrl: string;
  namespace: string;
  /** Each subgraph's processes. */
  processes: Record<ServiceName, ServiceProcess[]>;
  /** With several replicas: the proxy in front of each subgraph. */
  proxies: Partial<Record<ServiceName, RoundRobinProxy>>;
  /** Runs SQL on the test database as its owner (row-level security does not apply): for checkers. */
  sql<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  tokenFor(person: string | Principal): Promise<string>;
  gql<T = Record<string, unknown>>(
    token: string,
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphQLResponse<T>>;
  stop(): Promise<void>;
}

/**
 * The system as deployed, for one test file: a fresh database migrated once up front (as the
 * migration job does), every subgraph as its own process(es) on real PostgreSQL and NATS, and the
 * gateway in the test's process. Tests kill and restart the processes to inject faults.
 */
export async function startProcessStack(options: ProcessStackOptions): Promise<ProcessStack> {
  const services = await resolveTestServices();
  if (services.fallback || !services.natsUrl) {
    throw new Error('a process stack needs the real PostgreSQL and NATS (DATABASE_URL, NATS_URL)');
  }
  const natsUrl = options.natsUrl ?? services.natsUrl;
  const replicas = options.replicas ?? 1;
  const namespace = `t${randomBytes(5).toString('hex')}`;
  const logger = createLogger('test', process.env.LOG_LEVEL ?? 'silent');
  const cleanups: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
  };

  try {
    const database: TestDatabase = await createTestDatabase(services.postgresUrl, options.label);
    cleanups.push(() => database.drop());
    cleanups.push(async () => {
      const transport = await JetStreamTransport.connect({ url: natsUrl, namespace, logger });
      await transport.deleteStream();
      await transport.close();
    });
    await migrateServices(database.url, logger);
    await seedDirectoryAt(database.url, logger);
    const pool = new Pool({ connectionString: database.url, max: 4 });
    cleanups.push(() => pool.end());

    const env = {
      DATABASE_URL: database.url,
      NATS_URL: natsUrl,
      EVENTS_NAMESPACE: namespace,
      INTERNAL_TOKEN_SECRET: TEST_AUTH.internalTokenSecret,
      DATABASE_POOL_SIZE: '5',
      ...options.env,
    };
    const processes = Object.fromEntries(
      SERVICE_NAMES.map((name) => [name, [] as ServiceProcess[]]),
    ) as Record<ServiceName, ServiceProcess[]>;
    cleanups.push(async () => {
      await Promise.all(Object.values(processes).flatMap((list) => list.map((p) => p.stop())));
    });
    await Promise.all(
      SERVICE_NAMES.flatMap((name) =>
        Array.from({ length: replicas }, async (_, replica) => {
          processes[name][replica] = await startServiceProcess(name, replica, env);
        }),
      ),
    );

    const proxies: Partial<Record<ServiceName, RoundRobinProxy>> = {};
    if (replicas > 1) {
      for (const name of SERVICE_NAMES) {
        const proxy = await startRoundRobinProxy(processes[name].map((p) => p.url));
        proxies[name] = proxy;
        cleanups.push(() => proxy.stop());
      }
    }
    const gateway: RunningGateway = await startGateway({
      subgraphUrls: Object.fromEntries(
        SERVICE_NAMES.map((name) => [name, proxies[name]?.url ?? processes[name][0]!.url]),
      ) as Record<ServiceName, string>,
      verifyUserToken: createUserTokenVerifier(TEST_AUTH),
      signInternalToken: createInternalTokenSigner(TEST_AUTH.internalTokenSecret),
      logger,
      port: 0,
    });
    cleanups.push(() => gateway.stop());

    return {
      gatewayUrl: gateway.url,
      databaseUrl: database.url,
      natsUrl,
      namespace,
      processes,
      proxies,
      sql: async <T>(text: string, params: unknown[] = []) => (await pool.query(text, params)).rows as T[],
      tokenFor: (person) => signUserToken(TEST_AUTH, principalOf(person), 3600),
      gql: (token, query, variables) => postGraphQL(gateway.url, { token, query, variables }),
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
