import { z } from 'zod';
import { envFields, parseConfig } from '@eco/config';
import type { Env } from '@eco/config';
import { JetStreamTransport } from '@eco/events';
import { createLogger } from '@eco/logging';
import { startSubgraph } from './subgraph-runtime';
import type { BaseContext, SubgraphDefinition } from './subgraph-runtime';

/** A deployed subgraph talks to real servers: both URLs are required here (no embedded fallback). */
const subgraphConfigSchema = z.object({
  DATABASE_URL: envFields.postgresUrl(),
  NATS_URL: envFields.natsUrl(),
  EVENTS_NAMESPACE: envFields.namespace(),
  HOST: z.string().default('0.0.0.0'),
  PORT: envFields.port(4001),
  INTERNAL_TOKEN_SECRET: envFields.secret(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  LOG_LEVEL: envFields.logLevel(),
});

export type SubgraphConfig = z.infer<typeof subgraphConfigSchema>;

export const parseSubgraphConfig = (env: Env): SubgraphConfig => parseConfig(subgraphConfigSchema, env);

/** Boot of one deployed subgraph: config → database → NATS → server; stops cleanly on SIGTERM. */
export async function runSubgraphMain<Ctx extends BaseContext>(
  definition: SubgraphDefinition<Ctx>,
  config: SubgraphConfig,
): Promise<void> {
  const logger = createLogger(definition.name, config.LOG_LEVEL);
  // While booting, a stop request ends the process at once (as PID 1 in a container, Node would
  // otherwise ignore it until killed): nothing is served yet, and a consumer's batch not yet
  // acknowledged is delivered again.
  const exitNow = () => process.exit(0);
  process.once('SIGTERM', exitNow);
  process.once('SIGINT', exitNow);
  const transport = await JetStreamTransport.connect({
    url: config.NATS_URL,
    namespace: config.EVENTS_NAMESPACE,
    logger,
  });
  const running = await startSubgraph(definition, {
    databaseUrl: config.DATABASE_URL,
    transport,
    internalTokenSecret: config.INTERNAL_TOKEN_SECRET,
    logger,
    host: config.HOST,
    port: config.PORT,
    poolSize: config.DATABASE_POOL_SIZE,
  });
  running.startRelay();
  logger.info({ url: running.url }, `${definition.name} subgraph ready`);
  const stop = async () => {
    await running.stop();
    await transport.close();
    process.exit(0);
  };
  process.off('SIGTERM', exitNow);
  process.off('SIGINT', exitNow);
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
