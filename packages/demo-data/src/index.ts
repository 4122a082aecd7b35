export { stableId, agencyIdOf, personIdOf } from './stable-id';
export { DEMO_AGENCIES, DEMO_PEOPLE, demoAgency, demoPerson } from './directory';
export type { DemoAgency, DemoAgencyKind, DemoPerson, DemoRole } from './directory';
export { SEED_003_CAMPAIGN } from './seed-003-campaign';
export type { DemoDeadline, DemoMeasure, DemoProblem } from './seed-003-campaign';
export { SEED_004_NOTICE, seed004Problems } from './seed-004-notice';
export type { Seed004Measure, Seed004Problem } from './seed-004-notice';
export { SEED_000_ROUND, type Seed000ChecklistRow } from './seed-000-round';
export * from './supervision-items';
