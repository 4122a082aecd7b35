import type { EntityManager } from 'typeorm';

/**
 * Names who is acting for the rest of the current transaction; the audit trail records it with
 * every change. A person as `person:<id>@<agency id>`, the system as `system:<what>`.
 */
export async function applyActor(manager: EntityManager, actor: string): Promise<void> {
  await manager.query(`SELECT set_config('eco.actor', $1, true)`, [actor]);
}

export const personActor = (personId: string, agencyId: string) => `person:${personId}@${agencyId}`;
export const systemActor = (what: string) => `system:${what}`;
