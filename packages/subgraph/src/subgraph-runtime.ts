import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import type { DocumentNode } from 'graphql';
import { GraphQLError } from 'graphql';
import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { AuthError, createInternalTokenVerifier, INTERNAL_TOKEN_HEADER } from '@eco/auth';
import type { Principal } from '@eco/auth';
import {
  applyRowScope,
  createServiceDataSource,
  openServiceDatabase,
  QueryCounter,
  withQueryCounter,
} from '@eco/db';
import type { RowScope } from '@eco/db';
import { rowScopeOf } from './row-scope-of';
import { EventConsumer, OutboxRelay } from '@eco/events';
import type { EventHandler, EventTransport } from '@eco/events';
import { createErrorMasker, startGraphQLHttpServer } from '@eco/http';
import type { RunningHttpServer } from '@eco/http';
import type { Logger } from '@eco/logging';

/** What a subgraph's domain code gets from its runtime. */
export interface SubgraphRuntime {
  dataSource: DataSource;
  logger: Logger;
  /** Call after committing a transaction that recorded events, so they leave at once. */
  afterCommit(): void;
  /** A transaction limited to the rows `scope` may touch (row-level security); then `afterCommit`. */
  transaction<T>(scope: RowScope, work: (manager: EntityManager) => Promise<T>): Promise<T>;
}

export interface BaseContext {
  principal: Principal;
}

export interface SubgraphDefinition<Ctx extends BaseContext> {
  /** Service name; also its Postgres schema. */
  name: string;
  typeDefs: DocumentNode;
  resolvers: GraphQLResolverMap<Ctx>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: Function[];
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: Function[];
  eventHandlers?(runtime: SubgraphRuntime): EventHandler[];
  /**
   * Its tables hold agency-scoped rows under row-level security (ADR 0006): each request then reads
   * through one read-only transaction scoped to the caller. Others read straight from the pool.
   */
  rowSecurity?: boolean;
  /** Periodic background work, run every `intervalMs` (first run after one interval) until stop. */
  jobs?(runtime: SubgraphRuntime): { name: string; intervalMs: number; run(): Promise<void> }[];
  /**
   * Per request: loaders and domain services bound to the caller. `reads` runs in one read-only
   * transaction scoped to the caller's rows, so row-level security backs up every read.
   */
  createContext(principal: Principal, runtime: SubgraphRuntime, reads: EntityManager): Ctx;
}

export interface SubgraphDeps {
  databaseUrl: string;
  transport: EventTransport;
  internalTokenSecret: string;
  logger: Logger;
  port?: number;
  host?: string;
  poolSize?: number;
  /** Relay fallback poll interval. */
  relayPollIntervalMs?: number;
  /**
   * Read each request in one read-only transaction scoped to the caller (default true). Off for
   * embedded PGlite: it has one session, so a request's open transaction would block the other
   * connections a mutation or another service needs, and its superuser ignores row security anyway.
   */
  scopedReads?: boolean;
}

export interface RunningSubgraph {
  name: string;
  url: string;
  runtime: SubgraphRuntime;
  relay: OutboxRelay;
  consumer: EventConsumer;
  /** SQL statements issued while serving GraphQL requests (background work excluded). */
  readonly statementsServed: number;
  /** Outbox rows not yet published. */
  pendingEvents(): Promise<number>;
  /** Starts publishing the outbox; the stack calls it once every service subscribes. */
  startRelay(): void;
  stop(): Promise<void>;
}

/**
 * Boots one subgraph: its database (schema + migrations), its event consumers, and its GraphQL
 * server, which refuses any request without a valid gateway token.
 */
