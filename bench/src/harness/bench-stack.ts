import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInternalTokenSigner, signUserToken } from '@eco/auth';
import type { Principal } from '@eco/auth';
import { Client } from 'pg';
import { AUDIT_TRIGGER, createTestDatabase } from '@eco/db';
import type { TestDatabase } from '@eco/db';
import { JetStreamTransport } from '@eco/events';
import { createLogger } from '@eco/logging';
import { migrateServices } from '@eco/stack';
import { TEST_AUTH } from '@eco/testing';
// The light module only: the package index would load the whole stack.
import { freePort } from '@eco/testing/src/free-port';
import { startServiceProcess, SUBGRAPHS } from './service-process';
import type { ServiceName, ServiceProcess, ServiceRunner, SubgraphName } from './service-process';

export interface BenchStack {
  databaseUrl: string;
  natsUrl: string;
  /** The run's own JetStream stream and subject prefix. */
  namespace: string;
  gatewayUrl: string;
  subgraphUrls: Record<SubgraphName, string>;
  processes: Record<ServiceName, ServiceProcess>;
  /** How the service processes run: the deployed bundles, or under tsx. */
  runner: ServiceRunner;
  logDir: string;
  /** A user token as the identity provider would issue it. */
  userToken(principal: Principal): Promise<string>;
  /** The gateway's token for a subgraph, to call one directly as the gateway does. */
  gatewayToken(principal: Principal): Promise<string>;
  stop(): Promise<void>;
}

export const silentLogger = createLogger('bench', 'silent');

/** Profiling only: every audit-trail trigger of the run's (throwaway) database, disabled. */
async function disableAuditTrail(databaseUrl: string): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ target: string }>(
      `SELECT format('%I.%I', n.nspname, c.relname) AS target
         FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE t.tgname = $1`,
      [AUDIT_TRIGGER],
    );
    for (const { target } of rows)
      await client.query(`ALTER TABLE ${target} DISABLE TRIGGER ${AUDIT_TRIGGER}`);
  } finally {
    await client.end();
  }
}

/**
 * The system as deployed, on this machine: a fresh database and JetStream namespace for the run,
 * migrations applied once, then each subgraph and the gateway in a process of its own.
 */
export async function startBenchStack(options: {
  postgresUrl: string;
  natsUrl: string;
  label: string;
  logLevel?: string;
  /** Extra node flags for the service processes (profiling). */
  serviceNodeFlags?: string[];
  /** Disable the audit-trail triggers after migrating (profiling: what they cost). */
  withoutAuditTrail?: boolean;
  /** DATABASE_POOL_SIZE of every subgraph (10, the deployed default, unless given). */
  poolSize?: number | null;
  /** The deployed bundles (default), or the TypeScript sources under tsx (comparison). */
  runner?: ServiceRunner;
  /**
   * Runs on the migrated database before any service starts, as a restore does: a bulk load
   * timed here shares the machine with no service starting up.
   */
  beforeServices?: (databaseUrl: string) => Promise<void>;
}): Promise<BenchStack> {
  const runner = options.runner ?? 'bundle';
  // The bundles the image runs, built afresh for every run (about a second): never stale. Loaded
  // only here, so what merely imports the harness does not load esbuild.
  if (runner === 'bundle') await (await import('@eco/tooling/src/bundles')).buildBundles();
  const namespace = `bench${randomBytes(4).toString('hex')}`;
  const logDir = join(tmpdir(), `eco-bench-${namespace}`);
  mkdirSync(logDir, { recursive: true });
  const database: TestDatabase = await createTestDatabase(options.postgresUrl, options.label);
  const started: ServiceProcess[] = [];
  const cleanup = async () => {
    for (const service of started.reverse()) await service.stop().catch(() => undefined);
    const transport = await JetStreamTransport.connect({
      url: options.natsUrl,
      namespace,
      logger: silentLogger,
    }).catch(() => null);
    await transport?.deleteStream();
    await transport?.close();
    await database.drop();
  };
  try {
    await migrateServices(database.url, silentLogger);
    if (options.withoutAuditTrail) await disableAuditTrail(database.url);
    await options.beforeServices?.(database.url);
    const common = {
      NATS_URL: options.natsUrl,
      EVENTS_NAMESPACE: namespace,
      INTERNAL_TOKEN_SECRET: TEST_AUTH.internalTokenSecret,
      LOG_LEVEL: options.logLevel ?? 'warn',
      // As deployed: Apollo Server's production defaults.
      NODE_ENV: 'production',
    };
    const ports = Object.fromEntries(
      await Promise.all(SUBGRAPHS.map(async (name) => [name, await freePort()])),
    ) as Record<SubgraphName, number>;
    const subgraphs = await Promise.all(
      SUBGRAPHS.map((name) =>
        startServiceProcess(
          name,
          { ...common, DATABASE_URL: database.url, DATABASE_POOL_SIZE: String(options.poolSize ?? 10) },
          ports[name],
          logDir,
          options.serviceNodeFlags ?? deployedNodeFlags(name),
          runner,
        ),
      ),
    );
    started.push(...subgraphs);
    const subgraphUrls = Object.fromEntries(subgraphs.map((s) => [s.name, s.url])) as Record<
      SubgraphName,
      string
    >;
    const gateway = await startServiceProcess(
      'gateway',
      {
        ...common,
        AUTH_ISSUER: TEST_AUTH.issuer,
        AUTH_AUDIENCE: TEST_AUTH.audience,
        AUTH_HS256_SECRET: TEST_AUTH.hs256Secret,
        AGENCIES_URL: subgraphUrls.agencies,
        INSPECTIONS_URL: subgraphUrls.inspections,
        RECTIFICATION_URL: subgraphUrls.rectification,
        SUPERVISION_URL: subgraphUrls.supervision,
      },
      await freePort(),
      logDir,
      options.serviceNodeFlags ?? deployedNodeFlags('gateway'),
      runner,
    );
    started.push(gateway);

    // Long-lived, so a long measurement never outlives its token (the gateway's own last a minute).
    const signGatewayToken = createInternalTokenSigner(TEST_AUTH.internalTokenSecret, 6 * 3600);
    return {
      databaseUrl: database.url,
      natsUrl: options.natsUrl,
      namespace,
      gatewayUrl: gateway.url,
      subgraphUrls,
      processes: { ...Object.fromEntries(subgraphs.map((s) => [s.name, s])), gateway } as Record<
        ServiceName,
        ServiceProcess
      >,
      runner,
      logDir,
      userToken: (principal) => signUserToken(TEST_AUTH, principal, 6 * 3600),
      gatewayToken: (principal) => signGatewayToken(principal),
      stop: cleanup,
    };
  } catch (error) {
    await cleanup().catch(() => undefined);
    throw error;
  }
}

/** The node flags the image runs each service with (infra/docker/entrypoint.sh), so figures are as deployed. */
function deployedNodeFlags(service: SubgraphName | 'gateway'): string[] {
  return ['--enable-source-maps', `--max-old-space-size=${service === 'gateway' ? 160 : 128}`];
}
