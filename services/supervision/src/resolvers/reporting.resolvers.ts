import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { asMutationResult } from '@eco/subgraph';
import { platformOf, SUPERVISION_CATEGORIES } from '../domain/categories';
import type { SupervisionCategory } from '../domain/categories';
import type { Schedules } from '../domain/reporting-facts';
import { OFF_PLATFORM_LEAD_WORKING_DAYS } from '../domain/reporting-schedule';
import type { LightRecordEntity } from '../persistence/light-record.entity';
import type { MonthlyReportEntity } from '../persistence/monthly-report.entity';
import type { ReportingScheduleEntity } from '../persistence/reporting-schedule.entity';
import { assertInternal } from './guards';
import { personRef } from './references';
import type { SupervisionContext } from './supervision.context';

/** A category's schedule as the API shows it, or null when it has no monthly report. */
export function scheduleView(category: SupervisionCategory, schedules: Schedules) {
  const schedule = schedules.of(category);
  if (!schedule) return null;
  return {
    ...schedule,
    offPlatformLeadWorkingDays: OFF_PLATFORM_LEAD_WORKING_DAYS,
    onPlatform: platformOf(category) !== null,
    version: schedules.versionOf(category),
  };
}

const scheduleResult = (row: ReportingScheduleEntity) => ({
  category: row.category,
  dayOfMonth: row.dayOfMonth,
  configured: true,
  offPlatformLeadWorkingDays: OFF_PLATFORM_LEAD_WORKING_DAYS,
  onPlatform: platformOf(row.category) !== null,
  version: row.version,
});

export const reportingResolvers: GraphQLResolverMap<SupervisionContext> = {
  Query: {
    reportingSchedules: async (_root, _args, ctx) => {
      const schedules = await ctx.loaders.schedules.load('all');
      return SUPERVISION_CATEGORIES.map((c) => scheduleView(c, schedules)).filter((s) => s !== null);
    },
  },

  Mutation: {
    setReportingSchedule: (_root, { input }: { input: unknown }, ctx) =>
      asMutationResult(async () => ({ schedule: scheduleResult(await ctx.reporting.setSchedule(input)) })),
    submitMonthlyReport: (_root, { input }: { input: unknown }, ctx) =>
      asMutationResult(async () => ({ report: await ctx.reporting.submitReport(input) })),
    recordItemLight: (_root, { input }: { input: unknown }, ctx) =>
      asMutationResult(async () => {
        const record = await ctx.reporting.recordLight(input);
        return { record, item: { id: record.itemId } };
      }),
    computeItemLight: (_root, { input }: { input: unknown }, ctx) =>
      asMutationResult(async () => {
        const record = await ctx.reporting.computeLight(input);
        return { record, item: { id: record.itemId } };
      }),
  },

  MonthlyReport: {
    item: (r: MonthlyReportEntity, _args, ctx) => ctx.loaders.item.load(r.itemId),
    progress: (r: MonthlyReportEntity) => r.sections.progress,
    difficulties: (r: MonthlyReportEntity) => r.sections.difficulties,
    nextSteps: (r: MonthlyReportEntity) => r.sections.nextSteps,
    permits: (r: MonthlyReportEntity) => r.sections.permits,
    thisMonth: (r: MonthlyReportEntity) => r.sections.thisMonth,
    nextMonth: (r: MonthlyReportEntity) => r.sections.nextMonth,
    notes: (r: MonthlyReportEntity) => r.sections.notes,
    cumulativePercent: (r: MonthlyReportEntity) => r.sections.cumulativePercent,
    late: (r: MonthlyReportEntity) => r.submittedAt.getTime() > r.dueAt.getTime(),
    overLimit: (r: MonthlyReportEntity) => r.overLimitFields.length > 0,
  },

  LightRecord: {
    recordedBy: (r: LightRecordEntity) => personRef(r.recordedByPersonId),
  },

  LightRecordResult: {
    // The item as it stands after the write (its light moved), read fresh rather than from the loader.
    item: async (result: { item?: { id: string } }, _args, ctx: SupervisionContext) => {
      if (!result.item) return null;
      assertInternal(ctx);
      return (await ctx.store.itemsByIds([result.item.id]))[0] ?? null;
    },
  },
};
