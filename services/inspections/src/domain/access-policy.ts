import { hasAnyRole, isPartner } from '@eco/auth';
import type { Principal } from '@eco/auth';

/**
 * Inspections are internal work: staff see every round and finding; a partner agency sees a
 * finding only once rectification has assigned it a measure of the problem opened from it, and
 * nothing else of a round (its internal fields answer FORBIDDEN).
 */
export function canSeeFinding(principal: Principal, grantedAgencyIds: readonly string[]): boolean {
  return !isPartner(principal) || grantedAgencyIds.includes(principal.agencyId);
}

export function canListRounds(principal: Principal): boolean {
  return !isPartner(principal);
}

/** Bureau staff read the internal parts of a round (targets, activities, feedback, report). */
export function canSeeRoundInternals(principal: Principal): boolean {
  return !isPartner(principal);
}

/** Recording and confirming findings: the inspection group and the bureau's leaders. */
export function canRecordFindings(principal: Principal): boolean {
  return hasAnyRole(principal, ['INSPECTION_MEMBER', 'RECTIFICATION_OFFICE', 'BUREAU_CHIEF', 'DEPUTY_CHIEF']);
}

/** Running a round (plan, targets, phases, activities, feedback, report): the same people. */
export const canRunRounds = canRecordFindings;

/** Who is in a round's inspection group (巡察工作组): its leader, deputy and the member departments' staff. */
export interface RoundGroup {
  groupLeaderId: string | null;
  deputyGroupLeaderId: string | null;
  memberDepartments: readonly { staff: readonly { personId: string | null }[] }[];
}

export function groupMemberIds(group: RoundGroup): Set<string> {
  const ids = [
    group.groupLeaderId,
    group.deputyGroupLeaderId,
    ...group.memberDepartments.flatMap((d) => d.staff.map((s) => s.personId)),
  ];
  return new Set(ids.filter((id): id is string => id !== null));
}

/**
 * Interview notes are the group's alone (seed 000 §六(四): 不作个人表态, strict reporting): only a
 * member of this round's group records or reads interviews; anyone else, whatever their role, gets
 * nothing: not the notes, not the fact that an interview took place.
 */
export function isGroupMember(principal: Principal, group: RoundGroup): boolean {
  return !isPartner(principal) && groupMemberIds(group).has(principal.personId);
}
