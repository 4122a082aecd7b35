import { BoundedDateTime, BoundedLocalDate } from '@eco/subgraph';
import { GraphQLError } from 'graphql';
import { asMutationResult, requireId } from '@eco/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { canSeeMeasure, canSeeProblem, partnerAgencyOf } from '../domain/access-policy';
import { displayNumberOf } from '../domain/rectification-report.service';
import { countsTowardsCloseOut, isUnderPeriodicReview } from '../domain/problem-status';
import type { CampaignEntity, LeadingGroupMemberRecord } from '../persistence/campaign.entity';
import type { FollowUpPlanEntity } from '../persistence/follow-up-plan.entity';
import type { MeasureEntity } from '../persistence/measure.entity';
import type { MeasureUpdateEntity } from '../persistence/measure-update.entity';
import type { ProblemEntity } from '../persistence/problem.entity';
import { campaignFigureQueries, campaignFigureTypes } from './campaign-figures.resolvers';
import type { RectificationContext } from './rectification.context';
import {
  campaignDeadlineResolvers,
  reportingMutations,
  reportingQueries,
  reportingTypes,
} from './reporting.resolvers';
import { agencyRef, findingRef, personRef } from './references';
import { weeklyRollupQueries, weeklyRollupTypes } from './weekly-rollup.resolvers';

const forbidden = (what: string) =>
  new GraphQLError(`this ${what} is not visible to your agency`, {
    extensions: { code: 'FORBIDDEN', public: true },
  });

async function visibleProblem(id: string, ctx: RectificationContext): Promise<ProblemEntity | null> {
  const problem = await ctx.loaders.problem.load(id);
  if (problem && !canSeeProblem(ctx.principal, problem)) throw forbidden('problem');
  return problem;
}

async function visibleMeasure(id: string, ctx: RectificationContext): Promise<MeasureEntity | null> {
  const measure = await ctx.loaders.measure.load(id);
  if (measure && !canSeeMeasure(ctx.principal, measure)) throw forbidden('measure');
  return measure;
}

async function visibleCampaignProblems(
  campaignId: string,
  ctx: RectificationContext,
): Promise<ProblemEntity[]> {
  const problems = await ctx.loaders.problemsByCampaign.load(campaignId);
  return problems.filter((p) => canSeeProblem(ctx.principal, p));
}

