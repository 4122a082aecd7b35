import { join } from 'node:path';
import { agenciesSubgraph, seedDirectory } from '@eco/agencies-service';
import { createInternalTokenSigner, createUserTokenVerifier } from '@eco/auth';
import { startEmbeddedPostgres } from '@eco/db';
import type { EmbeddedPostgres } from '@eco/db';
import { InProcessTransport, JetStreamTransport } from '@eco/events';
import type { EventTransport } from '@eco/events';
import { startGateway } from '@eco/gateway';
import type { GatewayHardening, RunningGateway, SubgraphName } from '@eco/gateway';
import { inspectionsSubgraph, seedInspectionsDemo } from '@eco/inspections-service';
import type { Logger } from '@eco/logging';
import { rectificationSubgraph, seedRectificationDemo } from '@eco/rectification-service';
import { startSubgraph } from '@eco/subgraph';
import type { RunningSubgraph, SubgraphDeps } from '@eco/subgraph';
import { seedSupervisionDemo, supervisionSubgraph } from '@eco/supervision-service';
import { ensureDashboardBuilt } from './dashboard-build';
import { startDashboardServer } from './dashboard-server';

export interface StackAuthSettings {
  issuer: string;
  audience: string;
  hs256Secret?: string;
  jwksUrl?: string;
  internalTokenSecret: string;
}

export interface StackOptions {
  /** Unset: PostgreSQL embedded through PGlite, data kept in `dataDir`. */
  databaseUrl?: string;
  /** Unset: events delivered in-process. */
  natsUrl?: string;
  namespace: string;
  dataDir?: string;
  auth: StackAuthSettings;
  logger: Logger;
  host?: string;
  ports?: Partial<Record<SubgraphName | 'gateway', number>>;
  /** What demo data to load: none, the directory of organisations and people, or all of it. */
  demo?: 'none' | 'directory' | 'all';
  relayPollIntervalMs?: number;
  /** Serve the internal dashboard (web/), built first if missing or stale; demo sign-in for local use. */
  dashboard?: { port?: number; demoSignIn?: boolean };
  /** The gateway's limits, rate limit and schema exposure (ADR 0007); production defaults. */
  gatewayHardening?: Partial<GatewayHardening>;
}

export interface RunningStack {
  gatewayUrl: string;
  /** Set when the stack serves the dashboard. */
  dashboardUrl?: string;
  databaseUrl: string;
  embeddedDatabase: boolean;
  transport: EventTransport;
  subgraphs: Record<SubgraphName, RunningSubgraph>;
  gateway: RunningGateway;
  /**
   * Resolves once every outbox is empty twice in a row (a consumer's effect may publish more). With
   * in-process delivery a published event is an applied one, so the demo is then fully in place.
   */
  settleEvents(timeoutMs?: number): Promise<void>;
  /** SQL statements all subgraphs issued serving GraphQL requests so far. */
  statementsServed(): number;
  stop(): Promise<void>;
}

const STARTERS: Record<SubgraphName, (deps: SubgraphDeps) => Promise<RunningSubgraph>> = {
  agencies: (deps) => startSubgraph(agenciesSubgraph, deps),
  inspections: (deps) => startSubgraph(inspectionsSubgraph, deps),
  rectification: (deps) => startSubgraph(rectificationSubgraph, deps),
  supervision: (deps) => startSubgraph(supervisionSubgraph, deps),
};

/**
 * The whole system in one process: the four subgraphs, their relays and consumers, and the
 * gateway. The quick start and the tests use it; deployments run each service's own main.
 */
