import { agenciesWeeklyRollupTakenV1, defineHandler, supervisionWeeklyRollupTakenV1 } from '@eco/events';
import type { EventEnvelope } from '@eco/events';
import { recordForeignPart } from '../domain/weekly-rollup';
import type { ForeignPart } from '../domain/weekly-rollup';

type PartTaken = EventEnvelope<{
  weekOf: string;
  cutOffAt: string;
  takenAt: string;
  totals: Record<string, number>;
}>;

const partOf = (part: ForeignPart['part'], event: PartTaken): ForeignPart => ({
  part,
  weekOf: event.payload.weekOf,
  cutOffAt: new Date(event.payload.cutOffAt),
  takenAt: new Date(event.payload.takenAt),
  totals: event.payload.totals,
  eventId: event.id,
});

/**
 * The weekly roll-up is one entity to which each subgraph adds its part: supervision's and the
 * agencies' arrive as events. Once all three are in, `rectification.weekly-rollup.ready.v1` goes out
 * (in this transaction, when the last part is theirs). A redelivery finds the part in and does nothing.
 */
export const recordSupervisionRollupPart = defineHandler({
  name: 'record-supervision-rollup-part',
  contract: supervisionWeeklyRollupTakenV1,
  handle: (manager, event) => recordForeignPart(manager, partOf('supervision', event), new Date()),
});

export const recordAgenciesRollupPart = defineHandler({
  name: 'record-agencies-rollup-part',
  contract: agenciesWeeklyRollupTakenV1,
  handle: (manager, event) => recordForeignPart(manager, partOf('agencies', event), new Date()),
});
