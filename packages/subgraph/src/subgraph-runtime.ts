import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
} from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import type { DocumentNode } from 'graphql';
import { GraphQLError } from 'graphql';
import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { AuthError, createInternalTokenVerifier, INTERNAL_TOKEN_HEADER } from '@eco/auth';
import type { Principal } from '@eco/auth';
import {
  applyScopeAndActor,
  createServiceDataSource,
  rowScopeStatement,
  personActor,
  systemActor,
  openServiceDatabase,
  QueryCounter,
  withQueryCounter,
} from '@eco/db';
import type { RowScope } from '@eco/db';
import { rowScopeOf } from './row-scope-of';
import { guardMutations, mutationScope } from './mutation-guard';
import { operationsResolvers } from './operations-resolvers';
import { platformJobs } from './platform-jobs';
import type { Job, ReconcileSettings } from './platform-jobs';
import { withOperations } from './operations-schema';
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
  jobs?(runtime: SubgraphRuntime): Job[];
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
  /** Connections for writes, events and jobs. */
  poolSize?: number;
  /** Connections for the per-request read transactions (a pool of their own: see below). */
  readPoolSize?: number;
  /** Relay fallback poll interval. */
  relayPollIntervalMs?: number;
  /** The reconciler: how often, and how long after publication an unrecorded event counts as lost. */
  reconcile?: ReconcileSettings;
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
  /** The pool of the per-request read transactions (the runtime's own data source when there are none). */
  readDataSource: DataSource;
  /** SQL statements issued while serving GraphQL requests (background work excluded). */
  readonly statementsServed: number;
  /** Outbox rows not yet published. */
  pendingEvents(): Promise<number>;
  /** Starts publishing the outbox; the stack calls it once every service subscribes. */
  startRelay(): void;
  stop(): Promise<void>;
}