export async function startSubgraph<Ctx extends BaseContext>(
  definition: SubgraphDefinition<Ctx>,
  deps: SubgraphDeps,
): Promise<RunningSubgraph> {
  const logger = deps.logger.child({ subgraph: definition.name });
  const dataSource = createServiceDataSource({
    url: deps.databaseUrl,
    schema: definition.name,
    entities: definition.entities,
    migrations: definition.migrations,
    poolSize: deps.poolSize ?? 10,
    logger,
    // Without scoped reads (embedded PGlite) there is no row security to hold, nor a role to hold it.
    asApplicationRole: deps.scopedReads !== false,
  });
  await openServiceDatabase(dataSource);

  const relay = new OutboxRelay({
    dataSource,
    transport: deps.transport,
    logger,
    pollIntervalMs: deps.relayPollIntervalMs ?? 500,
  });
  const runtime: SubgraphRuntime = {
    dataSource,
    logger,
    afterCommit: () => relay.nudge(),
    async transaction(scope, work) {
      const result = await dataSource.transaction(async (manager) => {
        await applyRowScope(manager, scope);
        return work(manager);
      });
      relay.nudge();
      return result;
    },
  };
  const consumer = new EventConsumer({
    service: definition.name,
    dataSource,
    transport: deps.transport,
    logger,
    onCommitted: () => relay.nudge(),
  });
  consumer.register(...(definition.eventHandlers?.(runtime) ?? []));
  await consumer.start();

  const verifyGatewayToken = createInternalTokenVerifier(deps.internalTokenSecret);
  const apollo = new ApolloServer<Ctx>({
    schema: buildSubgraphSchema([{ typeDefs: definition.typeDefs, resolvers: definition.resolvers }]),
    formatError: createErrorMasker(logger),
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    // Traces are for Apollo's hosted studio, which this system does not report to.
    plugins: [ApolloServerPluginInlineTraceDisabled()],
  });
  await apollo.start();

  /** Per request: the read transaction opened by the context, closed when the response is sent. */
  const requestReads = new AsyncLocalStorage<{ runner?: QueryRunner }>();
  const openReads = async (principal: Principal): Promise<EntityManager> => {
    const runner = dataSource.createQueryRunner();
    const slot = requestReads.getStore();
    if (slot) slot.runner = runner;
    await runner.connect();
    await runner.startTransaction();
    await runner.query('SET TRANSACTION READ ONLY');
    await applyRowScope(runner.manager, rowScopeOf(principal));
    return runner.manager;
  };
  const closeReads = async (runner: QueryRunner | undefined) => {
    if (!runner) return;
    try {
      if (runner.isTransactionActive) await runner.commitTransaction();
    } catch (error) {
      logger.warn({ err: error }, 'closing a request transaction failed');
    } finally {
      await runner.release();
    }
  };

  let statementsServed = 0;
  let http: RunningHttpServer;
  try {
    http = await startGraphQLHttpServer<Ctx>(
      {
        apollo,
        logger,
        context: async (request) => {
          const header = request.headers[INTERNAL_TOKEN_HEADER];
          try {
            const principal = await verifyGatewayToken(Array.isArray(header) ? header[0] : header);
            const scoped = definition.rowSecurity === true && deps.scopedReads !== false;
            const reads = scoped ? await openReads(principal) : dataSource.manager;
            return definition.createContext(principal, runtime, reads);
          } catch (error) {
            if (error instanceof AuthError) {
              throw new GraphQLError(error.message, {
                extensions: { code: error.code, http: { status: 401 } },
              });
            }
            throw error;
          }
        },
        ready: async () => {
          await dataSource.query('SELECT 1');
          return true;
        },
        aroundRequest: async (run) => {
          const counter = new QueryCounter();
          const slot: { runner?: QueryRunner } = {};
          try {
            return await requestReads.run(slot, () => withQueryCounter(counter, run));
          } finally {
            await withQueryCounter(counter, () => closeReads(slot.runner));
            statementsServed += counter.count;
          }
        },
      },
      deps.port ?? 0,
      deps.host,
    );
  } catch (error) {
    await consumer.stop();
    await apollo.stop();
    await dataSource.destroy();
    throw error;
  }

  // Each job runs on its own interval, never overlapping itself; a failure is logged, the next run retries.
  const timers = (definition.jobs?.(runtime) ?? []).map((job) => {
    let running = false;
    const timer = setInterval(() => {
      if (running) return;
      running = true;
      job
        .run()
        .catch((error: unknown) => logger.error({ err: error, job: job.name }, 'periodic job failed'))
        .finally(() => {
          running = false;
        });
    }, job.intervalMs);
    timer.unref();
    return timer;
  });

  return {
    name: definition.name,
    url: http.url,
    runtime,
    relay,
    consumer,
    get statementsServed() {
      return statementsServed;
    },
    startRelay: () => relay.start(),
    pendingEvents: async () => {
      const [row] = await dataSource.query(
        `SELECT count(*)::int AS n FROM "${definition.name}".outbox WHERE published_at IS NULL`,
      );
      return (row as { n: number }).n;
    },
    async stop() {
      timers.forEach(clearInterval);
      await http.close();
      await apollo.stop();
      await consumer.stop();
      await relay.stop();
      await dataSource.destroy();
    },
  };
}
