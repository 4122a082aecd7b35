export { createSupervisionSubgraph, supervisionSubgraph } from './supervision.subgraph';
export { seedSupervisionDemo } from './demo/seed-supervision-demo';
export { takeDueSupervisionWeeklyRollups, takeSupervisionWeeklyRollup } from './domain/weekly-rollup';
