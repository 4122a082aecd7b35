export { inspectionsSubgraph } from './inspections.subgraph';
export { seedInspectionsDemo } from './demo/seed-demo';
