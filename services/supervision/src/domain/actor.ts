import type { Principal } from '@eco/auth';
import type { EventActor } from '@eco/events';

/** The caller as an event's actor. */
export function actorOf(principal: Principal): EventActor {
  return { personId: principal.personId, agencyId: principal.agencyId, name: principal.name };
}
