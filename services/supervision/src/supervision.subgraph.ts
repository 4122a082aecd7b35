import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'graphql';
import type { SubgraphDefinition } from '@eco/subgraph';
import { SupervisionRowLevelSecurity1763790000004 } from './persistence/migrations/1763790000004-row-level-security';
import {
  itemTimelineFromAcknowledgement,
  itemTimelineFromCompletionRequest,
  itemTimelineFromProgress,
} from './events/item-timeline-from-agency-updates.handler';
import { SupervisionCore1763774000000 } from './persistence/migrations/1763774000000-supervision-core';
import { DirectLineItems1763790000002 } from './persistence/migrations/1763790000002-direct-line-items';
import { DirectLineItemEntity } from './persistence/direct-line-item.entity';
import { openDirectLineItem } from './events/open-direct-line-item.handler';
import { SupervisionItemEntity } from './persistence/supervision-item.entity';
import { SupervisionItemUpdateEntity } from './persistence/supervision-item-update.entity';
import { createSupervisionContext } from './resolvers/supervision.context';
import type { SupervisionContext } from './resolvers/supervision.context';
import { supervisionResolvers } from './resolvers/supervision.resolvers';

export const supervisionTypeDefs = parse(readFileSync(join(__dirname, '..', 'schema.graphql'), 'utf8'));

/** 督办: supervised items of every category. */
export const supervisionSubgraph: SubgraphDefinition<SupervisionContext> = {
  name: 'supervision',
  rowSecurity: true,
  typeDefs: supervisionTypeDefs,
  resolvers: supervisionResolvers,
  entities: [SupervisionItemEntity, SupervisionItemUpdateEntity, DirectLineItemEntity],
  migrations: [
    SupervisionCore1763774000000,
    DirectLineItems1763790000002,
    SupervisionRowLevelSecurity1763790000004,
  ],
  eventHandlers: () => [
    itemTimelineFromAcknowledgement,
    itemTimelineFromProgress,
    itemTimelineFromCompletionRequest,
    openDirectLineItem,
  ],
  createContext: createSupervisionContext,
};
