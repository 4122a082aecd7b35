import type { Principal } from '@eco/auth';
import type { BaseContext, SubgraphRuntime } from '@eco/subgraph';
import { RectificationService } from '../domain/rectification.service';
import { RectificationStore } from '../persistence/rectification.store';
import { createRectificationLoaders } from './rectification.loaders';
import type { RectificationLoaders } from './rectification.loaders';

export interface RectificationContext extends BaseContext {
  store: RectificationStore;
  loaders: RectificationLoaders;
  service: RectificationService;
}

export function createRectificationContext(
  principal: Principal,
  runtime: SubgraphRuntime,
): RectificationContext {
  const store = new RectificationStore(runtime.dataSource.manager);
  return {
    principal,
    store,
    loaders: createRectificationLoaders(store),
    service: new RectificationService(runtime, principal),
  };
}
