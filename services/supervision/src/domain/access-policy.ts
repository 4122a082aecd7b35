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
