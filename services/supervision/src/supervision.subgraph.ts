import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'graphql';
import type { SubgraphDefinition } from '@eco/subgraph';
import {
  itemTimelineFromAcknowledgement,
  itemTimelineFromProgress,
} from './events/item-timeline-from-agency-updates.handler';
import { SupervisionCore1763774000000 } from './persistence/migrations/1763774000000-supervision-core';
import { SupervisionItemEntity } from './persistence/supervision-item.entity';
import { SupervisionItemUpdateEntity } from './persistence/supervision-item-update.entity';
import { createSupervisionContext } from './resolvers/supervision.context';
import type { SupervisionContext } from './resolvers/supervision.context';
import { supervisionResolvers } from './resolvers/supervision.resolvers';

export const supervisionTypeDefs = parse(readFileSync(join(__dirname, '..', 'schema.graphql'), 'utf8'));

/** 督办: supervised items of every category. */
export const supervisionSubgraph: SubgraphDefinition<SupervisionContext> = {
  name: 'supervision',
  typeDefs: supervisionTypeDefs,
  resolvers: supervisionResolvers,
  entities: [SupervisionItemEntity, SupervisionItemUpdateEntity],
  migrations: [SupervisionCore1763774000000],
  eventHandlers: () => [itemTimelineFromAcknowledgement, itemTimelineFromProgress],
  createContext: createSupervisionContext,
};
