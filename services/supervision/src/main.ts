// Boot only: config → database → NATS → server.
import { ConfigError } from '@eco/config';
import { runSubgraphMain } from '@eco/subgraph';
import { loadConfig } from './config';
import { createSupervisionSubgraph, DEFAULT_SUPERVISION_OPTIONS } from './supervision.subgraph';

Promise.resolve()
  .then(() => {
    const config = loadConfig();
    return runSubgraphMain(
      createSupervisionSubgraph({
        ...DEFAULT_SUPERVISION_OPTIONS,
        weeklyRollup: {
          rule: config.WEEKLY_ROLLUP_SCHEDULE,
          lookbackDays: config.WEEKLY_ROLLUP_LOOKBACK_DAYS,
        },
        rollupCheckIntervalMs: config.WEEKLY_ROLLUP_CHECK_INTERVAL_MS,
      }),
      config,
    );
  })
  .catch((error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  });
