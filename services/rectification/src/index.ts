export { rectificationSubgraph } from './rectification.subgraph';
export { seedRectificationDemo } from './demo/seed-demo';
