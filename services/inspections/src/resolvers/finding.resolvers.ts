import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { isPartner } from '@eco/auth';
import { localDateOf } from '@eco/calendar';
import { canSeeFinding } from '../domain/access-policy';
import { feedbackDeadlines } from '../domain/feedback-deadlines';
import { inspectionsCalendar } from '../domain/inspections-calendar';
import type { FindingEntity } from '../persistence/finding.entity';
import type { UnitFeedbackEntity } from '../persistence/unit-feedback.entity';
import type { InspectionsContext } from './inspections.context';
import { agencyRef, assertInternal, forbidden, personRef } from './resolver-helpers';

export async function isFindingVisible(finding: FindingEntity, ctx: InspectionsContext): Promise<boolean> {
  if (!isPartner(ctx.principal)) return true;
  const grants = await ctx.loaders.grantsByFinding.load(finding.id);
  return canSeeFinding(
    ctx.principal,
    grants.map((g) => g.agencyId),
  );
}

export async function visibleFinding(id: string, ctx: InspectionsContext): Promise<FindingEntity | null> {
  const finding = await ctx.loaders.finding.load(id);
  if (finding && !(await isFindingVisible(finding, ctx)))
    throw forbidden('this finding is not visible to your agency');
  return finding;
}

export const findingResolvers: GraphQLResolverMap<InspectionsContext> = {
  Finding: {
    __resolveReference: (ref: { id: string }, ctx: InspectionsContext) => visibleFinding(ref.id, ctx),
    round: (finding: FindingEntity, _args, ctx) => ctx.loaders.round.load(finding.roundId),
    targetAgency: (finding: FindingEntity) => agencyRef(finding.targetAgencyId),
    target: (finding: FindingEntity, _args, ctx) => {
      assertInternal(ctx, "a finding's target");
      return finding.targetId ? ctx.loaders.target.load(finding.targetId) : null;
    },
    checkItem: (finding: FindingEntity, _args, ctx) => {
      assertInternal(ctx, "a finding's check item");
      return finding.checkItemId ? ctx.loaders.checkItem.load(finding.checkItemId) : null;
    },
    evidence: (finding: FindingEntity, _args, ctx) => {
      assertInternal(ctx, "a finding's evidence");
      return finding.evidence;
    },
    disciplineReferral: (finding: FindingEntity, _args, ctx) => {
      assertInternal(ctx, 'a referral to discipline inspection');
      return finding.referredToDisciplineOn
        ? {
            referredOn: finding.referredToDisciplineOn,
            note: finding.referralNote,
            referredBy: personRef(finding.referredBy),
          }
        : null;
    },
    feedback: (finding: FindingEntity, _args, ctx) => {
      assertInternal(ctx, "a finding's feedback");
      return finding.feedbackId ? ctx.loaders.feedback.load(finding.feedbackId) : null;
    },
  },

  UnitFeedback: {
    target: (feedback: UnitFeedbackEntity, _args, ctx) => ctx.loaders.target.load(feedback.targetId),
    issuedBy: (feedback: UnitFeedbackEntity) => personRef(feedback.issuedBy),
    findings: (feedback: UnitFeedbackEntity, _args, ctx) => ctx.loaders.findingsByFeedback.load(feedback.id),
    deadlines: (feedback: UnitFeedbackEntity) =>
      feedbackDeadlines(inspectionsCalendar, feedback.issuedOn).map((d) => ({
        kind: d.kind,
        dueAt: d.dueAt,
        explanation: d.explanationZh,
        explanationEn: d.explanationEn,
        provisional: d.provisional,
      })),
  },
};

/** Received on or before the deadline's date (Asia/Shanghai). */
export const receivedInTime = (receivedOn: string, dueAt: Date): boolean => receivedOn <= localDateOf(dueAt);
