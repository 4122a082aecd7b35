import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'graphql';
import type { SubgraphDefinition } from '@eco/subgraph';
import { openProblemFromFinding } from './events/open-problem-from-finding.handler';
import {
  timelineFromAcknowledgement,
  timelineFromCompletionRequest,
  timelineFromProgress,
} from './events/timeline-from-agency-updates.handler';
import { CampaignEntity } from './persistence/campaign.entity';
import { MeasureEntity } from './persistence/measure.entity';
import { MeasureUpdateEntity } from './persistence/measure-update.entity';
import { AccountabilityRecordEntity } from './persistence/accountability-record.entity';
import { DisciplineFiguresEntity } from './persistence/discipline-figures.entity';
import { RectificationCore1763772000000 } from './persistence/migrations/1763772000000-rectification-core';
import { RectificationCloseoutReports1763780000001 } from './persistence/migrations/1763780000001-rectification-closeout-reports';
import { ProblemEntity } from './persistence/problem.entity';
import { ProblemCloseoutEntity } from './persistence/problem-closeout.entity';
import { WeeklyReportEntity } from './persistence/weekly-report.entity';
import { createRectificationContext } from './resolvers/rectification.context';
import type { RectificationContext } from './resolvers/rectification.context';
import { rectificationResolvers } from './resolvers/rectification.resolvers';

export const rectificationTypeDefs = parse(readFileSync(join(__dirname, '..', 'schema.graphql'), 'utf8'));

/** 整改: campaigns, problems, measures and their timelines, close-out, weekly reports, ledger and notice. */
export const rectificationSubgraph: SubgraphDefinition<RectificationContext> = {
  name: 'rectification',
  typeDefs: rectificationTypeDefs,
  resolvers: rectificationResolvers,
  entities: [
    CampaignEntity,
    ProblemEntity,
    MeasureEntity,
    MeasureUpdateEntity,
    ProblemCloseoutEntity,
    WeeklyReportEntity,
    DisciplineFiguresEntity,
    AccountabilityRecordEntity,
  ],
  migrations: [RectificationCore1763772000000, RectificationCloseoutReports1763780000001],
  eventHandlers: () => [
    openProblemFromFinding,
    timelineFromAcknowledgement,
    timelineFromProgress,
    timelineFromCompletionRequest,
  ],
  createContext: createRectificationContext,
};
