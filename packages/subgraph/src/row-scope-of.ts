import { isPartner } from '@eco/auth';
import type { Principal } from '@eco/auth';
import type { RowScope } from '@eco/db';

/** A partner-agency user's transactions see its agency's rows; bureau staff see all. */
export function rowScopeOf(principal: Principal): RowScope {
  return isPartner(principal) ? { agencyId: principal.agencyId } : 'all';
}
