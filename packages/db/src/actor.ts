import type { EntityManager } from 'typeorm';
import type { RowScope } from './row-scope';

/**
 * Names who is acting for the rest of the current transaction; the audit trail records it with
 * every change. A person as `person:<id>@<agency id>`, the system as `system:<what>`.
 */
export async function applyActor(manager: EntityManager, actor: string): Promise<void> {
  await manager.query(`SELECT set_config('eco.actor', $1, true)`, [actor]);
}

/**
 * applyRowScope and applyActor in one statement: what every write transaction of a subgraph and
 * every consumer batch sets first, for one round trip instead of two.
 */
export async function applyScopeAndActor(
  manager: EntityManager,
  scope: RowScope,
  actor: string,
): Promise<void> {
  await manager.query(`SELECT set_config('eco.row_scope', $1, true), set_config('eco.actor', $2, true)`, [
    scope === 'all' ? 'all' : scope.agencyId,
    actor,
  ]);
}

export const personActor = (personId: string, agencyId: string) => `person:${personId}@${agencyId}`;
export const systemActor = (what: string) => `system:${what}`;
