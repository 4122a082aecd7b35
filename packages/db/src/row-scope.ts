import type { EntityManager } from 'typeorm';

/** The role services connect as: not the owner of any table, so forced row-level security applies. */
export const APPLICATION_ROLE = 'eco_app';

/**
 * Which agency-scoped rows a transaction may touch: one agency's, or all of them (bureau staff and
 * the system itself). Policies read it from `eco.row_scope`; a session that never set it sees none.
 */
export type RowScope = { agencyId: string } | 'all';

/** Sets the scope for the rest of the current transaction (it ends with it). */
export async function applyRowScope(manager: EntityManager, scope: RowScope): Promise<void> {
  await manager.query(`SELECT set_config('eco.row_scope', $1, true)`, [
    scope === 'all' ? 'all' : scope.agencyId,
  ]);
}

/** SQL of a policy letting a row through when its agency column matches the transaction's scope. */
export function rowScopePolicy(agencyCondition: string): string {
  return `current_setting('eco.row_scope', true) = 'all' OR (${agencyCondition})`;
}

/** The agency in scope, as SQL (NULL when none or 'all'), for policy conditions. */
export const SCOPED_AGENCY = `nullif(nullif(current_setting('eco.row_scope', true), ''), 'all')::uuid`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The statement that sets the scope, with the scope as a literal rather than a parameter, so it can
 * share one simple-protocol round trip with BEGIN. The literal is 'all' or a checked UUID.
 */
export function rowScopeStatement(scope: RowScope): string {
  const value = scope === 'all' ? 'all' : scope.agencyId;
  if (value !== 'all' && !UUID.test(value)) throw new Error('a row scope names an agency by its id');
  return `SELECT set_config('eco.row_scope', '${value}', true)`;
}
