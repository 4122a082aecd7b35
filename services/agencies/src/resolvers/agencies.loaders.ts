import { createEntityLoader, createGroupLoader } from '@eco/subgraph';
import type { AgenciesStore } from '../persistence/agencies.store';
import type { DirectLineStore } from '../persistence/direct-line.store';

/** Per-request batch loaders: one statement per entity type per request, whatever the page size. */
export function createAgenciesLoaders(store: AgenciesStore, directLine: DirectLineStore) {
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
    membershipsByPerson: createGroupLoader(
      (ids) => store.membershipsByPersonIds(ids),
      (m) => m.personId,
    ),
    membershipsByAgency: createGroupLoader(
      (ids) => store.membershipsByAgencyIds(ids),
      (m) => m.agencyId,
    ),
    task: createEntityLoader(
      (ids) => store.tasksByIds(ids),
      (t) => t.id,
    ),
    repliesByDirectLineRequest: createGroupLoader(
      (ids) => directLine.repliesByRequestIds(ids),
      (r) => r.requestId,
    ),
    updatesByTask: createGroupLoader(
      (ids) => store.updatesByTaskIds(ids),
      (u) => u.taskId,
    ),
  };
}

export type AgenciesLoaders = ReturnType<typeof createAgenciesLoaders>;
