import type { EntityManager } from 'typeorm';
import type { Principal } from '@eco/auth';
import type { BaseContext, SubgraphRuntime } from '@eco/subgraph';
import { ActivityService } from '../domain/activity.service';
import { ChecklistService } from '../domain/checklist.service';
import { FeedbackService } from '../domain/feedback.service';
import { InspectionsService } from '../domain/inspections.service';
import { TargetService } from '../domain/target.service';
import { ActivityStore } from '../persistence/activity.store';
import { ChecklistStore } from '../persistence/checklist.store';
import { InspectionsStore } from '../persistence/inspections.store';
import { TargetStore } from '../persistence/target.store';
import { createInspectionsLoaders } from './inspections.loaders';
import type { InspectionsLoaders } from './inspections.loaders';

export interface InspectionsContext extends BaseContext {
  store: InspectionsStore;
  loaders: InspectionsLoaders;
  service: InspectionsService;
  targets: TargetService;
  activities: ActivityService;
  feedback: FeedbackService;
  checklist: ChecklistService;
}

export function createInspectionsContext(
  principal: Principal,
  runtime: SubgraphRuntime,
  reads: EntityManager,
): InspectionsContext {
  const store = new InspectionsStore(reads);
  return {
    principal,
    store,
    loaders: createInspectionsLoaders({
      rounds: store,
      targets: new TargetStore(reads),
      checklist: new ChecklistStore(reads),
      activities: new ActivityStore(reads),
    }),
    service: new InspectionsService(runtime, principal),
    targets: new TargetService(runtime, principal),
    activities: new ActivityService(runtime, principal),
    feedback: new FeedbackService(runtime, principal),
    checklist: new ChecklistService(runtime, principal),
  };
}
