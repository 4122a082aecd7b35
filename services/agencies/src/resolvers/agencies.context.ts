import type { Principal } from '@eco/auth';
import type { BaseContext, SubgraphRuntime } from '@eco/subgraph';
import { TaskService } from '../domain/task.service';
import { AgenciesStore } from '../persistence/agencies.store';
import { createAgenciesLoaders } from './agencies.loaders';
import type { AgenciesLoaders } from './agencies.loaders';

export interface AgenciesContext extends BaseContext {
  store: AgenciesStore;
  loaders: AgenciesLoaders;
  tasks: TaskService;
}

export function createAgenciesContext(principal: Principal, runtime: SubgraphRuntime): AgenciesContext {
  const store = new AgenciesStore(runtime.dataSource.manager);
  return {
    principal,
    store,
    loaders: createAgenciesLoaders(store),
    tasks: new TaskService(runtime, principal),
  };
}
