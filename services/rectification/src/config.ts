import { z } from 'zod';
import type { Env } from '@eco/config';
import { parseServiceConfig, weeklyRollupConfigFields } from '@eco/subgraph';
import type { SubgraphConfig } from '@eco/subgraph';

const rectificationConfigSchema = z.object({
  RECTIFICATION_OVERDUE_CHECK_INTERVAL_MS: z.coerce.number().int().min(1_000).max(86_400_000).default(60_000),
  ...weeklyRollupConfigFields,
});

export type RectificationConfig = SubgraphConfig & z.infer<typeof rectificationConfigSchema>;

/** The only reader of process.env in this service: every problem is reported at once, at boot. */
export function loadConfig(env: Env = process.env): RectificationConfig {
  return parseServiceConfig(rectificationConfigSchema, env);
}
