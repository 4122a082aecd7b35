import { createEntityLoader, createGroupLoader } from '@eco/subgraph';
import type { RectificationStore } from '../persistence/rectification.store';

/** Per-request batch loaders: one statement per entity type per request, whatever the page size. */
export function createRectificationLoaders(store: RectificationStore) {
  return {
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
