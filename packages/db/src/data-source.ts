import { DataSource } from 'typeorm';
import type { MixedList, EntitySchema } from 'typeorm';
import type { Logger } from '@eco/logging';
import { SnakeNamingStrategy } from './naming-strategy';
import { CountingLogger } from './query-counter';
import { DeadLetter, InboxEntry, OutboxMessage } from './messaging.entities';
import { CreateMessagingTables1763769600000 } from './messaging-tables.migration';
import { CreateApplicationRole1763769600001 } from './application-role.migration';
import { CreateIdempotencyKeys1795300000000 } from './idempotency-keys.migration';
import { OutboxNotifyAndReconcile1795300000001 } from './outbox-notify.migration';
import { DropOutboxNotify1795700000000 } from './drop-outbox-notify.migration';
import { CreateAuditTrail1795300000002 } from './audit-trail.migration';
import { CreateOperatorActions1795300000003 } from './operator-actions.migration';
import { APPLICATION_ROLE } from './row-scope';

export interface ServiceDataSourceOptions {
  url: string;
  /** The service's own Postgres schema; no service reads another's. */
  schema: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: Function[];
  poolSize?: number;
  logger?: Logger;
  /**
   * Connect as the non-owner application role, so forced row-level security holds (default true).
   * Embedded PGlite ignores it: there every session is its single superuser.
   */
  asApplicationRole?: boolean;
}

/**
 * A TypeORM data source on the service's own schema. Migrations only (`synchronize` is never on);
 * the outbox, inbox, dead-letter, idempotency-key and audit tables come with every service.
 */
export function createServiceDataSource(options: ServiceDataSourceOptions): DataSource {
  const { logger } = options;
  return new DataSource({
    type: 'postgres',
    url: options.url,
    schema: options.schema,
    entities: [OutboxMessage, InboxEntry, DeadLetter, ...(options.entities as never[])],
    migrations: [
      CreateMessagingTables1763769600000,
      CreateApplicationRole1763769600001,
      CreateIdempotencyKeys1795300000000,
      OutboxNotifyAndReconcile1795300000001,
      CreateAuditTrail1795300000002,
      CreateOperatorActions1795300000003,
      ...options.migrations,
      DropOutboxNotify1795700000000,
    ],
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    namingStrategy: new SnakeNamingStrategy(),
    logging: ['query', 'error'],
    logger: new CountingLogger((error, query) =>
      logger?.warn({ err: String(error), query: query.slice(0, 200) }, 'query failed'),
    ),
    extra: {
      max: options.poolSize ?? 10,
      // An exhausted pool answers with an error rather than leaving the caller waiting for ever.
      connectionTimeoutMillis: 15_000,
      application_name: `eco-${options.schema}`,
      ...(options.asApplicationRole === false ? {} : { options: `-c role=${APPLICATION_ROLE}` }),
    },
  });
}

/**
 * Creates the schema if needed and runs pending migrations as the connecting (owner) user, then
 * connects `dataSource` itself, which runs as the application role.
 */
export async function openServiceDatabase(dataSource: DataSource): Promise<DataSource> {
  const options = dataSource.options as typeof dataSource.options & {
    schema: string;
    extra?: Record<string, unknown>;
  };
  const { options: role, ...ownerExtra } = options.extra ?? {};
  const migrate = async (owner: DataSource) => {
    await owner.query(`CREATE SCHEMA IF NOT EXISTS "${options.schema}"`);
    await owner.runMigrations({ transaction: 'each' });
  };
  if (role === undefined) {
    // Already the owner: migrate on the data source itself.
    if (!dataSource.isInitialized) await dataSource.initialize();
    await migrate(dataSource);
    return dataSource;
  }
  const owner = new DataSource({ ...options, extra: { ...ownerExtra, max: 1 } } as typeof dataSource.options);
  await owner.initialize();
  try {
    await migrate(owner);
  } finally {
    await owner.destroy();
  }
  if (!dataSource.isInitialized) await dataSource.initialize();
  return dataSource;
}
