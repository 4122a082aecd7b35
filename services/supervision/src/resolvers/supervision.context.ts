import type { EntityManager } from 'typeorm';
import type { Principal } from '@eco/auth';
import type { BaseContext, SubgraphRuntime } from '@eco/subgraph';
import { DirectLineService } from '../domain/direct-line.service';
import { EscalationService } from '../domain/escalation.service';
import { InsightsService } from '../domain/insights.service';
import { ReportingService } from '../domain/reporting.service';
import { SupervisionService } from '../domain/supervision.service';
import { WorkflowService } from '../domain/workflow.service';
import { DirectLineStore } from '../persistence/direct-line.store';
import { EscalationStore } from '../persistence/escalation.store';
import { SupervisionStore } from '../persistence/supervision.store';
import { createSupervisionLoaders } from './supervision.loaders';
import type { SupervisionLoaders } from './supervision.loaders';

export interface SupervisionContext extends BaseContext {
  store: SupervisionStore;
  escalationStore: EscalationStore;
  directLineStore: DirectLineStore;
  loaders: SupervisionLoaders;
  service: SupervisionService;
  reporting: ReportingService;
  escalation: EscalationService;
  workflow: WorkflowService;
  insights: InsightsService;
  directLine: DirectLineService;
}

export function createSupervisionContext(
  principal: Principal,
  runtime: SubgraphRuntime,
  reads: EntityManager,
): SupervisionContext {
  return {
    principal,
    store: new SupervisionStore(reads),
    escalationStore: new EscalationStore(reads),
    directLineStore: new DirectLineStore(reads),
    loaders: createSupervisionLoaders(reads),
    service: new SupervisionService(runtime, principal),
    reporting: new ReportingService(runtime, principal),
    escalation: new EscalationService(runtime, principal),
    workflow: new WorkflowService(runtime, principal),
    insights: new InsightsService(reads, principal),
    directLine: new DirectLineService(runtime, principal),
  };
}
