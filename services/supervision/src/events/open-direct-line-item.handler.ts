import { randomUUID } from 'node:crypto';
import { defineHandler, directLineRaisedV1 } from '@eco/events';
import { directLineDeadline } from '../domain/direct-line-clocks';
import { DirectLineStore } from '../persistence/direct-line.store';

/** A township's @件 reaches the General Office with its triage clock running from the moment it was raised. */
export const openDirectLineItem = defineHandler({
  name: 'open-direct-line-item',
  contract: directLineRaisedV1,
  async handle(manager, event) {
    const raisedAt = new Date(event.payload.raisedAt);
    await new DirectLineStore(manager).insertIfAbsent({
      id: randomUUID(),
      requestId: event.payload.requestId,
      agencyId: event.payload.agencyId,
      kind: event.payload.kind,
      title: event.payload.title,
      body: event.payload.body,
      raisedByName: event.payload.personName,
      raisedAt,
      status: 'AWAITING_TRIAGE',
      triageDueAt: directLineDeadline(raisedAt, 'triage'),
    });
  },
});
