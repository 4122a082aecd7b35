import { join } from 'node:path';
import { z } from 'zod';
import { envFields, parseConfig } from '@eco/config';
import type { Env } from '@eco/config';

/** Development-only secrets: the quick start is a local demo, never a deployment. */
const DEV_USER_SECRET = 'eco-dev-user-token-secret-not-for-production';
const DEV_INTERNAL_SECRET = 'eco-dev-gateway-token-secret-not-for-production';

const schema = z.object({
  DATABASE_URL: envFields.postgresUrl().optional(),
  NATS_URL: envFields.natsUrl().optional(),
  EVENTS_NAMESPACE: envFields.namespace(),
  DATA_DIR: z.string().default(join(__dirname, '..', '..', '..', '.data')),
  HOST: z.string().default('127.0.0.1'),
  GATEWAY_PORT: envFields.port(4000),
  AGENCIES_PORT: envFields.port(4001),
  INSPECTIONS_PORT: envFields.port(4002),
  RECTIFICATION_PORT: envFields.port(4003),
  SUPERVISION_PORT: envFields.port(4004),
  DASHBOARD_PORT: envFields.port(4080),
  AUTH_ISSUER: z.string().default('eco-dev'),
  AUTH_AUDIENCE: z.string().default('eco-api'),
  AUTH_HS256_SECRET: envFields.secret().default(DEV_USER_SECRET),
  INTERNAL_TOKEN_SECRET: envFields.secret().default(DEV_INTERNAL_SECRET),
  LOG_LEVEL: envFields.logLevel(),
});

export type QuickStartConfig = z.infer<typeof schema>;

export const loadQuickStartConfig = (env: Env) => parseConfig(schema, env);
