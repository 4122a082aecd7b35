import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { orGraphQLError, requireId } from '@eco/subgraph';
import type { AssessmentScore } from '../domain/assessment-score';
import type { QuarterlyReport } from '../domain/quarterly-report';
import { itemsOf } from './guards';
import { agencyRef } from './references';
import type { SupervisionContext } from './supervision.context';

type Clarity = AssessmentScore['clarity']['checks'][number];
type Veto = AssessmentScore['completion']['vetoes'][number];
type Late = AssessmentScore['timeliness']['lateSubmissions'][number];

export const insightsResolvers: GraphQLResolverMap<SupervisionContext> = {
  Query: {
    taskBook: (_root, args: { year: number; departmentId?: string | null }, ctx) =>
      orGraphQLError(() =>
        ctx.insights.taskBook(
          args.year,
          args.departmentId ? requireId(args.departmentId, 'departmentId') : null,
        ),
      ),
    assessmentScore: (_root, args: { departmentId: string; year: number; asOf?: Date | null }, ctx) =>
      orGraphQLError(() => ctx.insights.assessmentScore(args)),
    assessmentScores: (_root, args: { year: number; asOf?: Date | null }, ctx) =>
      orGraphQLError(() => ctx.insights.assessmentScores(args.year, args.asOf ?? null)),
    quarterlyReport: (_root, args: { year: number; month: number }, ctx) =>
      orGraphQLError(() => ctx.insights.quarterlyReport(args)),
    monthlySupervisionReport: (_root, args: { year: number; month: number }, ctx) =>
      orGraphQLError(() => ctx.insights.monthlyReport(args)),
  },

  DepartmentTaskBook: {
    department: (book: { departmentId: string | null }) => agencyRef(book.departmentId),
  },

  AssessmentScore: {
    department: (score: AssessmentScore) => agencyRef(score.departmentId),
  },
  ClarityCheck: {
    items: (check: Clarity, _args, ctx) => itemsOf(check.itemIds, ctx),
  },
  TimelinessScore: {
    lateSubmissionCount: (t: AssessmentScore['timeliness']) => t.lateSubmissions.length,
  },
  LateSubmission: {
    item: (late: Late, _args, ctx) => ctx.loaders.item.load(late.itemId),
  },
  CompletionVeto: {
    items: (veto: Veto, _args, ctx) => itemsOf(veto.itemIds, ctx),
  },

  QuarterAttention: {
    item: (a: QuarterlyReport['attention'][number], _args, ctx) => ctx.loaders.item.load(a.itemId),
  },
};
