export { startGateway, DEFAULT_GATEWAY_HARDENING } from './gateway-server';
export type { GatewayContext, GatewayHardening, GatewayOptions, RunningGateway } from './gateway-server';
export { composeSupergraph, SUPERGRAPH_PATH } from './compose-supergraph';
export { SUBGRAPH_NAMES } from './subgraph-names';
export type { SubgraphName } from './subgraph-names';
export {
  DEFAULT_OPERATION_LIMITS,
  enforceOperationLimits,
  measureOperation,
} from './hardening/operation-limits';
export type { OperationLimits, OperationMeasures } from './hardening/operation-limits';
export { DEFAULT_RATE_LIMIT, RateLimiter } from './hardening/rate-limiter';
export type { RateLimitSettings } from './hardening/rate-limiter';
