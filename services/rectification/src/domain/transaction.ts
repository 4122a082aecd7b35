import type { EntityManager } from 'typeorm';
import type { SubgraphRuntime } from '@eco/subgraph';
import { RectificationStore } from '../persistence/rectification.store';

/** One use case, one transaction (its outbox events included); the relay is nudged after commit. */
export async function inTransaction<T>(
  runtime: SubgraphRuntime,
  work: (manager: EntityManager, store: RectificationStore) => Promise<T>,
): Promise<T> {
  const result = await runtime.dataSource.transaction((manager) =>
    work(manager, new RectificationStore(manager)),
  );
  runtime.afterCommit();
  return result;
}

/** The service's clock; tests pass a fixed one. */
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();
