import { hasAnyRole, isPartner } from '@eco/auth';
import type { Principal } from '@eco/auth';
import type { MeasureEntity } from '../persistence/measure.entity';
import type { ProblemEntity } from '../persistence/problem.entity';

/**
 * Who sees what in rectification. Internal staff see the whole ledger; a partner agency sees a
 * problem it is named on (directly or through one of its measures) and the measures assigned to it.
 * Root fields, nested fields and `_entities` all ask these same functions.
 */
export function partnerAgencyOf(principal: Principal): string | undefined {
  return isPartner(principal) ? principal.agencyId : undefined;
}

export function canSeeProblem(principal: Principal, problem: ProblemEntity): boolean {
  const agency = partnerAgencyOf(principal);
  return agency === undefined || problem.visibleToAgencyIds.includes(agency);
}

export function canSeeMeasure(principal: Principal, measure: MeasureEntity): boolean {
  const agency = partnerAgencyOf(principal);
  return agency === undefined || measure.coordinatingAgencyIds.includes(agency);
}

/** Opening problems and adding measures: the rectification office and the bureau's leaders. */
export function canManageRectification(principal: Principal): boolean {
  return hasAnyRole(principal, ['RECTIFICATION_OFFICE', 'BUREAU_CHIEF', 'DEPUTY_CHIEF']);
}

/**
 * Department submissions (status changes, evidence, weekly reports): the responsible department's
 * clerk or head, or the rectification office on its behalf.
 */
export function canActForDepartment(principal: Principal, agencyId: string | null): boolean {
  if (canManageRectification(principal)) return true;
  return (
    agencyId !== null &&
    principal.agencyId === agencyId &&
    hasAnyRole(principal, ['DEPARTMENT_CLERK', 'DEPARTMENT_HEAD'])
  );
}

/** Weekly reports, the ledger, the progress notice and accountability are internal: no partner sees them. */
export function canReadInternalReports(principal: Principal): boolean {
  return !isPartner(principal);
}
