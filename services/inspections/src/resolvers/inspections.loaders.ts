import { createEntityLoader, createGroupLoader } from '@eco/subgraph';
import type { ActivityStore } from '../persistence/activity.store';
import type { ChecklistStore } from '../persistence/checklist.store';
import type { InspectionsStore } from '../persistence/inspections.store';
import type { TargetStore } from '../persistence/target.store';

export interface InspectionsStores {
  rounds: InspectionsStore;
  targets: TargetStore;
  checklist: ChecklistStore;
  activities: ActivityStore;
}

/** Per-request batch loaders: one statement per entity type per request, whatever the page size. */
export function createInspectionsLoaders({ rounds, targets, checklist, activities }: InspectionsStores) {
  return {
    round: createEntityLoader(
      (ids) => rounds.roundsByIds(ids),
      (r) => r.id,
    ),
    finding: createEntityLoader(
      (ids) => rounds.findingsByIds(ids),
      (f) => f.id,
    ),
    findingsByRound: createGroupLoader(
      (ids) => rounds.findingsByRoundIds(ids),
      (f) => f.roundId,
    ),
    findingsByTarget: createGroupLoader(
      (ids) => rounds.findingsByTargetIds(ids),
      (f) => f.targetId!,
    ),
    findingsByFeedback: createGroupLoader(
      (ids) => rounds.findingsByFeedbackIds(ids),
      (f) => f.feedbackId!,
    ),
    grantsByFinding: createGroupLoader(
      (ids) => rounds.grantsByFindingIds(ids),
      (g) => g.findingId,
    ),
    target: createEntityLoader(
      (ids) => targets.targetsByIds(ids),
      (t) => t.id,
    ),
    targetsByRound: createGroupLoader(
      (ids) => targets.targetsByRoundIds(ids),
      (t) => t.roundId,
    ),
    phasesByTarget: createGroupLoader(
      (ids) => targets.phasesByTargetIds(ids),
      (p) => p.targetId,
    ),
    extensionsByTarget: createGroupLoader(
      (ids) => targets.extensionsByTargetIds(ids),
      (e) => e.targetId,
    ),
    feedback: createEntityLoader(
      (ids) => targets.feedbacksByIds(ids),
      (f) => f.id,
    ),
    feedbacksByTarget: createGroupLoader(
      (ids) => targets.feedbacksByTargetIds(ids),
      (f) => f.targetId,
    ),
    checkItem: createEntityLoader(
      (ids) => checklist.itemsByIds(ids),
      (i) => i.id,
    ),
    checklistByRound: createGroupLoader(
      (ids) => checklist.currentItemsByRoundIds(ids),
      (i) => i.roundId,
    ),
    activitiesByTarget: createGroupLoader(
      (ids) => activities.activitiesByTargetIds(ids),
      (a) => a.targetId,
    ),
    interviewsByTarget: createGroupLoader(
      (ids) => activities.interviewsByTargetIds(ids),
      (i) => i.targetId,
    ),
    surveyResponsesByTarget: createGroupLoader(
      (ids) => activities.surveyResponsesByTargetIds(ids),
      (r) => r.targetId,
    ),
    checksBySiteVisit: createGroupLoader(
      (ids) => activities.checksByActivityIds(ids),
      (c) => c.activityId,
    ),
  };
}

export type InspectionsLoaders = ReturnType<typeof createInspectionsLoaders>;
