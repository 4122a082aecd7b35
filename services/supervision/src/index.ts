export { createSupervisionSubgraph, supervisionSubgraph } from './supervision.subgraph';
export { seedSupervisionDemo } from './demo/seed-supervision-demo';
