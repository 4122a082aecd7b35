import type { EntityManager } from 'typeorm';
import type { Principal } from '@eco/auth';
import { createEntityLoader, createGroupLoader } from '@eco/subgraph';
import type { BaseContext, SubgraphRuntime } from '@eco/subgraph';
import { DirectLineService } from '../domain/direct-line.service';
import { SupervisionService } from '../domain/supervision.service';
import { DirectLineStore } from '../persistence/direct-line.store';
import { SupervisionStore } from '../persistence/supervision.store';

function createSupervisionLoaders(store: SupervisionStore) {
  return {
    item: createEntityLoader(
      (ids) => store.itemsByIds(ids),
      (i) => i.id,
    ),
    itemsByAgency: createGroupLoader(
      (ids) => store.itemsByAgencyIds(ids),
      (row) => row.agencyId,
    ),
    updatesByItem: createGroupLoader(
      (ids) => store.updatesByItemIds(ids),
      (u) => u.itemId,
    ),
  };
}

export interface SupervisionContext extends BaseContext {
  store: SupervisionStore;
  loaders: ReturnType<typeof createSupervisionLoaders>;
  service: SupervisionService;
  directLine: DirectLineService;
  directLineStore: DirectLineStore;
}

export function createSupervisionContext(
  principal: Principal,
  runtime: SubgraphRuntime,
  reads: EntityManager,
): SupervisionContext {
  const store = new SupervisionStore(reads);
  return {
    principal,
    store,
    loaders: createSupervisionLoaders(store),
    service: new SupervisionService(runtime, principal),
    directLine: new DirectLineService(runtime, principal),
    directLineStore: new DirectLineStore(reads),
  };
}
