import { agenciesSubgraph, seedDirectory } from '@eco/agencies-service';
import { createServiceDataSource, openServiceDatabase } from '@eco/db';
import { inspectionsSubgraph } from '@eco/inspections-service';
import type { Logger } from '@eco/logging';
import { rectificationSubgraph } from '@eco/rectification-service';
import type { SubgraphDefinition, SubgraphRuntime } from '@eco/subgraph';
import { supervisionSubgraph } from '@eco/supervision-service';

/** Every subgraph, in the order their schemas are migrated (none reads another's). */
const DEFINITIONS = [agenciesSubgraph, inspectionsSubgraph, rectificationSubgraph, supervisionSubgraph];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function ownerDataSource(databaseUrl: string, definition: SubgraphDefinition<any>) {
  return createServiceDataSource({
    url: databaseUrl,
    schema: definition.name,
    entities: definition.entities,
    migrations: definition.migrations,
    poolSize: 1,
    // Migrations create schemas, tables and the application role: they run as the owner.
    asApplicationRole: false,
  });
}

/** Session lock held while migrating, so migration runs started together take turns. */
const MIGRATION_LOCK = "hashtext('eco-bureau:migrations')";

/**
 * Waits for the migration lock by asking again every half second, not with one blocking call: a
 * session blocked in `pg_advisory_lock` holds a snapshot, and a migration that builds an index
 * CONCURRENTLY waits for every older snapshot, so the lock's waiters and its holder would deadlock.
 */
async function takeMigrationLock(lock: { query(sql: string): Promise<unknown> }): Promise<void> {
  for (;;) {
    const [{ taken }] = (await lock.query(`SELECT pg_try_advisory_lock(${MIGRATION_LOCK}) AS taken`)) as [
      { taken: boolean },
    ];
    if (taken) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/**
 * Runs every subgraph's pending migrations as the connecting (owner) user, one schema after the
 * other. Deployments run this before any replica starts (the image's `migrate` mode: the compose
 * `migrate` service, the Kubernetes Job and each subgraph pod's init container). TypeORM takes no
 * lock of its own, so this holds a PostgreSQL advisory lock: a second run waits, then finds nothing
 * left to do, and replicas booting afterwards find their schema current.
 */
export async function migrateServices(databaseUrl: string, logger: Logger): Promise<void> {
  const lockSource = createServiceDataSource({
    url: databaseUrl,
    schema: 'public',
    entities: [],
    migrations: [],
    poolSize: 1,
    asApplicationRole: false,
  });
  await lockSource.initialize();
  const lock = lockSource.createQueryRunner();
  try {
    await lock.connect();
    await takeMigrationLock(lock);
    for (const definition of DEFINITIONS) {
      const dataSource = ownerDataSource(databaseUrl, definition);
      try {
        await openServiceDatabase(dataSource);
        const [row] = await dataSource.query(
          `SELECT count(*)::int AS n FROM "${definition.name}".migrations`,
        );
        logger.info({ schema: definition.name, migrations: (row as { n: number }).n }, 'schema up to date');
      } finally {
        if (dataSource.isInitialized) await dataSource.destroy();
      }
    }
    await lock.query(`SELECT pg_advisory_unlock(${MIGRATION_LOCK})`);
  } finally {
    await lock.release();
    await lockSource.destroy();
  }
}

/**
 * Loads the seed organisations and people into a migrated database without starting the agencies
 * subgraph (for a system whose subgraphs run as separate processes).
 */
export async function seedDirectoryAt(databaseUrl: string, logger: Logger): Promise<void> {
  const dataSource = ownerDataSource(databaseUrl, agenciesSubgraph);
  await dataSource.initialize();
  try {
    const runtime: SubgraphRuntime = {
      dataSource,
      logger,
      afterCommit: () => undefined,
      transaction: (_scope, work) => dataSource.transaction(work),
    };
    await seedDirectory(runtime);
  } finally {
    await dataSource.destroy();
  }
}
