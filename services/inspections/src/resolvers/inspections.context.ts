import type { EntityManager } from 'typeorm';
import type { Principal } from '@eco/auth';
import type { BaseContext, SubgraphRuntime } from '@eco/subgraph';
import { InspectionsService } from '../domain/inspections.service';
import { InspectionsStore } from '../persistence/inspections.store';
import { createInspectionsLoaders } from './inspections.loaders';
import type { InspectionsLoaders } from './inspections.loaders';

export interface InspectionsContext extends BaseContext {
  store: InspectionsStore;
  loaders: InspectionsLoaders;
  service: InspectionsService;
}

export function createInspectionsContext(
  principal: Principal,
  runtime: SubgraphRuntime,
  reads: EntityManager,
): InspectionsContext {
  const store = new InspectionsStore(reads);
  return {
    principal,
    store,
    loaders: createInspectionsLoaders(store),
    service: new InspectionsService(runtime, principal),
  };
}
