import { z } from 'zod';
import { ConfigError, parseConfig } from '@eco/config';
import type { Env } from '@eco/config';
import { DEFAULT_WEEKLY_ROLLUP_RULE, parseWeeklyRollupRule } from '@eco/calendar';
import { parseSubgraphConfig } from './subgraph-main';
import type { SubgraphConfig } from './subgraph-main';

/** The weekly roll-up's settings, read by every subgraph that takes a part of it. */
export const weeklyRollupConfigFields = {
  /** JSON of a weekly @eco/calendar rule; the same value for every subgraph. */
  WEEKLY_ROLLUP_SCHEDULE: z
    .string()
    .optional()
    .transform((json, ctx) => {
      if (json === undefined || json.trim() === '') return DEFAULT_WEEKLY_ROLLUP_RULE;
      try {
        return parseWeeklyRollupRule(json);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: error instanceof Error ? error.message : String(error) });
        return z.NEVER;
      }
    }),
  WEEKLY_ROLLUP_LOOKBACK_DAYS: z.coerce.number().int().min(1).max(366).default(28),
  WEEKLY_ROLLUP_CHECK_INTERVAL_MS: z.coerce.number().int().min(1_000).max(86_400_000).default(60_000),
};

/**
 * A service's configuration: the settings every subgraph shares and the service's own, with every
 * problem of both reported at once, at boot.
 */
export function parseServiceConfig<S extends z.ZodTypeAny>(own: S, env: Env): SubgraphConfig & z.infer<S> {
  const problems: string[] = [];
  const attempt = <T>(parse: () => T): T | null => {
    try {
      return parse();
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      problems.push(...error.problems);
      return null;
    }
  };
  const subgraph = attempt(() => parseSubgraphConfig(env));
  const parsed = attempt(() => parseConfig(own, env));
  if (!subgraph || !parsed) throw new ConfigError(problems);
  return { ...subgraph, ...parsed };
}
