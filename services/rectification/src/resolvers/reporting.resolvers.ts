import { asMutationResult, orGraphQLError, requireId } from '@eco/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { campaignDeadlines } from '../domain/campaign-deadlines';
import { displayNumberOf } from '../domain/rectification-report.service';
import type { LedgerRow } from '../domain/rectification-report.service';
import type { ProgressNotice } from '../domain/progress-notice';
import { noticeSummaryText, noticeText } from '../domain/progress-notice-text';
import type { NoticePunctuation, NoticeTextInput } from '../domain/progress-notice-text';
import type { CampaignProgressNotice } from '../domain/rectification-report.service';
import type { WeeklyObligation, WeeklyReportWeek } from '../domain/weekly-report.service';
import { rectificationCalendar } from '../domain/working-calendar';
import type { AccountabilityRecordEntity } from '../persistence/accountability-record.entity';
import type { CampaignEntity } from '../persistence/campaign.entity';
import type { WeeklyReportEntity } from '../persistence/weekly-report.entity';
import type { RectificationContext } from './rectification.context';
import { agencyRef, personRef } from './references';

type Resolver = (root: unknown, args: never, ctx: RectificationContext) => unknown;

interface WeekArgs {
  campaignId: string;
  from: string;
  to: string;
  agencyId?: string | null;
  asOf?: Date | null;
}

/** Weekly reports, the ledger and the progress notice: internal read-outs of the office. */
export const reportingQueries: Record<string, Resolver> = {
  weeklyReportWeeks: (_root, { campaignId, from, to, agencyId, asOf }: WeekArgs, ctx) =>
    orGraphQLError(() =>
      ctx.weeklyReports.weeks(ctx.store, { campaignId, from, to, agencyId }, asOf ?? null),
    ),
  weeklyBureauReport: (
    _root,
    { campaignId, weekDate, asOf }: { campaignId: string; weekDate: string; asOf?: Date | null },
    ctx,
  ) =>
    orGraphQLError(
      async () =>
        (
          await ctx.weeklyReports.weeks(ctx.store, { campaignId, from: weekDate, to: weekDate }, asOf ?? null)
        )[0] ?? null,
    ),
  rectificationLedger: (_root, { campaignId }: { campaignId: string }, ctx) =>
    orGraphQLError(() => ctx.reports.ledger(ctx.store, requireId(campaignId, 'campaignId'))),
  progressNotice: (_root, { campaignId, asOf }: { campaignId: string; asOf: string }, ctx) =>
    orGraphQLError(() => ctx.reports.progressNotice(ctx.store, { campaignId, asOf })),
};

export const reportingMutations: Record<string, Resolver> = {
  createRectificationCampaign: (_root, { input }: { input: unknown }, ctx) =>
    asMutationResult(async () => ({ campaign: await ctx.campaigns.createCampaign(input) })),
  recordReportReceived: (_root, { input }: { input: unknown }, ctx) =>
    asMutationResult(async () => ({ campaign: await ctx.campaigns.recordReportReceived(input) })),
  submitWeeklyReport: (_root, { input }: { input: unknown }, ctx) =>
    asMutationResult(async () => ({ report: await ctx.weeklyReports.submitWeeklyReport(input) })),
  recordDisciplineFigures: (_root, { input }: { input: unknown }, ctx) =>
    asMutationResult(async () => ({ figures: await ctx.campaigns.recordDisciplineFigures(input) })),
  recordAccountability: (_root, { input }: { input: unknown }, ctx) =>
    asMutationResult(async () => ({ record: await ctx.accountability.recordAccountability(input) })),
};

const deadlinesOf = (campaign: CampaignEntity) => campaignDeadlines(rectificationCalendar, campaign);

/** The campaign's plan and report deadlines (seed 002), computed by @eco/calendar. */
export const campaignDeadlineResolvers = {
  planDueAt: (campaign: CampaignEntity) =>
    deadlinesOf(campaign).find((d) => d.kind === 'PLAN')?.dueAt ?? null,
  reportDueAt: (campaign: CampaignEntity) =>
    deadlinesOf(campaign).find((d) => d.kind === 'REPORT')?.dueAt ?? null,
  deadlines: (campaign: CampaignEntity) =>
    deadlinesOf(campaign).map((d) => ({
      kind: d.kind,
      dueAt: d.dueAt,
      explanation: d.explanationZh,
      explanationEn: d.explanationEn,
      provisional: d.provisional,
    })),
};

export const reportingTypes: GraphQLResolverMap<RectificationContext> = {
  WeeklyReportWeek: {
    skipped: (week: WeeklyReportWeek) => week.dueAt === null,
  },
  WeeklyReportObligation: {
    agency: (obligation: WeeklyObligation) => agencyRef(obligation.agencyId),
  },
  WeeklyReport: {
    campaign: (report: WeeklyReportEntity, _args, ctx) => ctx.loaders.campaign.load(report.campaignId),
    agency: (report: WeeklyReportEntity) => agencyRef(report.agencyId),
    submittedBy: (report: WeeklyReportEntity) => personRef(report.submittedByPersonId),
    onTime: (report: WeeklyReportEntity) => report.submittedAt.getTime() <= report.dueAt.getTime(),
  },
  LedgerRow: {
    displayNumber: (row: LedgerRow) => (row.firstOfProblem ? displayNumberOf(row.problem) : null),
    problemDescription: (row: LedgerRow) => row.problem.description,
    leadLeader: (row: LedgerRow) => personRef(row.problem.leadLeaderId),
    responsibleDepartment: (row: LedgerRow) => agencyRef(row.problem.responsibleDepartmentId),
    measureText: (row: LedgerRow) => row.measure?.text ?? null,
    deadlineLabel: (row: LedgerRow) => row.measure?.deadlineLabel ?? null,
    status: (row: LedgerRow) => row.measure?.status ?? null,
    verification: (row: LedgerRow) => row.measure?.verification ?? null,
    followUpDueOn: async (row: LedgerRow, _args, ctx) => {
      const plan = row.measure ? await ctx.loaders.followUpPlan.load(row.measure.id) : null;
      return plan?.timetable.at(-1)?.dueOn ?? null;
    },
  },
  ProgressNotice: {
    summary: (notice: ProgressNotice) => notice.summaryZh,
    summaryText: (notice: CampaignProgressNotice, { punctuation }: { punctuation: NoticePunctuation }) =>
      noticeSummaryText(notice, punctuation),
    text: (
      notice: CampaignProgressNotice,
      { input, punctuation }: { input?: NoticeTextInput | null; punctuation: NoticePunctuation },
    ) => noticeText(notice, input ?? null, punctuation),
  },
  AccountabilityRecord: {
    problem: (record: AccountabilityRecordEntity, _args, ctx) => ctx.loaders.problem.load(record.problemId),
    people: (record: AccountabilityRecordEntity) => record.personIds.map(personRef),
    agency: (record: AccountabilityRecordEntity) => agencyRef(record.agencyId),
    recordedBy: (record: AccountabilityRecordEntity) => personRef(record.recordedByPersonId),
  },
};
