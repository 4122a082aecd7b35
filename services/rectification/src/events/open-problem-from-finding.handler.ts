import { randomUUID } from 'node:crypto';
import { defineHandler, findingConfirmedV1, problemOpenedV1, recordEvent } from '@eco/events';
import { problemOpenedPayload } from '../domain/rectification.service';
import { RectificationStore } from '../persistence/rectification.store';

/** A finding confirmed in the feedback to its unit becomes a rectification problem (DOMAIN.md §1). */
export const openProblemFromFinding = defineHandler({
  name: 'open-problem-from-finding',
  contract: findingConfirmedV1,
  async handle(manager, event) {
    const store = new RectificationStore(manager);
    const finding = event.payload;
    if ((await store.problemsBySourceFindingIds([finding.findingId])).length > 0) return;
    const id = randomUUID();
    await store.insertProblem({
      id,
      campaignId: null,
      number: finding.findingNumber,
      sourceNumber: finding.findingNumber,
      aspect: finding.category,
      title: finding.title,
      description: finding.description,
      leadLeaderId: null,
      // The inspected unit rectifies its own finding.
      responsibleDepartmentId: finding.targetAgencyId,
      coordinatingAgencyIds: [],
      visibleToAgencyIds: [],
      sourceFindingId: finding.findingId,
      openedAt: new Date(finding.confirmedAt),
    });
    const [problem] = await store.problemsByIds([id]);
    await recordEvent(manager, problemOpenedV1, problemOpenedPayload(problem!), {
      producer: 'rectification',
      actor: event.actor,
      correlationId: event.id,
    });
  },
});
