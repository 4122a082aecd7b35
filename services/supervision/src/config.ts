import { z } from 'zod';
import type { Env } from '@eco/config';
import { parseServiceConfig, weeklyRollupConfigFields } from '@eco/subgraph';
import type { SubgraphConfig } from '@eco/subgraph';

const supervisionConfigSchema = z.object({
  ...weeklyRollupConfigFields,
});

export type SupervisionConfig = SubgraphConfig & z.infer<typeof supervisionConfigSchema>;

/** The only reader of process.env in this service: every problem is reported at once, at boot. */
export function loadConfig(env: Env = process.env): SupervisionConfig {
  return parseServiceConfig(supervisionConfigSchema, env);
}
