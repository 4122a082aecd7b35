import { defineHandler, measureAssignedV1 } from '@eco/events';
import { InspectionsStore } from '../persistence/inspections.store';

/** Agencies assigned a measure of a problem that came from a finding may read that finding. */
export const grantFindingToAgencies = defineHandler({
  name: 'grant-finding-to-agencies',
  contract: measureAssignedV1,
  async handle(manager, event) {
    const { sourceFindingId, agencyIds } = event.payload;
    if (!sourceFindingId) return;
    const store = new InspectionsStore(manager);
    if ((await store.findingsByIds([sourceFindingId])).length === 0) {
      throw new Error(`finding ${sourceFindingId} does not exist`);
    }
    await store.grantFinding(sourceFindingId, agencyIds);
  },
});
