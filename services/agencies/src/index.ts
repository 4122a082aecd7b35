export { agenciesSubgraph } from './agencies.subgraph';
export { seedDirectory } from './demo/seed-directory';
