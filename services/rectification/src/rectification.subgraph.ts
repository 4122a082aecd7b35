import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'graphql';
import type { SubgraphDefinition } from '@eco/subgraph';
import { RectificationRowLevelSecurity1763790000013 } from './persistence/migrations/1763790000013-row-level-security';
import { RectificationAuditTrail1795400000000 } from './persistence/migrations/1795400000000-audit-trail';
import { RectificationRecordVersions1795390000000 } from './persistence/migrations/1795390000000-record-versions';
import { MeasureUpdateOrder1763790000011 } from './persistence/migrations/1763790000011-measure-update-order';
import { FollowUpPlans1763790000012 } from './persistence/migrations/1763790000012-follow-up-plans';
import { FollowUpPlanEntity } from './persistence/follow-up-plan.entity';
import { noticeOverdueWeeklyReports } from './domain/weekly-report-overdue';
import { takeDueWeeklyRollups } from './domain/weekly-rollup';
import { DEFAULT_WEEKLY_ROLLUP_SCHEDULE } from '@eco/calendar';
import type { WeeklyRollupSchedule } from '@eco/calendar';
import { recordAgenciesRollupPart, recordSupervisionRollupPart } from './events/weekly-rollup-parts.handler';
import { WeeklyRollups1795600000000 } from './persistence/migrations/1795600000000-weekly-rollups';
import { WeeklyRollupsRowSecurity1795600000001 } from './persistence/migrations/1795600000001-weekly-rollups-row-security';
import { WeeklyRollupsAuditTrail1795600000002 } from './persistence/migrations/1795600000002-weekly-rollups-audit-trail';
import {
  WeeklyRollupDepartmentEntity,
  WeeklyRollupEntity,
  WeeklyRollupPartEntity,
} from './persistence/weekly-rollup.entity';
import { openCampaignFromFeedback } from './events/open-campaign-from-feedback.handler';
import { openProblemFromFinding } from './events/open-problem-from-finding.handler';
import { reopenProblemOnFalseRectification } from './events/reopen-problem-on-false-rectification.handler';
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
import { RectificationOverdueNotices1763790000010 } from './persistence/migrations/1763790000010-rectification-overdue-notices';
import { ProblemEntity } from './persistence/problem.entity';
import { ProblemCloseoutEntity } from './persistence/problem-closeout.entity';
import { WeeklyReportEntity } from './persistence/weekly-report.entity';
import { WeeklyReportOverdueNoticeEntity } from './persistence/weekly-report-overdue-notice.entity';
import { createRectificationContext } from './resolvers/rectification.context';
import type { RectificationContext } from './resolvers/rectification.context';
import { rectificationResolvers } from './resolvers/rectification.resolvers';

export const rectificationTypeDefs = parse(readFileSync(join(__dirname, '..', 'schema.graphql'), 'utf8'));

export interface RectificationOptions {
  /** How often each replica looks for overdue weekly reports. */
  overdueCheckIntervalMs: number;
  /** The weekly roll-up's cut-off; every subgraph must be given the same. */
  weeklyRollup: WeeklyRollupSchedule;
  /** How often each replica looks for a cut-off that has fallen and is not rolled up yet. */
  rollupCheckIntervalMs: number;
}

export const DEFAULT_RECTIFICATION_OPTIONS: RectificationOptions = {
  overdueCheckIntervalMs: 60_000,
  weeklyRollup: DEFAULT_WEEKLY_ROLLUP_SCHEDULE,
  rollupCheckIntervalMs: 60_000,
};

/** 整改: campaigns, problems, measures and their timelines, close-out, weekly reports, ledger and notice. */
export function createRectificationSubgraph(
  options: RectificationOptions = DEFAULT_RECTIFICATION_OPTIONS,
): SubgraphDefinition<RectificationContext> {
  return {
    name: 'rectification',
    rowSecurity: true,
    typeDefs: rectificationTypeDefs,
    resolvers: rectificationResolvers,
    entities: [
      CampaignEntity,
      ProblemEntity,
      MeasureEntity,
      MeasureUpdateEntity,
      ProblemCloseoutEntity,
      WeeklyReportEntity,
      WeeklyReportOverdueNoticeEntity,
      DisciplineFiguresEntity,
      AccountabilityRecordEntity,
      FollowUpPlanEntity,
      WeeklyRollupEntity,
      WeeklyRollupDepartmentEntity,
      WeeklyRollupPartEntity,
    ],
    migrations: [
      RectificationCore1763772000000,
      RectificationCloseoutReports1763780000001,
      RectificationOverdueNotices1763790000010,
      MeasureUpdateOrder1763790000011,
      FollowUpPlans1763790000012,
      RectificationRowLevelSecurity1763790000013,
      RectificationRecordVersions1795390000000,
      RectificationAuditTrail1795400000000,
      WeeklyRollups1795600000000,
      WeeklyRollupsRowSecurity1795600000001,
      WeeklyRollupsAuditTrail1795600000002,
    ],
    eventHandlers: () => [
      openProblemFromFinding,
      openCampaignFromFeedback,
      reopenProblemOnFalseRectification,
      timelineFromAcknowledgement,
      timelineFromProgress,
      timelineFromCompletionRequest,
      recordSupervisionRollupPart,
      recordAgenciesRollupPart,
    ],
    jobs: (runtime) => [
      {
        name: 'notice-overdue-weekly-reports',
        intervalMs: options.overdueCheckIntervalMs,
        run: async () => {
          await noticeOverdueWeeklyReports(runtime, new Date());
        },
      },
      {
        name: 'take-weekly-rollups',
        intervalMs: options.rollupCheckIntervalMs,
        run: async () => {
          await takeDueWeeklyRollups(runtime, options.weeklyRollup, new Date());
        },
      },
    ],
    createContext: createRectificationContext,
  };
}

export const rectificationSubgraph = createRectificationSubgraph();
