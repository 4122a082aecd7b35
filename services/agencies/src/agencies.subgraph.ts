import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'graphql';
import type { SubgraphDefinition } from '@eco/subgraph';
import { openTasksForMeasure, openTasksForSupervisionItem } from './events/open-coordination-tasks.handler';
import { AgencyEntity } from './persistence/agency.entity';
import { CoordinationTaskEntity } from './persistence/coordination-task.entity';
import { AgenciesCore1763771000000 } from './persistence/migrations/1763771000000-agencies-core';
import { PersonEntity } from './persistence/person.entity';
import { TaskUpdateEntity } from './persistence/task-update.entity';
import { createAgenciesContext } from './resolvers/agencies.context';
import type { AgenciesContext } from './resolvers/agencies.context';
import { agenciesResolvers } from './resolvers/agencies.resolvers';

export const agenciesTypeDefs = parse(readFileSync(join(__dirname, '..', 'schema.graphql'), 'utf8'));

/** Outside agencies and people: the directory, and each partner's inbox of coordination tasks. */
export const agenciesSubgraph: SubgraphDefinition<AgenciesContext> = {
  name: 'agencies',
  typeDefs: agenciesTypeDefs,
  resolvers: agenciesResolvers,
  entities: [AgencyEntity, PersonEntity, CoordinationTaskEntity, TaskUpdateEntity],
  migrations: [AgenciesCore1763771000000],
  eventHandlers: () => [openTasksForMeasure, openTasksForSupervisionItem],
  createContext: createAgenciesContext,
};
