import { z } from 'zod';
import type { EntityManager, EntityTarget, ObjectLiteral, QueryDeepPartialEntity } from 'typeorm';

import { DomainError } from './domain-error';

/** The code every subgraph answers when an edit names a version that is no longer current. */
export const CONFLICT = 'CONFLICT';

/**
 * Edits one record only if it is still at `expectedVersion`, and bumps its version, in a single
 * conditional UPDATE. TypeORM's @VersionColumn does not guard save()/update(), so this is the one
 * way edits of existing records are written. A stale version raises CONFLICT with the current
 * version; a missing record raises `notFoundCode`. Without an expected version the edit applies to
 * whatever version is current (callers that have one must pass it).
 */
export async function updateAtVersion<E extends ObjectLiteral & { id: string; version: number }>(
  manager: EntityManager,
  entity: EntityTarget<E>,
  id: string,
  expectedVersion: number | null | undefined,
  changes: QueryDeepPartialEntity<E>,
  notFoundCode: string,
): Promise<E> {
  const query = manager
    .createQueryBuilder()
    .update(entity)
    .set({ ...changes, version: () => 'version + 1' } as QueryDeepPartialEntity<E>)
    .where('id = :id', { id });
  if (expectedVersion !== null && expectedVersion !== undefined) {
    query.andWhere('version = :expectedVersion', { expectedVersion });
  }
  const result = await query.execute();
  const repository = manager.getRepository(entity);
  // Read back through the repository so column transformers apply as on any other read.
  const current = await repository.findOne({ where: { id } as never });
  if (current && result.affected) return current;
  throw refusal(current?.version, expectedVersion, notFoundCode);
}

/**
 * Claims a record for an edit at the version the caller last read: bumps its version if it is
 * still `expectedVersion` (or whatever it is, when none is given) and holds its row lock until the
 * transaction ends. Call it first in the edit's transaction; the edit's own writes follow. Raises
 * CONFLICT with the current version, or `notFoundCode`.
 */
export async function claimVersion<E extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<E>,
  id: string,
  expectedVersion: number | null | undefined,
  notFoundCode: string,
): Promise<number> {
  const table = manager
    .getRepository(entity)
    .metadata.tablePath.split('.')
    .map((part) => `"${part}"`)
    .join('.');
  const [claimed]: [{ version: number }[], number] = await manager.query(
    `UPDATE ${table} SET version = version + 1 WHERE id = $1 AND ($2::int IS NULL OR version = $2) RETURNING version`,
    [id, expectedVersion ?? null],
  );
  if (claimed[0]) return claimed[0].version;
  const [current] = (await manager.query(`SELECT version FROM ${table} WHERE id = $1`, [id])) as {
    version: number;
  }[];
  throw refusal(current?.version, expectedVersion, notFoundCode);
}

/** Why a versioned edit did not apply: no such record, or CONFLICT with the version it is at. */
function refusal(
  currentVersion: number | undefined,
  expected: number | null | undefined,
  notFoundCode: string,
) {
  if (currentVersion === undefined) return new DomainError(notFoundCode, 'no such record');
  return new DomainError(
    CONFLICT,
    `the record is at version ${currentVersion}, not ${expected}; reload it and retry`,
    [],
    currentVersion,
  );
}

/** An edit's `expectedVersion` input: the version the caller last read (GraphQL's Int range). */
export const expectedVersion = z.number().int().min(1).max(2_147_483_647).nullish();
