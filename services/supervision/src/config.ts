import { z } from 'zod';
import { ConfigError, parseConfig } from '@eco/config';
import type { Env } from '@eco/config';
import { parseSubgraphConfig } from '@eco/subgraph';
import type { SubgraphConfig } from '@eco/subgraph';
import { DEFAULT_WEEKLY_ROLLUP_RULE, parseWeeklyRollupRule } from './domain/weekly-rollup-schedule';

const supervisionConfigSchema = z.object({
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
});

export type SupervisionConfig = SubgraphConfig & z.infer<typeof supervisionConfigSchema>;

/** The only reader of process.env in this service: every problem is reported at once, at boot. */
export function loadConfig(env: Env = process.env): SupervisionConfig {
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
  const own = attempt(() => parseConfig(supervisionConfigSchema, env));
  if (!subgraph || !own) throw new ConfigError(problems);
  return { ...subgraph, ...own };
}
