import { hasAnyRole, isPartner } from '@eco/auth';
import type { Principal } from '@eco/auth';
import type { SupervisionItemEntity } from '../persistence/supervision-item.entity';

/** Internal staff see every item; a partner agency sees the items it is involved in. */
export function canSeeItem(principal: Principal, item: SupervisionItemEntity): boolean {
  return !isPartner(principal) || item.involvedAgencyIds.includes(principal.agencyId);
}

export function partnerAgencyOf(principal: Principal): string | undefined {
  return isPartner(principal) ? principal.agencyId : undefined;
}

/** Registering items: the General Office's supervision officer and the bureau's leaders. */
export function canRegisterItems(principal: Principal): boolean {
  return hasAnyRole(principal, ['SUPERVISION_OFFICER', 'BUREAU_CHIEF', 'DEPUTY_CHIEF']);
}

/** The General Office's supervision post (督查岗): lights, flags, interviews, schedules, closing. */
export function isSupervisionOffice(principal: Principal): boolean {
  return hasAnyRole(principal, ['SUPERVISION_OFFICER']);
}

/**
 * Plans and reports of an item: its responsible department's clerk or head, the officer, or a
 * bureau leader.
 */
export function canActForItem(principal: Principal, item: SupervisionItemEntity): boolean {
  if (hasAnyRole(principal, ['SUPERVISION_OFFICER', 'BUREAU_CHIEF', 'DEPUTY_CHIEF'])) return true;
  return (
    item.responsibleDepartmentId === principal.agencyId &&
    hasAnyRole(principal, ['DEPARTMENT_CLERK', 'DEPARTMENT_HEAD'])
  );
}

/** Reports, lights, escalations, scores and meetings are internal to the bureau. */
export function canReadInternal(principal: Principal): boolean {
  return !isPartner(principal);
}