/** A request's read transaction: its runner, and whether a statement has opened it. */
interface ReadSlot {
  runner?: QueryRunner;
  begun?: () => boolean;
  /** Rolls back on the connection directly, whether or not the opening statement succeeded. */
  rollback?: () => Promise<unknown>;
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
      const mutation = mutationScope.getStore();
      const actor = mutation
        ? personActor(mutation.principal.personId, mutation.principal.agencyId)
        : systemActor(definition.name);
      const ambient = mutation?.runner;
      if (ambient) {
        // A keyed mutation: join its transaction through a savepoint; the guard commits.
        await ambient.startTransaction();
        try {
          await applyScopeAndActor(ambient.manager, scope, actor);
          const result = await work(ambient.manager);
          await ambient.commitTransaction();
          return result;
        } catch (error) {
          await ambient.rollbackTransaction();
          throw error;
        }
      }
      const result = await dataSource.transaction(async (manager) => {
        await applyScopeAndActor(manager, scope, actor);
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
  const operations = operationsResolvers(definition.name, { dataSource, consumer, runtime });
  const { Mutation: ownMutations, Query: ownQueries, ...otherResolvers } = definition.resolvers;
  const mutations = { ...ownMutations, ...operations.Mutation };
  const resolvers = {
    ...otherResolvers,
    Query: { ...ownQueries, ...operations.Query },
    Mutation: guardMutations(mutations as never, {
      dataSource,
      schema: definition.name,
      afterCommit: () => relay.nudge(),
    }),
  } as GraphQLResolverMap<Ctx>;
  const typeDefs = withOperations(definition.typeDefs, definition.name);
  const apollo = new ApolloServer<Ctx>({
    schema: buildSubgraphSchema([{ typeDefs, resolvers }]),
    formatError: createErrorMasker(logger),
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    // Traces are for Apollo's hosted studio, which this system does not report to. Cache control
    // would wrap every resolver to compute cache hints no one reads (a tenth of a subgraph's CPU
    // on an inbox page).
    plugins: [ApolloServerPluginInlineTraceDisabled(), ApolloServerPluginCacheControlDisabled()],
    // The gateway sends the fetches it makes to one subgraph at the same moment as one batch: one
    // HTTP exchange, one context and read transaction, and shared loaders (gateway: batching-fetcher.ts).
    allowBatchedHttpRequests: true,
  });
  await apollo.start();

  /**
   * Per request: the read transaction opened by the context, closed when the response is sent. It
   * comes from a pool of its own: a request takes its read connection first and a write connection
   * after, never the reverse, so requests cannot deadlock holding reads while waiting for writes
   * (with one pool, as many concurrent mutations as connections would).
   */
  const scopedReads = definition.rowSecurity === true && deps.scopedReads !== false;
  const readSource = scopedReads
    ? createServiceDataSource({
        url: deps.databaseUrl,
        schema: definition.name,
        entities: definition.entities,
        migrations: [],
        poolSize: deps.readPoolSize ?? deps.poolSize ?? 10,
        logger,
      })
    : dataSource;
  if (scopedReads) await readSource.initialize();
  const requestReads = new AsyncLocalStorage<ReadSlot>();
  /**
   * The request's read-only transaction, scoped to the caller, opened by its first statement: a
   * fetch answered from memory (the directory's names) takes no connection at all. One round trip,
   * not four: the simple-query protocol runs BEGIN and set_config together. TypeORM is not told of
   * this transaction; closeReads ends it.
   */
  const openReads = (principal: Principal): EntityManager => {
    const runner = readSource.createQueryRunner();
    const slot = requestReads.getStore();
    if (slot) slot.runner = runner;
    const query = runner.query.bind(runner);
    let begun: Promise<unknown> | undefined;
    runner.query = (async (...args: Parameters<typeof query>) => {
      begun ??= query(`BEGIN READ ONLY; ${rowScopeStatement(rowScopeOf(principal))}`);
      await begun;
      return query(...args);
    }) as typeof runner.query;
    if (slot) {
      slot.begun = () => begun !== undefined;
      slot.rollback = () => query('ROLLBACK');
    }
    return runner.manager;
  };
  const closeReads = async (slot: ReadSlot) => {
    const runner = slot.runner;
    if (!runner) return;
    if (!slot.begun?.()) {
      await runner.release();
      return;
    }
    try {
      await runner.query('COMMIT');
      await runner.release();
    } catch (error) {
      logger.warn({ err: error }, 'closing a request transaction failed');
      // Never hand a connection still inside a transaction back to the pool: a live one is rolled
      // back first, straight on the connection (even if the opening statement failed); a dead one,
      // the usual cause, fails that too, and pg-pool discards a released client that can no longer
      // be queried (read-transaction.int.test.ts).
      await slot.rollback?.().catch(() => undefined);
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
            const reads = scopedReads ? openReads(principal) : dataSource.manager;
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
        // Its database answers within 2 s: a pool that stays full must not hold the probe for the
        // pool's own 15 s wait.
        ready: async () => {
          let timer: NodeJS.Timeout | undefined;
          const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), 2_000)));
          try {
            return await Promise.race([dataSource.query('SELECT 1').then(() => true), late]);
          } finally {
            clearTimeout(timer);
          }
        },
        aroundRequest: async (run) => {
          const counter = new QueryCounter();
          const slot: ReadSlot = {};
          try {
            return await requestReads.run(slot, () => withQueryCounter(counter, run));
          } finally {
            await withQueryCounter(counter, () => closeReads(slot));
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
    if (scopedReads) await readSource.destroy();
    await dataSource.destroy();
    throw error;
  }

  // Each job runs on its own interval, never overlapping itself; a failure is logged, the next run retries.
  const jobs = [
    ...platformJobs(definition.name, dataSource, consumer, deps.reconcile),
    ...(definition.jobs?.(runtime) ?? []),
  ];
  const timers = jobs.map((job) => {
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
    readDataSource: readSource,
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
      if (scopedReads) await readSource.destroy();
      await dataSource.destroy();
    },
  };
}
