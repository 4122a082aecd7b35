import DataLoader from 'dataloader';
import { createEntityLoader, createGroupLoader } from '@eco/subgraph';
import { deriveProblemStatus } from '../domain/problem-status';
import type { RectificationStore } from '../persistence/rectification.store';
import type { WeeklyRollupStore } from '../persistence/weekly-rollup.store';

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Like createGroupLoader, keyed by a week (a date) rather than an id. */
function weekLoader<V extends { weekOf: string }>(fetch: (weeks: readonly string[]) => Promise<V[]>) {
  return new DataLoader<string, V[]>(async (weeks) => {
    const valid = weeks.filter((w) => LOCAL_DATE.test(w));
    const rows = valid.length > 0 ? await fetch(valid) : [];
    return weeks.map((week) => rows.filter((r) => r.weekOf === week));
  });
}

/** Per-request batch loaders: one statement per entity type per request, whatever the page size. */
export function createRectificationLoaders(store: RectificationStore, rollups: WeeklyRollupStore) {
  return {
    weeklyRollup: weekLoader((weeks) => rollups.rollupsByWeeks(weeks)),
    weeklyRollupDepartments: weekLoader((weeks) => rollups.departmentsOfWeeks(weeks)),
    weeklyRollupParts: weekLoader((weeks) => rollups.partsOfWeeks(weeks)),
    campaign: createEntityLoader(
      (ids) => store.campaignsByIds(ids),
      (c) => c.id,
    ),
    problem: createEntityLoader(
      (ids) => store.problemsByIds(ids),
      (p) => p.id,
    ),
    problemBySourceFinding: createEntityLoader(
      (ids) => store.problemsBySourceFindingIds(ids),
      (p) => p.sourceFindingId!,
    ),
    problemsByCampaign: createGroupLoader(
      (ids) => store.listProblemsOfCampaigns(ids),
      (p) => p.campaignId!,
    ),
    measure: createEntityLoader(
      (ids) => store.measuresByIds(ids),
      (m) => m.id,
    ),
    measuresByProblem: createGroupLoader(
      (ids) => store.measuresByProblemIds(ids),
      (m) => m.problemId,
    ),
    problemStatus: createEntityLoader(
      async (ids) =>
        (await store.statusFactsByProblemIds(ids)).map((facts) => ({
          problemId: facts.problemId,
          status: deriveProblemStatus(facts.measures, facts.lastCloseout),
        })),
      (s) => s.problemId,
    ),
    closeoutsByProblem: createGroupLoader(
      (ids) => store.closeoutsByProblemIds(ids),
      (c) => c.problemId,
    ),
    accountabilityByProblem: createGroupLoader(
      (ids) => store.accountabilityByProblemIds(ids),
      (r) => r.problemId,
    ),
    followUpPlan: createEntityLoader(
      (ids) => store.followUpPlansByMeasureIds(ids),
      (p) => p.measureId,
    ),
    updatesByMeasure: createGroupLoader(
      (ids) => store.updatesByMeasureIds(ids),
      (u) => u.measureId,
    ),
  };
}

export type RectificationLoaders = ReturnType<typeof createRectificationLoaders>;
