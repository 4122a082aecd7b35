import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { asMutationResult } from '@eco/subgraph';
import { deadlineClock } from '../domain/deadline-status';
import type { ClosureReportEntity } from '../persistence/closure-report.entity';
import type { LeaderInstructionEntity } from '../persistence/leader-instruction.entity';
import type { ProgressMeetingEntity } from '../persistence/progress-meeting.entity';
import { itemsOf } from './guards';
import { agencyRef, personRef } from './references';
import type { SupervisionContext } from './supervision.context';

const instructionResult = async (run: () => Promise<LeaderInstructionEntity>) =>
  asMutationResult(async () => {
    const instruction = await run();
    return { instruction, item: { id: instruction.id } };
  });

export const workflowResolvers: GraphQLResolverMap<SupervisionContext> = {
  Query: {
    progressMeetings: async (_root, { year }: { year: number }, ctx) =>
      (await ctx.insights.meetings(year)).map((slot) => ({ ...slot, held: slot.meetings.length > 0 })),
  },

  Mutation: {
    claimLeaderInstruction: (_root, { input }: { input: unknown }, ctx) =>
      instructionResult(() => ctx.workflow.claimInstruction(input)),
    submitInstructionFeedback: (_root, { input }: { input: unknown }, ctx) =>
      instructionResult(() => ctx.workflow.submitFeedback(input)),
    approveInstructionFeedback: (_root, { input }: { input: unknown }, ctx) =>
      instructionResult(() => ctx.workflow.approveFeedback(input)),
    recordInstructionFeedbackEntered: (_root, { input }: { input: unknown }, ctx) =>
      instructionResult(() => ctx.workflow.recordFeedbackEntered(input)),
    submitInstructionClosingReport: (_root, { input }: { input: unknown }, ctx) =>
      instructionResult(() => ctx.workflow.submitClosingReport(input)),
    submitClosureReport: (_root, { input }: { input: unknown }, ctx) =>
      asMutationResult(async () => ({ closureReport: await ctx.workflow.submitClosureReport(input) })),
    recordProgressMeeting: (_root, { input }: { input: unknown }, ctx) =>
      asMutationResult(async () => ({ meeting: await ctx.workflow.recordMeeting(input) })),
  },

  LeaderInstructionResult: {
    item: (result: { item?: { id: string } }, _args, ctx: SupervisionContext) =>
      result.item ? ctx.loaders.item.load(result.item.id) : null,
  },

  LeaderInstruction: {
    claim: (i: LeaderInstructionEntity) => deadlineClock(i.claimDueAt, i.claimedAt, new Date()),
    feedback: (i: LeaderInstructionEntity) => deadlineClock(i.feedbackDueAt, i.feedbackEnteredAt, new Date()),
    feedbackApprovedBy: (i: LeaderInstructionEntity) => personRef(i.feedbackApprovedBy),
  },

  ClosureReport: {
    reportingAgency: (r: ClosureReportEntity) => agencyRef(r.reportingAgencyId),
  },

  ProgressMeeting: {
    items: (m: ProgressMeetingEntity, _args, ctx) => itemsOf(m.itemIds, ctx),
  },
};
