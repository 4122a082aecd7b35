import { createEntityLoader, createGroupLoader } from '@eco/subgraph';
import type { InspectionsStore } from '../persistence/inspections.store';

/** Per-request batch loaders: one statement per entity type per request, whatever the page size. */
export function createInspectionsLoaders(store: InspectionsStore) {
  return {
    round: createEntityLoader(
      (ids) => store.roundsByIds(ids),
      (r) => r.id,
    ),
    finding: createEntityLoader(
      (ids) => store.findingsByIds(ids),
      (f) => f.id,
    ),
    findingsByRound: createGroupLoader(
      (ids) => store.findingsByRoundIds(ids),
      (f) => f.roundId,
    ),
    grantsByFinding: createGroupLoader(
      (ids) => store.grantsByFindingIds(ids),
      (g) => g.findingId,
    ),
  };
}

export type InspectionsLoaders = ReturnType<typeof createInspectionsLoaders>;
