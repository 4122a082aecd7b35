import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'graphql';
import type { SubgraphDefinition } from '@eco/subgraph';
import { AgenciesRowLevelSecurity1763790000003 } from './persistence/migrations/1763790000003-row-level-security';
import { AgenciesAuditTrail1795400000000 } from './persistence/migrations/1795400000000-audit-trail';
import { openTasksForMeasure, openTasksForSupervisionItem } from './events/open-coordination-tasks.handler';
import { AgencyEntity } from './persistence/agency.entity';
import { CoordinationTaskEntity } from './persistence/coordination-task.entity';
import { AgenciesCore1763771000000 } from './persistence/migrations/1763771000000-agencies-core';
import { TaskSlaAndMemberships1763790000000 } from './persistence/migrations/1763790000000-task-sla-and-memberships';
import { MembershipEntity } from './persistence/membership.entity';
import { DirectLineRequests1763790000001 } from './persistence/migrations/1763790000001-direct-line-requests';
import { DirectLineReplyEntity, DirectLineRequestEntity } from './persistence/direct-line-request.entity';
import { recordDirectLineReply } from './events/record-direct-line-reply.handler';
import { PersonEntity } from './persistence/person.entity';
import { TaskUpdateEntity } from './persistence/task-update.entity';
import { createAgenciesContext } from './resolvers/agencies.context';
import type { AgenciesContext } from './resolvers/agencies.context';
import { agenciesResolvers } from './resolvers/agencies.resolvers';

export const agenciesTypeDefs = parse(readFileSync(join(__dirname, '..', 'schema.graphql'), 'utf8'));

/** Outside agencies and people: the directory, and each partner's inbox of coordination tasks. */
export const agenciesSubgraph: SubgraphDefinition<AgenciesContext> = {
  name: 'agencies',
  rowSecurity: true,
  typeDefs: agenciesTypeDefs,
  resolvers: agenciesResolvers,
  entities: [
    AgencyEntity,
    PersonEntity,
    MembershipEntity,
    CoordinationTaskEntity,
    TaskUpdateEntity,
    DirectLineRequestEntity,
    DirectLineReplyEntity,
  ],
  migrations: [
    AgenciesCore1763771000000,
    TaskSlaAndMemberships1763790000000,
    DirectLineRequests1763790000001,
    AgenciesRowLevelSecurity1763790000003,
    AgenciesAuditTrail1795400000000,
  ],
  eventHandlers: () => [openTasksForMeasure, openTasksForSupervisionItem, recordDirectLineReply],
  createContext: createAgenciesContext,
};
