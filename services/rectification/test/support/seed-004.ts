import { shanghaiInstant } from '@eco/calendar';
import { SEED_004_NOTICE, seed004Problems } from '@eco/demo-data';
import type { TestStack } from '@eco/testing';
import { dueAtOf } from '../../src/domain/due-at';
import { normaliseDeadline } from '../../src/domain/measure-deadline';
import { RectificationStore } from '../../src/persistence/rectification.store';

/** Loads a campaign with seed 004's proportions (64 problems, 186 measures) in two batched statements. */
export async function loadSeed004(t: TestStack, campaignId: string): Promise<void> {
  const problems = seed004Problems(`seed-004:${campaignId}`);
  const openedAt = shanghaiInstant(SEED_004_NOTICE.feedbackOn, '10:00');
  await t.stack.subgraphs.rectification.runtime.transaction('all', async (manager) => {
    const store = new RectificationStore(manager);
    await store.insertProblems(
      problems.map((p) => ({
        id: p.id,
        campaignId,
        number: p.number,
        sourceNumber: p.sourceNumber,
        aspect: p.aspect,
        title: p.title,
        description: p.description,
        leadLeaderId: p.leadLeaderId,
        responsibleDepartmentId: p.responsibleDepartmentId,
        coordinatingAgencyIds: [],
        visibleToAgencyIds: [],
        sourceFindingId: null,
        openedAt,
      })),
    );
    await store.insertMeasures(
      problems.flatMap((p) =>
        p.measures.map((m, i) => {
          const deadline = normaliseDeadline({
            kind: m.deadline.kind,
            dueOn: 'dueOn' in m.deadline ? m.deadline.dueOn : null,
            label: m.deadline.label,
          });
          return {
            id: m.id,
            problemId: p.id,
            sequence: m.sequence,
            text: m.text,
            responsibleAgencyId: m.responsibleAgencyId,
            coordinatingAgencyIds: [],
            deadlineKind: deadline.kind,
            startsOn: null,
            dueOn: deadline.dueOn,
            deadlineLabel: deadline.label,
            dueAt: dueAtOf(deadline),
            status: m.status,
            evidenceNotes: m.evidenceNotes,
            completedAt: m.completedOn ? shanghaiInstant(m.completedOn, '10:00') : null,
            createdAt: new Date(openedAt.getTime() + i),
          };
        }),
      ),
    );
  });
}
