import { isPartner } from '@eco/auth';
import type { Principal } from '@eco/auth';
import type { CoordinationTaskEntity } from '../persistence/coordination-task.entity';

/**
 * Who sees and acts on coordination tasks. A partner-agency user sees and acts on its own agency's
 * tasks only; internal staff see every agency's tasks but act on none (the agency reports, not the
 * bureau on its behalf). Root fields, nested fields and `_entities` all ask these functions.
 */
export function canSeeTask(principal: Principal, task: CoordinationTaskEntity): boolean {
  return !isPartner(principal) || task.agencyId === principal.agencyId;
}

export function canActOnTask(principal: Principal, task: CoordinationTaskEntity): boolean {
  return isPartner(principal) && task.agencyId === principal.agencyId;
}

/** Whose inbox a caller may list. */
export function canListTasksOf(principal: Principal, agencyId: string): boolean {
  return !isPartner(principal) || principal.agencyId === agencyId;
}
