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
import { takeDueAgenciesWeeklyRollups } from './domain/weekly-rollup';
import { DEFAULT_WEEKLY_ROLLUP_SCHEDULE } from '@eco/calendar';
import type { WeeklyRollupSchedule } from '@eco/calendar';
import { AgenciesWeeklyRollups1795600000000 } from './persistence/migrations/1795600000000-weekly-rollups';
import { AgenciesWeeklyRollupsRowSecurity1795600000001 } from './persistence/migrations/1795600000001-weekly-rollups-row-security';
import { AgenciesWeeklyRollupsAuditTrail1795600000002 } from './persistence/migrations/1795600000002-weekly-rollups-audit-trail';
import { AgenciesWeeklyRollupEntity, AgencyWeekEntity } from './persistence/weekly-rollup.entity';
import { TaskUpdateEntity } from './persistence/task-update.entity';
import { createAgenciesContext } from './resolvers/agencies.context';
import { createDirectoryCache } from './resolvers/agencies.loaders';
import type { DirectoryCache } from './resolvers/agencies.loaders';
import type { AgenciesContext } from './resolvers/agencies.context';
import { agenciesResolvers } from './resolvers/agencies.resolvers';

export const agenciesTypeDefs = parse(readFileSync(join(__dirname, '..', 'schema.graphql'), 'utf8'));

export interface AgenciesOptions {
  /** The weekly roll-up's cut-off; every subgraph must be given the same. */
  weeklyRollup: WeeklyRollupSchedule;
  /** How often each replica looks for a cut-off that has fallen and is not rolled up yet. */
  rollupCheckIntervalMs: number;
}

export const DEFAULT_AGENCIES_OPTIONS: AgenciesOptions = {
  weeklyRollup: DEFAULT_WEEKLY_ROLLUP_SCHEDULE,
  rollupCheckIntervalMs: 60_000,
};

/** Outside agencies and people: the directory, and each partner's inbox of coordination tasks. */
export const createAgenciesSubgraph = (
  options: AgenciesOptions = DEFAULT_AGENCIES_OPTIONS,
  directory: DirectoryCache = createDirectoryCache(),
): SubgraphDefinition<AgenciesContext> => ({
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
    AgenciesWeeklyRollupEntity,
    AgencyWeekEntity,
  ],
  migrations: [
    AgenciesCore1763771000000,
    TaskSlaAndMemberships1763790000000,
    DirectLineRequests1763790000001,
    AgenciesRowLevelSecurity1763790000003,
    AgenciesAuditTrail1795400000000,
    AgenciesWeeklyRollups1795600000000,
    AgenciesWeeklyRollupsRowSecurity1795600000001,
    AgenciesWeeklyRollupsAuditTrail1795600000002,
  ],
  eventHandlers: () => [openTasksForMeasure, openTasksForSupervisionItem, recordDirectLineReply],
  jobs: (runtime) => [
    {
      name: 'take-weekly-rollups',
      intervalMs: options.rollupCheckIntervalMs,
      run: async () => {
        await takeDueAgenciesWeeklyRollups(runtime, options.weeklyRollup, new Date());
      },
    },
  ],
  createContext: (principal, runtime, reads) => createAgenciesContext(principal, runtime, reads, directory),
});

export const agenciesSubgraph = createAgenciesSubgraph();
