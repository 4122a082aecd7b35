import { parseSubgraphConfig } from '@eco/subgraph';
import type { SubgraphConfig } from '@eco/subgraph';

/** The only reader of process.env in this service: every problem is reported at once, at boot. */
export const loadConfig = (): SubgraphConfig => parseSubgraphConfig(process.env);
