import {
  createCachedEntityLoader,
  createEntityLoader,
  createGroupLoader,
  SharedRowCache,
} from '@eco/subgraph';
import type { AgenciesStore } from '../persistence/agencies.store';
import type { AgencyEntity } from '../persistence/agency.entity';
import type { PersonEntity } from '../persistence/person.entity';
import type { DirectLineStore } from '../persistence/direct-line.store';

/**
 * The directory's agencies and people, shared by every request of the process: they are visible to
 * every caller (no row security on them) and change only with the directory's seed, so the other
 * subgraphs' references to them (names on measures, problems, findings) are answered from memory.
 */
export interface DirectoryCache {
  agencies: SharedRowCache<AgencyEntity>;
  people: SharedRowCache<PersonEntity>;
}

export function createDirectoryCache(): DirectoryCache {
  return { agencies: new SharedRowCache(), people: new SharedRowCache() };
}

/** Per-request batch loaders: one statement per entity type per request, whatever the page size. */
export function createAgenciesLoaders(
  store: AgenciesStore,
  directLine: DirectLineStore,
  directory: DirectoryCache,
) {
  return {
    agency: createCachedEntityLoader(
      directory.agencies,
      (ids) => store.agenciesByIds(ids),
      (a) => a.id,
    ),
    person: createCachedEntityLoader(
      directory.people,
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
