import { personIdOf, stableId } from '@eco/demo-data';
import type { SubgraphRuntime } from '@eco/subgraph';
import { InspectionsStore } from '../persistence/inspections.store';

/** Seed 000: the bureau's 2023 internal inspection, year 3 of the third round. Runs once. */
export async function seedInspectionsDemo(runtime: SubgraphRuntime): Promise<void> {
  const id = stableId('round', 'seed-000:2023');
  await runtime.dataSource.transaction(async (manager) => {
    const store = new InspectionsStore(manager);
    if ((await store.roundsByIds([id])).length > 0) return;
    await store.insertRound({
      id,
      name: '区生态环境局2023年内部巡察（第三轮第三年）',
      roundNumber: 3,
      startYear: 2021,
      endYear: 2023,
      year: 2023,
      // The plan cites 浦环党[2023]39号 (the 巡审一体 rules), not a number of its own.
      planDocumentNumber: null,
      groupLeaderId: personIdOf('kang-yongliang'),
      deputyGroupLeaderId: personIdOf('yang-xin'),
      periodStart: '2023-08-01',
      periodEnd: '2023-10-31',
    });
  });
}