export const rectificationResolvers: GraphQLResolverMap<RectificationContext> = {
  DateTime: BoundedDateTime,
  Date: BoundedLocalDate,

  Query: {
    async rectificationCampaigns(_root, _args, ctx) {
      const agency = partnerAgencyOf(ctx.principal);
      if (agency === undefined) return ctx.store.listCampaigns();
      const problems = await ctx.store.listProblems({ visibleTo: agency });
      const ids = [...new Set(problems.map((p) => p.campaignId).filter((id): id is string => id !== null))];
      return ids.length ? ctx.store.campaignsByIds(ids) : [];
    },
    async rectificationCampaign(_root, { id }: { id: string }, ctx) {
      const campaign = await ctx.loaders.campaign.load(id);
      if (
        campaign &&
        partnerAgencyOf(ctx.principal) &&
        (await visibleCampaignProblems(id, ctx)).length === 0
      ) {
        throw forbidden('campaign');
      }
      return campaign;
    },
    problems(_root, { campaignId }: { campaignId?: string | null }, ctx) {
      if (campaignId) requireId(campaignId, 'campaignId');
      return ctx.store.listProblems({
        campaignId: campaignId ?? null,
        visibleTo: partnerAgencyOf(ctx.principal),
      });
    },
    problem: (_root, { id }: { id: string }, ctx) => visibleProblem(id, ctx),
    measure: (_root, { id }: { id: string }, ctx) => visibleMeasure(id, ctx),
    ...reportingQueries,
    ...weeklyRollupQueries,
    ...campaignFigureQueries,
  },

  Mutation: {
    openProblem: (_root, { input }: { input: unknown }, ctx) =>
      asMutationResult(async () => ({ problem: await ctx.service.openProblem(input) })),
    addMeasure: (_root, { input }: { input: unknown }, ctx) =>
      asMutationResult(async () => ({ measure: await ctx.service.addMeasure(input) })),
    updateMeasureStatus: (_root, { input }: { input: unknown }, ctx) =>
      asMutationResult(async () => ({ measure: await ctx.progress.updateMeasureStatus(input) })),
    recordFollowUpPlan: (_root, { input }: { input: unknown }, ctx) =>
      asMutationResult(async () => ({ measure: await ctx.followUpPlans.recordFollowUpPlan(input) })),
    submitMeasureForVerification: (_root, { input }: { input: unknown }, ctx) =>
      asMutationResult(async () => ({ measure: await ctx.progress.submitMeasureForVerification(input) })),
    verifyMeasure: (_root, { input }: { input: unknown }, ctx) =>
      asMutationResult(async () => ({ measure: await ctx.progress.verifyMeasure(input) })),
    reopenProblem: (_root, { input }: { input: unknown }, ctx) =>
      asMutationResult(async () => ({ problem: await ctx.progress.reopenProblem(input) })),
    ...reportingMutations,
  },

  RectificationCampaign: {
    __resolveReference: async (ref: { id: string }, ctx: RectificationContext) =>
      ctx.loaders.campaign.load(ref.id),
    officeAgency: (campaign: CampaignEntity) => agencyRef(campaign.officeAgencyId),
    leadingGroup: (campaign: CampaignEntity) =>
      campaign.leadingGroup.map((member: LeadingGroupMemberRecord) => ({
        ...member,
        person: personRef(member.personId),
      })),
    problems: (campaign: CampaignEntity, _args, ctx) => visibleCampaignProblems(campaign.id, ctx),
    ...campaignDeadlineResolvers,
  },

  Problem: {
    __resolveReference: (ref: { id: string }, ctx: RectificationContext) => visibleProblem(ref.id, ctx),
    campaign: (problem: ProblemEntity, _args, ctx) =>
      problem.campaignId ? ctx.loaders.campaign.load(problem.campaignId) : null,
    displayNumber: (problem: ProblemEntity) => displayNumberOf(problem),
    leadLeader: (problem: ProblemEntity) => personRef(problem.leadLeaderId),
    responsibleDepartment: (problem: ProblemEntity) => agencyRef(problem.responsibleDepartmentId),
    coordinatingAgencies: (problem: ProblemEntity) => problem.coordinatingAgencyIds.map(agencyRef),
    sourceFinding: (problem: ProblemEntity) => findingRef(problem.sourceFindingId),
    status: async (problem: ProblemEntity, _args, ctx) =>
      (await ctx.loaders.problemStatus.load(problem.id))?.status ?? 'OPEN',
    closedAt: async (problem: ProblemEntity, _args, ctx) => {
      const last = (await ctx.loaders.closeoutsByProblem.load(problem.id)).at(-1);
      return last?.kind === 'CLOSED' ? last.at : null;
    },
    closeoutHistory: (problem: ProblemEntity, _args, ctx) => ctx.loaders.closeoutsByProblem.load(problem.id),
    accountabilityRecords: (problem: ProblemEntity, _args, ctx) => {
      if (partnerAgencyOf(ctx.principal) !== undefined) throw forbidden('accountability record');
      return ctx.loaders.accountabilityByProblem.load(problem.id);
    },
    measures: async (problem: ProblemEntity, _args, ctx) =>
      (await ctx.loaders.measuresByProblem.load(problem.id)).filter((m) => canSeeMeasure(ctx.principal, m)),
  },

  Measure: {
    __resolveReference: (ref: { id: string }, ctx: RectificationContext) => visibleMeasure(ref.id, ctx),
    problem: (measure: MeasureEntity, _args, ctx) => ctx.loaders.problem.load(measure.problemId),
    responsibleAgency: (measure: MeasureEntity) => agencyRef(measure.responsibleAgencyId),
    coordinatingAgencies: (measure: MeasureEntity) => measure.coordinatingAgencyIds.map(agencyRef),
    deadline: (measure: MeasureEntity) => ({
      kind: measure.deadlineKind,
      startsOn: measure.startsOn,
      dueOn: measure.dueOn,
      label: measure.deadlineLabel,
    }),
    timeline: (measure: MeasureEntity, _args, ctx) => ctx.loaders.updatesByMeasure.load(measure.id),
    countsTowardsCloseOut: (measure: MeasureEntity) => countsTowardsCloseOut(measure),
    underPeriodicReview: (measure: MeasureEntity) => isUnderPeriodicReview(measure),
    followUpPlan: (measure: MeasureEntity, _args, ctx) => {
      if (partnerAgencyOf(ctx.principal) !== undefined) throw forbidden('follow-up plan');
      return ctx.loaders.followUpPlan.load(measure.id);
    },
    followUpPlanRequired: async (measure: MeasureEntity, _args, ctx) => {
      if (partnerAgencyOf(ctx.principal) !== undefined) throw forbidden('follow-up plan');
      const [problem, plan] = await Promise.all([
        ctx.loaders.problem.load(measure.problemId),
        ctx.loaders.followUpPlan.load(measure.id),
      ]);
      const campaign = problem?.campaignId ? await ctx.loaders.campaign.load(problem.campaignId) : null;
      return ctx.followUpPlans.isRequired(measure, campaign ?? null, plan ?? null);
    },
  },

  FollowUpPlan: {
    recordedBy: (plan: FollowUpPlanEntity) => personRef(plan.recordedByPersonId),
  },

  ProblemCloseout: {
    actor: (record: { actorPersonId: string | null }) => personRef(record.actorPersonId),
  },

  MeasureUpdate: {
    actor: (update: MeasureUpdateEntity) => personRef(update.actorPersonId),
    actorAgency: (update: MeasureUpdateEntity) => agencyRef(update.actorAgencyId),
  },

  ...reportingTypes,
  ...weeklyRollupTypes,
  ...campaignFigureTypes,

  Finding: {
    __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
    problem: async (finding: { id: string }, _args, ctx) => {
      const problem = await ctx.loaders.problemBySourceFinding.load(finding.id);
      return problem && canSeeProblem(ctx.principal, problem) ? problem : null;
    },
    // Issue #4: the finding shows where its rectification stands (the problem's derived status).
    rectificationStatus: async (finding: { id: string }, _args, ctx) => {
      const problem = await ctx.loaders.problemBySourceFinding.load(finding.id);
      if (!problem || !canSeeProblem(ctx.principal, problem)) return null;
      return (await ctx.loaders.problemStatus.load(problem.id))?.status ?? null;
    },
  },
};
