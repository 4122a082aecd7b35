import { loadConfig as loadGatewayConfig } from '@eco/gateway/src/config';
import { loadConfig as loadRectificationConfig } from '@eco/rectification-service/src/config';
import { parseSubgraphConfig } from '@eco/subgraph';

/**
 * Parses an environment with the service's own configuration code, as the process would at boot:
 * throws the service's ConfigError listing every missing or invalid variable.
 */
export function parseServiceConfig(service: string, env: Record<string, string>): unknown {
  if (service === 'rectification') return loadRectificationConfig(env);
  if (service !== 'gateway') return parseSubgraphConfig(env);
  // The gateway reads process.env itself.
  const saved = process.env;
  process.env = { ...env };
  try {
    return loadGatewayConfig();
  } finally {
    process.env = saved;
  }
}
