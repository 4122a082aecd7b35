export { startGateway } from './gateway-server';
export type { GatewayContext, GatewayOptions, RunningGateway } from './gateway-server';
export { composeSupergraph, SUPERGRAPH_PATH } from './compose-supergraph';
export { SUBGRAPH_NAMES } from './subgraph-names';
export type { SubgraphName } from './subgraph-names';
