import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { orGraphQLError, requireId } from '@eco/subgraph';
import type { RectificationContext } from './rectification.context';
import { agencyRef } from './references';

type Resolver = (root: unknown, args: never, ctx: RectificationContext) => unknown;

interface DueArgs {
  campaignId: string;
  dueBefore: Date;
  dueFrom?: Date | null;
  first?: number | null;
}

interface WeekCountArgs {
  campaignId: string;
  from: string;
  to: string;
  asOf?: Date | null;
}

/** The dashboard's counts (GROUP BY in SQL), scoped as `problems(campaignId)`. */
export const campaignFigureQueries: Record<string, Resolver> = {
  problemCounts: (_root, { campaignId }: { campaignId: string }, ctx) =>
    ctx.figures.problemCounts(ctx.figuresStore, requireId(campaignId, 'campaignId')),
  measureCounts: (_root, { campaignId, asOf }: { campaignId: string; asOf?: Date | null }, ctx) =>
    ctx.figures.measureCounts(ctx.figuresStore, requireId(campaignId, 'campaignId'), asOf ?? null),
  measureWeekCounts: (_root, { campaignId }: { campaignId: string }, ctx) =>
    ctx.figures.measureWeekCounts(ctx.figuresStore, requireId(campaignId, 'campaignId')),
  measuresDue: (_root, args: DueArgs, ctx) =>
    orGraphQLError(() =>
      ctx.figures.measuresDue(ctx.figuresStore, {
        campaignId: requireId(args.campaignId, 'campaignId'),
        dueBefore: args.dueBefore,
        dueFrom: args.dueFrom ?? null,
        first: args.first ?? null,
      }),
    ),
  weeklyReportCounts: (_root, { campaignId, from, to, asOf }: WeekCountArgs, ctx) =>
    orGraphQLError(() =>
      ctx.weeklyReports.weekCounts(ctx.store, ctx.figuresStore, { campaignId, from, to }, asOf ?? null),
    ),
};

export const campaignFigureTypes: GraphQLResolverMap<RectificationContext> = {
  ProblemCount: {
    department: (row: { departmentId: string | null }) => agencyRef(row.departmentId),
  },
  MeasureCount: {
    department: (row: { departmentId: string | null }) => agencyRef(row.departmentId),
  },
  WeeklyReportWeekCounts: {
    skipped: (week: { dueAt: Date | null }) => week.dueAt === null,
  },
};
