import { hasAnyRole, isPartner } from '@eco/auth';
import type { Principal } from '@eco/auth';

/**
 * Inspections are internal work: staff see every round and finding; a partner agency sees a
 * finding only once rectification has assigned it a measure of the problem opened from it.
 */
export function canSeeFinding(principal: Principal, grantedAgencyIds: readonly string[]): boolean {
  return !isPartner(principal) || grantedAgencyIds.includes(principal.agencyId);
}

export function canListRounds(principal: Principal): boolean {
  return !isPartner(principal);
}

/** Recording and confirming findings: the inspection group and the bureau's leaders. */
export function canRecordFindings(principal: Principal): boolean {
  return hasAnyRole(principal, ['INSPECTION_MEMBER', 'RECTIFICATION_OFFICE', 'BUREAU_CHIEF', 'DEPUTY_CHIEF']);
}
