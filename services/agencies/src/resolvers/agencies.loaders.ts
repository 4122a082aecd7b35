import { createEntityLoader, createGroupLoader } from '@eco/subgraph';
import type { AgenciesStore } from '../persistence/agencies.store';

/** Per-request batch loaders: one statement per entity type per request, whatever the page size. */
export function createAgenciesLoaders(store: AgenciesStore) {
  return {
    agency: createEntityLoader(
      (ids) => store.agenciesByIds(ids),
      (a) => a.id,
    ),
    person: createEntityLoader(
      (ids) => store.peopleByIds(ids),
      (p) => p.id,
    ),
    peopleByAgency: createGroupLoader(
      (ids) => store.peopleByAgencyIds(ids),
      (p) => p.agencyId,
    ),
    task: createEntityLoader(
      (ids) => store.tasksByIds(ids),
      (t) => t.id,
    ),
    updatesByTask: createGroupLoader(
      (ids) => store.updatesByTaskIds(ids),
      (u) => u.taskId,
    ),
  };
}

export type AgenciesLoaders = ReturnType<typeof createAgenciesLoaders>;
