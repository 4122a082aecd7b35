import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'graphql';
import type { SubgraphDefinition } from '@eco/subgraph';
import { openProblemFromFinding } from './events/open-problem-from-finding.handler';
import {
  timelineFromAcknowledgement,
  timelineFromProgress,
} from './events/timeline-from-agency-updates.handler';
import { CampaignEntity } from './persistence/campaign.entity';
import { MeasureEntity } from './persistence/measure.entity';
import { MeasureUpdateEntity } from './persistence/measure-update.entity';
import { RectificationCore1763772000000 } from './persistence/migrations/1763772000000-rectification-core';
import { ProblemEntity } from './persistence/problem.entity';
import { createRectificationContext } from './resolvers/rectification.context';
import type { RectificationContext } from './resolvers/rectification.context';
import { rectificationResolvers } from './resolvers/rectification.resolvers';

export const rectificationTypeDefs = parse(readFileSync(join(__dirname, '..', 'schema.graphql'), 'utf8'));

/** 整改: campaigns, problems, measures and their timelines. */
export const rectificationSubgraph: SubgraphDefinition<RectificationContext> = {
  name: 'rectification',
  typeDefs: rectificationTypeDefs,
  resolvers: rectificationResolvers,
  entities: [CampaignEntity, ProblemEntity, MeasureEntity, MeasureUpdateEntity],
  migrations: [RectificationCore1763772000000],
  eventHandlers: () => [openProblemFromFinding, timelineFromAcknowledgement, timelineFromProgress],
  createContext: createRectificationContext,
};
