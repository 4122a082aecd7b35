import { demoPerson, SEED_003_CAMPAIGN, stableId } from '@eco/demo-data';
import { problemOpenedV1, recordEvent } from '@eco/events';
import type { SubgraphRuntime } from '@eco/subgraph';
import { normaliseDeadline } from '../domain/measure-deadline';
import { addMeasureToProblem, problemOpenedPayload } from '../domain/rectification.service';
import { RectificationStore } from '../persistence/rectification.store';

/**
 * Loads the seed-003 campaign through the same use-case code as the API, so the measures assigned
 * to townships and the enforcement bureau reach their inboxes by the real event path. Runs once.
 */
export async function seedRectificationDemo(runtime: SubgraphRuntime): Promise<boolean> {
  const campaign = SEED_003_CAMPAIGN;
  const office = demoPerson('demo-rectification-office');
  const actor = { personId: office.id, agencyId: office.agencyId, name: office.name };
  // Seeded as the system: every agency's rows (row-level security).
  const seeded = await runtime.transaction('all', async (manager) => {
    const store = new RectificationStore(manager);
    if ((await store.campaignsByIds([campaign.id])).length > 0) return false;
    await store.insertCampaign({
      id: campaign.id,
      name: campaign.name,
      sourceKind: campaign.sourceKind,
      sourceTitle: campaign.sourceTitle,
      periodStart: campaign.periodStart,
      periodEnd: campaign.periodEnd,
      officeAgencyId: campaign.officeAgencyId,
      leadingGroup: campaign.leadingGroup,
      // 首次报送自 9 月 13 日（星期三）起 (seed 003 §三).
      weeklyReportsStartOn: '2023-09-13',
    });
    for (const problem of campaign.problems) {
      await store.insertProblem({
        id: problem.id,
        campaignId: campaign.id,
        number: problem.number,
        sourceNumber: problem.sourceNumber,
        aspect: problem.aspect,
        title: problem.title,
        description: problem.description,
        leadLeaderId: problem.leadLeaderId,
        responsibleDepartmentId: problem.responsibleDepartmentId,
        coordinatingAgencyIds: problem.coordinatingAgencyIds,
        visibleToAgencyIds: problem.coordinatingAgencyIds,
        sourceFindingId: null,
        openedAt: new Date(`${campaign.periodStart}T09:00:00+08:00`),
      });
      const [stored] = await store.problemsByIds([problem.id]);
      await recordEvent(manager, problemOpenedV1, problemOpenedPayload(stored!), {
        producer: 'rectification',
        actor,
        eventId: stableId('event', `problem-opened:${problem.id}`),
      });
      for (const measure of problem.measures) {
        await addMeasureToProblem(manager, store, stored!, {
          id: measure.id,
          sequence: measure.sequence,
          text: measure.text,
          responsibleAgencyId: measure.responsibleAgencyId,
          coordinatingAgencyIds: measure.coordinatingAgencyIds,
          deadline: normaliseDeadline({
            kind: measure.deadline.kind,
            startsOn: 'startsOn' in measure.deadline ? measure.deadline.startsOn : null,
            dueOn: 'dueOn' in measure.deadline ? measure.deadline.dueOn : null,
            label: measure.deadline.label,
          }),
          status: measure.status,
          evidenceNotes: measure.evidenceNotes,
          actor,
          eventId: stableId('event', `measure-assigned:${measure.id}`),
        });
      }
    }
    return true;
  });
  return seeded;
}
