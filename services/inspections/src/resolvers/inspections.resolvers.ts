import { BoundedDateTime, BoundedLocalDate } from '@eco/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { asMutationResult } from '@eco/subgraph';
import { canListRounds, canSeeRoundInternals } from '../domain/access-policy';
import type { InspectionsContext } from './inspections.context';
import { activityResolvers } from './activity.resolvers';
import { findingResolvers, visibleFinding } from './finding.resolvers';
import { forbidden } from './resolver-helpers';
import { roundResolvers } from './round.resolvers';
import { targetResolvers } from './target.resolvers';

type Input = { input: unknown };

const mutations: GraphQLResolverMap<InspectionsContext>['Mutation'] = {
  createInspectionRound: (_root, { input }: Input, ctx) =>
    asMutationResult(async () => ({ round: await ctx.service.createRound(input) })),
  updateInspectionRound: (_root, { input }: Input, ctx) =>
    asMutationResult(async () => ({ round: await ctx.service.updateRound(input) })),
  importChecklist: (_root, { input }: Input, ctx) =>
    asMutationResult(() => ctx.checklist.importChecklist(input)),
  addInspectionTarget: (_root, { input }: Input, ctx) =>
    asMutationResult(async () => ({ target: await ctx.targets.addTarget(input) })),
  scheduleOnSiteWindow: (_root, { input }: Input, ctx) =>
    asMutationResult(async () => ({ target: await ctx.targets.scheduleWindow(input) })),
  extendOnSiteWindow: (_root, { input }: Input, ctx) =>
    asMutationResult(async () => ({ target: await ctx.targets.extendWindow(input) })),
  planTargetPhases: (_root, { input }: Input, ctx) =>
    asMutationResult(async () => ({ target: await ctx.targets.planPhases(input) })),
  notifyInspectedUnit: (_root, { input }: Input, ctx) =>
    asMutationResult(async () => ({ target: await ctx.targets.notifyUnit(input) })),
  recordPublicNotice: (_root, { input }: Input, ctx) =>
    asMutationResult(async () => ({ target: await ctx.targets.recordPublicNotice(input) })),
  advanceTargetPhase: (_root, { input }: Input, ctx) =>
    asMutationResult(async () => ({ target: await ctx.targets.advancePhase(input) })),
  recordMobilisationMeeting: (_root, { input }: Input, ctx) =>
    asMutationResult(() => ctx.activities.recordMobilisationMeeting(input)),
  recordSurveyResponses: (_root, { input }: Input, ctx) =>
    asMutationResult(() => ctx.activities.recordSurveyResponses(input)),
  recordDocumentReview: (_root, { input }: Input, ctx) =>
    asMutationResult(() => ctx.activities.recordDocumentReview(input)),
  recordInterview: (_root, { input }: Input, ctx) =>
    asMutationResult(async () => {
      const { target, interview } = await ctx.activities.recordInterview(input);
      return { target, activity: { ...interview, kind: 'INTERVIEW' as const } };
    }),
  recordSiteVisit: (_root, { input }: Input, ctx) =>
    asMutationResult(() => ctx.activities.recordSiteVisit(input)),
  recordFinding: (_root, { input }: Input, ctx) =>
    asMutationResult(async () => ({ finding: await ctx.service.recordFinding(input) })),
  confirmFinding: (_root, { input }: Input, ctx) =>
    asMutationResult(async () => ({ finding: await ctx.service.confirmFinding(input) })),
  referFindingToDiscipline: (_root, { input }: Input, ctx) =>
    asMutationResult(async () => ({ finding: await ctx.service.referFindingToDiscipline(input) })),
  issueUnitFeedback: (_root, { input }: Input, ctx) =>
    asMutationResult(() => ctx.feedback.issueFeedback(input)),
  recordRectificationCheck: (_root, { input }: Input, ctx) =>
    asMutationResult(async () => ({ target: await ctx.targets.recordRectificationCheck(input) })),
  submitRoundReport: (_root, { input }: Input, ctx) =>
    asMutationResult(async () => ({ round: await ctx.feedback.submitRoundReport(input) })),
  closeInspectionRound: (_root, { input }: Input, ctx) =>
    asMutationResult(async () => ({ round: await ctx.feedback.closeRound(input) })),
};

export const inspectionsResolvers: GraphQLResolverMap<InspectionsContext> = {
  DateTime: BoundedDateTime,
  Date: BoundedLocalDate,

  Query: {
    inspectionRounds: (_root, _args, ctx) => (canListRounds(ctx.principal) ? ctx.store.listRounds() : []),
    inspectionRound: (_root, { id }: { id: string }, ctx) => {
      if (!canListRounds(ctx.principal)) throw forbidden('inspection rounds are internal');
      return ctx.loaders.round.load(id);
    },
    inspectionTarget: (_root, { id }: { id: string }, ctx) => {
      if (!canSeeRoundInternals(ctx.principal)) throw forbidden('inspection targets are internal');
      return ctx.loaders.target.load(id);
    },
    finding: (_root, { id }: { id: string }, ctx) => visibleFinding(id, ctx),
  },

  Mutation: mutations,

  ...roundResolvers,
  ...targetResolvers,
  ...activityResolvers,
  ...findingResolvers,
};
