export { rectificationSubgraph } from './rectification.subgraph';
export { seedRectificationDemo } from './demo/seed-demo';
export { createRectificationSubgraph } from './rectification.subgraph';
export { takeDueWeeklyRollups, takeWeeklyRollup } from './domain/weekly-rollup';
export { DEFAULT_WEEKLY_ROLLUP_SCHEDULE } from '@eco/calendar';
export type { WeeklyRollupSchedule } from '@eco/calendar';
