import type { EntityManager } from 'typeorm';
import type { Principal } from '@eco/auth';
import type { BaseContext, SubgraphRuntime } from '@eco/subgraph';
import { DirectLineService } from '../domain/direct-line.service';
import { TaskService } from '../domain/task.service';
import { DirectLineStore } from '../persistence/direct-line.store';
import { AgenciesStore } from '../persistence/agencies.store';
import { createAgenciesLoaders } from './agencies.loaders';
import type { AgenciesLoaders, DirectoryCache } from './agencies.loaders';
import { createWeeklyRollupLoaders } from './weekly-rollup.resolvers';
import type { WeeklyRollupLoaders } from './weekly-rollup.resolvers';

export interface AgenciesContext extends BaseContext {
  store: AgenciesStore;
  loaders: AgenciesLoaders;
  tasks: TaskService;
  directLine: DirectLineService;
  directLineStore: DirectLineStore;
  weeklyRollupLoaders: WeeklyRollupLoaders;
}

export function createAgenciesContext(
  principal: Principal,
  runtime: SubgraphRuntime,
  reads: EntityManager,
  directory: DirectoryCache,
): AgenciesContext {
  const store = new AgenciesStore(reads);
  const directLineStore = new DirectLineStore(reads);
  return {
    principal,
    store,
    directLineStore,
    loaders: createAgenciesLoaders(store, directLineStore, directory),
    weeklyRollupLoaders: createWeeklyRollupLoaders(reads, principal),
    tasks: new TaskService(runtime, principal),
    directLine: new DirectLineService(runtime, principal),
  };
}
