export { agenciesSubgraph } from './agencies.subgraph';
export { seedDirectory } from './demo/seed-directory';
export { createAgenciesSubgraph } from './agencies.subgraph';
export { takeAgenciesWeeklyRollup, takeDueAgenciesWeeklyRollups } from './domain/weekly-rollup';