export async function startStack(options: StackOptions): Promise<RunningStack> {
  const { logger } = options;
  const cleanups: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) {
      await cleanup().catch((error: unknown) => logger.warn({ err: error }, 'stop step failed'));
    }
  };

  try {
    // The dashboard builds in a child process while the services boot.
    const dashboardBuild = options.dashboard ? ensureDashboardBuilt() : null;
    dashboardBuild?.catch(() => undefined);
    let embedded: EmbeddedPostgres | null = null;
    let databaseUrl = options.databaseUrl;
    if (!databaseUrl) {
      embedded = await startEmbeddedPostgres({ dataDir: join(options.dataDir ?? '.data', 'pglite') });
      cleanups.push(() => embedded!.stop());
      databaseUrl = embedded.url;
      logger.info({ url: databaseUrl }, 'DATABASE_URL unset: using embedded PostgreSQL (PGlite)');
    }

    let transport: EventTransport;
    if (options.natsUrl) {
      transport = await JetStreamTransport.connect({
        url: options.natsUrl,
        namespace: options.namespace,
        logger,
      });
    } else {
      transport = new InProcessTransport(logger);
      logger.info('NATS_URL unset: delivering events in-process (single-process mode only)');
    }
    cleanups.push(() => transport.close());

    const subgraphs = {} as Record<SubgraphName, RunningSubgraph>;
    // Embedded Postgres runs one statement at a time, so small pools suffice there.
    const poolSize = embedded ? 4 : 10;
    for (const name of Object.keys(STARTERS) as SubgraphName[]) {
      subgraphs[name] = await STARTERS[name]({
        databaseUrl,
        transport,
        internalTokenSecret: options.auth.internalTokenSecret,
        logger,
        port: options.ports?.[name] ?? 0,
        host: options.host,
        poolSize,
        relayPollIntervalMs: options.relayPollIntervalMs,
        scopedReads: !embedded,
      });
      cleanups.push(() => subgraphs[name].stop());
    }

    const demo = options.demo ?? 'none';
    if (demo !== 'none') await seedDirectory(subgraphs.agencies.runtime);
    if (demo === 'all') {
      await seedInspectionsDemo(subgraphs.inspections.runtime);
      await seedRectificationDemo(subgraphs.rectification.runtime);
      await seedSupervisionDemo(subgraphs.supervision.runtime);
    }
    // Relays start only once every consumer is subscribed, so no event meets an empty room.
    for (const subgraph of Object.values(subgraphs)) subgraph.startRelay();

    const gateway = await startGateway({
      subgraphUrls: Object.fromEntries(Object.entries(subgraphs).map(([name, s]) => [name, s.url])) as Record<
        SubgraphName,
        string
      >,
      verifyUserToken: createUserTokenVerifier(options.auth),
      signInternalToken: createInternalTokenSigner(options.auth.internalTokenSecret),
      logger,
      port: options.ports?.gateway ?? 0,
      host: options.host,
      hardening: options.gatewayHardening,
    });
    cleanups.push(() => gateway.stop());

    let dashboardUrl: string | undefined;
    if (options.dashboard) {
      // The API is the product: a dashboard that cannot build or bind is reported, not fatal.
      try {
        await dashboardBuild;
        const { hs256Secret, issuer, audience } = options.auth;
        const dashboard = await startDashboardServer({
          gatewayUrl: gateway.url,
          logger,
          port: options.dashboard.port ?? 0,
          host: options.host,
          demoSignIn:
            options.dashboard.demoSignIn && hs256Secret ? { issuer, audience, hs256Secret } : undefined,
        });
        cleanups.push(() => dashboard.stop());
        dashboardUrl = dashboard.url;
      } catch (error) {
        logger.warn({ err: error }, 'dashboard not served');
      }
    }

    return {
      gatewayUrl: gateway.url,
      dashboardUrl,
      databaseUrl,
      embeddedDatabase: embedded !== null,
      transport,
      subgraphs,
      gateway,
      settleEvents: async (timeoutMs = 30_000) => {
        const deadline = Date.now() + timeoutMs;
        for (let quietPasses = 0; quietPasses < 2;) {
          if (Date.now() > deadline) throw new Error(`events still pending after ${timeoutMs} ms`);
          const pending = await Promise.all(Object.values(subgraphs).map((s) => s.pendingEvents()));
          quietPasses = pending.every((n) => n === 0) ? quietPasses + 1 : 0;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      },
      statementsServed: () => Object.values(subgraphs).reduce((sum, s) => sum + s.statementsServed, 0),
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
