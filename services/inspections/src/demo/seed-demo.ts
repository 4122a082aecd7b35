import { SEED_000_ROUND, stableId } from '@eco/demo-data';
import type { SubgraphRuntime } from '@eco/subgraph';
import { parseChecklistRows } from '../domain/checklist-rows';
import { INSPECTION_PHASES } from '../domain/target-phase';
import { ChecklistItemEntity } from '../persistence/checklist-item.entity';
import { InspectionsStore } from '../persistence/inspections.store';
import { TargetStore } from '../persistence/target.store';

/**
 * Seed 000: the bureau's 2023 internal inspection, year 3 of the third round: the plan, its six
 * units (in preparation, unscheduled: the seed dates none) and the 2023 check-item list, read by the
 * same parser as an imported file. Runs once.
 */
export async function seedInspectionsDemo(runtime: SubgraphRuntime): Promise<void> {
  const seed = SEED_000_ROUND;
  const parsed = parseChecklistRows(seed.checklist.map((cells, i) => ({ rowNumber: i + 2, cells })));
  if (!parsed.ok)
    throw new Error(`the seed-000 check-item list does not parse: ${parsed.errors[0]!.message}`);
  await runtime.transaction('all', async (manager) => {
    const store = new InspectionsStore(manager);
    if ((await store.roundsByIds([seed.id])).length > 0) return;
    await store.insertRound({
      id: seed.id,
      name: seed.name,
      roundNumber: seed.roundNumber,
      startYear: seed.startYear,
      endYear: seed.endYear,
      year: seed.year,
      planDocumentNumber: seed.planDocumentNumber,
      groupLeaderId: seed.groupLeaderId,
      deputyGroupLeaderId: seed.deputyGroupLeaderId,
      periodStart: seed.periodStart,
      periodEnd: seed.periodEnd,
      memberDepartments: seed.memberDepartments,
      specialInspections: seed.specialInspections,
      budgetLines: seed.budgetLines,
      outsideFirm: seed.outsideFirm,
      checklistRevision: 1,
      checklistSource: seed.checklistSource,
    });
    const targets = new TargetStore(manager);
    for (const target of seed.targets) {
      await targets.insertTarget(
        { ...target, roundId: seed.id, phase: 'PREPARATION' },
        INSPECTION_PHASES.map((phase, ordinal) => ({ targetId: target.id, phase, ordinal })),
      );
    }
    await manager.insert(
      ChecklistItemEntity,
      parsed.rows.map((row) => ({
        ...row,
        id: stableId('checklist-item', `seed-000:2023:${row.position}`),
        roundId: seed.id,
        revision: 1,
        supersededAt: null,
      })),
    );
  });
}
