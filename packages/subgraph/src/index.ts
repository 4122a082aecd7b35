export { startSubgraph } from './subgraph-runtime';
export type {
  BaseContext,
  RunningSubgraph,
  SubgraphDefinition,
  SubgraphDeps,
  SubgraphRuntime,
} from './subgraph-runtime';
export { DomainError, asMutationResult, orGraphQLError, parseInput, toGraphQLError } from './domain-error';
export type { FieldError, MutationErrorData, MutationResult } from './domain-error';
export { createCachedEntityLoader, createEntityLoader, createGroupLoader } from './entity-loader';
export { SharedRowCache } from './shared-row-cache';
export { decodeCursor, encodeCursor, MAX_PAGE_SIZE, pageSize } from './cursor';
export type { KeysetPosition } from './cursor';
export { isId, requireId } from './id';
export { parseSubgraphConfig, runSubgraphMain } from './subgraph-main';
export type { SubgraphConfig } from './subgraph-main';
export { rowScopeOf } from './row-scope-of';
export { claimVersion, CONFLICT, expectedVersion, updateAtVersion } from './versioned-update';
export { operationsTypeDefs, withOperations } from './operations-schema';
export { BoundedDateTime, BoundedLocalDate } from './bounded-dates';
export { parseServiceConfig, weeklyRollupConfigFields } from './service-config';
export {
  lockRollupWeek,
  rollupEventHeader,
  rollupWeekColumns,
  RollupWeekColumns,
  takeDueWeeklyParts,
  takeWeeklyPart,
} from './weekly-parts';
export type { TakenWeek, WeeklyPart } from './weekly-parts';
