import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'graphql';
import type { SubgraphDefinition } from '@eco/subgraph';
import { InspectionsRowLevelSecurity1763790000005 } from './persistence/migrations/1763790000005-row-level-security';
import { InspectionRoundInFull1763800000020 } from './persistence/migrations/1763800000020-inspection-round-in-full';
import { InspectionsAuditTrail1795400000000 } from './persistence/migrations/1795400000000-audit-trail';
import { grantFindingToAgencies } from './events/grant-finding-to-agencies.handler';
import { ActivityEntity } from './persistence/activity.entity';
import { ChecklistItemEntity } from './persistence/checklist-item.entity';
import { FindingEntity } from './persistence/finding.entity';
import { FindingGrantEntity } from './persistence/finding-grant.entity';
import { InspectionRoundEntity } from './persistence/inspection-round.entity';
import { InspectionTargetEntity } from './persistence/inspection-target.entity';
import { InterviewEntity } from './persistence/interview.entity';
import { SiteVisitCheckEntity } from './persistence/site-visit-check.entity';
import { SurveyResponseEntity } from './persistence/survey-response.entity';
import { TargetPhaseEntity } from './persistence/target-phase.entity';
import { UnitFeedbackEntity } from './persistence/unit-feedback.entity';
import { WindowExtensionEntity } from './persistence/window-extension.entity';
import { InspectionsCore1763773000000 } from './persistence/migrations/1763773000000-inspections-core';
import { createInspectionsContext } from './resolvers/inspections.context';
import type { InspectionsContext } from './resolvers/inspections.context';
import { inspectionsResolvers } from './resolvers/inspections.resolvers';

export const inspectionsTypeDefs = parse(readFileSync(join(__dirname, '..', 'schema.graphql'), 'utf8'));

/** 巡察: rounds, their units, check-item lists, activities, findings, feedback and reports. */
export const inspectionsSubgraph: SubgraphDefinition<InspectionsContext> = {
  name: 'inspections',
  rowSecurity: true,
  typeDefs: inspectionsTypeDefs,
  resolvers: inspectionsResolvers,
  entities: [
    InspectionRoundEntity,
    FindingEntity,
    FindingGrantEntity,
    InspectionTargetEntity,
    TargetPhaseEntity,
    WindowExtensionEntity,
    ChecklistItemEntity,
    ActivityEntity,
    InterviewEntity,
    SurveyResponseEntity,
    SiteVisitCheckEntity,
    UnitFeedbackEntity,
  ],
  migrations: [
    InspectionsCore1763773000000,
    InspectionsRowLevelSecurity1763790000005,
    InspectionRoundInFull1763800000020,
    InspectionsAuditTrail1795400000000,
  ],
  eventHandlers: () => [grantFindingToAgencies],
  createContext: createInspectionsContext,
};
