// `migrate` mode of the image: every subgraph's migrations, once, before any replica starts.
import { z } from 'zod';
import { ConfigError, envFields, parseConfig } from '@eco/config';
import { createLogger } from '@eco/logging';
import { migrateServices } from './migrate-services';

const schema = z.object({ DATABASE_URL: envFields.postgresUrl(), LOG_LEVEL: envFields.logLevel() });

async function main(): Promise<void> {
  const config = parseConfig(schema, process.env);
  const logger = createLogger('migrate', config.LOG_LEVEL);
  await migrateServices(config.DATABASE_URL, logger);
  logger.info('migrations done');
}

// A stop request ends the run at once (as PID 1 in a container, Node would otherwise ignore it,
// waiting on the migration lock): PostgreSQL rolls back the migration in progress.
process.once('SIGTERM', () => process.exit(143));

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
