import { z } from 'zod';
import type { Env } from '@eco/config';
import { parseServiceConfig, weeklyRollupConfigFields } from '@eco/subgraph';
import type { SubgraphConfig } from '@eco/subgraph';

const agenciesConfigSchema = z.object({
  ...weeklyRollupConfigFields,
});

export type AgenciesConfig = SubgraphConfig & z.infer<typeof agenciesConfigSchema>;

/** The only reader of process.env in this service: every problem is reported at once, at boot. */
export function loadConfig(env: Env = process.env): AgenciesConfig {
  return parseServiceConfig(agenciesConfigSchema, env);
}
