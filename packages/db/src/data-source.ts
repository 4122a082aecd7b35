import { DataSource } from 'typeorm';
import type { MixedList, EntitySchema } from 'typeorm';
import type { Logger } from '@eco/logging';
import { SnakeNamingStrategy } from './naming-strategy';
import { CountingLogger } from './query-counter';
import { DeadLetter, InboxEntry, OutboxMessage } from './messaging.entities';
import { CreateMessagingTables1763769600000 } from './messaging-tables.migration';

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
}

/**
 * A TypeORM data source on the service's own schema. Migrations only (`synchronize` is never on);
 * the outbox, inbox and dead-letter tables come with every service.
 */
export function createServiceDataSource(options: ServiceDataSourceOptions): DataSource {
  const { logger } = options;
  return new DataSource({
    type: 'postgres',
    url: options.url,
    schema: options.schema,
    entities: [OutboxMessage, InboxEntry, DeadLetter, ...(options.entities as never[])],
    migrations: [CreateMessagingTables1763769600000, ...options.migrations],
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    namingStrategy: new SnakeNamingStrategy(),
    logging: ['query', 'error'],
    logger: new CountingLogger((error, query) =>
      logger?.warn({ err: String(error), query: query.slice(0, 200) }, 'query failed'),
    ),
    extra: { max: options.poolSize ?? 10, application_name: `eco-${options.schema}` },
  });
}

/** Connects, creates the schema if needed and runs pending migrations. */
export async function openServiceDatabase(dataSource: DataSource): Promise<DataSource> {
  if (!dataSource.isInitialized) await dataSource.initialize();
  const schema = (dataSource.options as { schema: string }).schema;
  await dataSource.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
  await dataSource.runMigrations({ transaction: 'each' });
  return dataSource;
}
