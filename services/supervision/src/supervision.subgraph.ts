import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'graphql';
import type { SubgraphDefinition } from '@eco/subgraph';
import { noticeOverdueReports } from './domain/report-overdue';
import { takeDueSupervisionWeeklyRollups } from './domain/weekly-rollup';
import { DEFAULT_WEEKLY_ROLLUP_SCHEDULE } from '@eco/calendar';
import type { WeeklyRollupSchedule } from '@eco/calendar';
import { SupervisionWeeklyRollups1795600000000 } from './persistence/migrations/1795600000000-weekly-rollups';
import { SupervisionWeeklyRollupsRowSecurity1795600000001 } from './persistence/migrations/1795600000001-weekly-rollups-row-security';
import { SupervisionWeeklyRollupsAuditTrail1795600000002 } from './persistence/migrations/1795600000002-weekly-rollups-audit-trail';
import {
  SupervisionWeeklyDepartmentEntity,
  SupervisionWeeklyRollupEntity,
} from './persistence/weekly-rollup.entity';
import {
  itemTimelineFromAcknowledgement,
  itemTimelineFromCompletionRequest,
  itemTimelineFromProgress,
} from './events/item-timeline-from-agency-updates.handler';
import { openDirectLineItem } from './events/open-direct-line-item.handler';
import { ClosureReportEntity } from './persistence/closure-report.entity';
import { DirectLineItemEntity } from './persistence/direct-line-item.entity';
import { EscalationEntity } from './persistence/escalation.entity';
import { EscalationFlagEntity } from './persistence/escalation-flag.entity';
import { LeaderInstructionEntity } from './persistence/leader-instruction.entity';
import { LightRecordEntity } from './persistence/light-record.entity';
import { MilestoneEntity } from './persistence/milestone.entity';
import { SupervisionCore1763774000000 } from './persistence/migrations/1763774000000-supervision-core';
import { DirectLineItems1763790000002 } from './persistence/migrations/1763790000002-direct-line-items';
import { SupervisionRowLevelSecurity1763790000004 } from './persistence/migrations/1763790000004-row-level-security';
import { SupervisionMeasures1763800000000 } from './persistence/migrations/1763800000000-supervision-measures';
import { SupervisionItemYears1763800000001 } from './persistence/migrations/1763800000001-supervision-item-years';
import { SupervisionAuditTrail1795400000000 } from './persistence/migrations/1795400000000-audit-trail';
import { MonthlyReportEntity } from './persistence/monthly-report.entity';
import { ProgressMeetingEntity } from './persistence/progress-meeting.entity';
import { ReportOverdueNoticeEntity } from './persistence/report-overdue-notice.entity';
import { ReportingScheduleEntity } from './persistence/reporting-schedule.entity';
import { SupervisionItemEntity } from './persistence/supervision-item.entity';
import { SupervisionItemUpdateEntity } from './persistence/supervision-item-update.entity';
import { createSupervisionContext } from './resolvers/supervision.context';
import type { SupervisionContext } from './resolvers/supervision.context';
import { supervisionResolvers } from './resolvers/supervision.resolvers';

export const supervisionTypeDefs = parse(readFileSync(join(__dirname, '..', 'schema.graphql'), 'utf8'));

export interface SupervisionOptions {
  /** How often each replica looks for overdue monthly reports. */
  overdueCheckIntervalMs: number;
  /** The weekly roll-up's cut-off; every subgraph must be given the same. */
  weeklyRollup: WeeklyRollupSchedule;
  /** How often each replica looks for a cut-off that has fallen and is not rolled up yet. */
  rollupCheckIntervalMs: number;
}

export const DEFAULT_SUPERVISION_OPTIONS: SupervisionOptions = {
  overdueCheckIntervalMs: 60_000,
  weeklyRollup: DEFAULT_WEEKLY_ROLLUP_SCHEDULE,
  rollupCheckIntervalMs: 60_000,
};

/** 督办: supervised items of every category, their plans, reports, lights, escalation and score. */
export function createSupervisionSubgraph(
  options: SupervisionOptions = DEFAULT_SUPERVISION_OPTIONS,
): SubgraphDefinition<SupervisionContext> {
  return {
    name: 'supervision',
    rowSecurity: true,
    typeDefs: supervisionTypeDefs,
    resolvers: supervisionResolvers,
    entities: [
      SupervisionItemEntity,
      SupervisionItemUpdateEntity,
      DirectLineItemEntity,
      MilestoneEntity,
      ReportingScheduleEntity,
      MonthlyReportEntity,
      LightRecordEntity,
      EscalationFlagEntity,
      EscalationEntity,
      LeaderInstructionEntity,
      ClosureReportEntity,
      ProgressMeetingEntity,
      ReportOverdueNoticeEntity,
      SupervisionWeeklyRollupEntity,
      SupervisionWeeklyDepartmentEntity,
    ],
    migrations: [
      SupervisionCore1763774000000,
      DirectLineItems1763790000002,
      SupervisionRowLevelSecurity1763790000004,
      SupervisionMeasures1763800000000,
      SupervisionItemYears1763800000001,
      SupervisionAuditTrail1795400000000,
      SupervisionWeeklyRollups1795600000000,
      SupervisionWeeklyRollupsRowSecurity1795600000001,
      SupervisionWeeklyRollupsAuditTrail1795600000002,
    ],
    eventHandlers: () => [
      itemTimelineFromAcknowledgement,
      itemTimelineFromProgress,
      itemTimelineFromCompletionRequest,
      openDirectLineItem,
    ],
    jobs: (runtime) => [
      {
        name: 'notice-overdue-monthly-reports',
        intervalMs: options.overdueCheckIntervalMs,
        run: async () => {
          await noticeOverdueReports(runtime, new Date());
        },
      },
      {
        name: 'take-weekly-rollups',
        intervalMs: options.rollupCheckIntervalMs,
        run: async () => {
          await takeDueSupervisionWeeklyRollups(runtime, options.weeklyRollup, new Date());
        },
      },
    ],
    createContext: createSupervisionContext,
  };
}

export const supervisionSubgraph = createSupervisionSubgraph();
