import type { EntityManager } from 'typeorm';
import type { SubgraphRuntime } from '@eco/subgraph';
import { RectificationStore } from '../persistence/rectification.store';

/**
 * One use case, one transaction (its outbox events included); the relay is nudged after commit.
 * Only bureau staff write here (each use case checks its role first), so the transaction's row
 * scope is every agency's rows.
 */
export function inTransaction<T>(
  runtime: SubgraphRuntime,
  work: (manager: EntityManager, store: RectificationStore) => Promise<T>,
): Promise<T> {
  return runtime.transaction('all', (manager) => work(manager, new RectificationStore(manager)));
}

/** The service's clock; tests pass a fixed one. */
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();
