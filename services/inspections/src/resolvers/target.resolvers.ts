import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { canSeeRoundInternals } from '../domain/access-policy';
import { attendanceTotal } from '../domain/attendance-rule';
import { inspectionsCalendar } from '../domain/inspections-calendar';
import { publicNoticeView } from '../domain/on-site-window';
import { summariseSurvey } from '../domain/survey-summary';
import type { ActivityEntity } from '../persistence/activity.entity';
import type { InspectionTargetEntity } from '../persistence/inspection-target.entity';
import type { InterviewEntity } from '../persistence/interview.entity';
import type { WindowExtensionEntity } from '../persistence/window-extension.entity';
import type { InspectionsContext } from './inspections.context';
import { receivedInTime } from './finding.resolvers';
import { agencyRef, personRef, viewerIsGroupMember } from './resolver-helpers';

export type InterviewActivity = InterviewEntity & { kind: 'INTERVIEW' };

/** A unit's interviews, for members of the round's group; nothing at all for anyone else. */
export async function visibleInterviews(
  target: InspectionTargetEntity,
  ctx: InspectionsContext,
): Promise<InterviewActivity[]> {
  if (!(await viewerIsGroupMember(ctx, target.roundId))) return [];
  const interviews = await ctx.loaders.interviewsByTarget.load(target.id);
  return interviews.map((i) => ({ ...i, kind: 'INTERVIEW' as const }));
}

const activitiesOfKind = async (
  target: InspectionTargetEntity,
  ctx: InspectionsContext,
  kind: ActivityEntity['kind'],
) => (await ctx.loaders.activitiesByTarget.load(target.id)).filter((a) => a.kind === kind);

export const targetResolvers: GraphQLResolverMap<InspectionsContext> = {
  InspectionTarget: {
    __resolveReference: (ref: { id: string }, ctx: InspectionsContext) =>
      canSeeRoundInternals(ctx.principal) ? ctx.loaders.target.load(ref.id) : null,
    round: (target: InspectionTargetEntity, _args, ctx) => ctx.loaders.round.load(target.roundId),
    agency: (target: InspectionTargetEntity) => agencyRef(target.agencyId),
    windowExtensions: (target: InspectionTargetEntity, _args, ctx) =>
      ctx.loaders.extensionsByTarget.load(target.id),
    phases: async (target: InspectionTargetEntity, _args, ctx) =>
      (await ctx.loaders.phasesByTarget.load(target.id)).map((p) => ({
        ...p,
        // The on-site plan is the window itself.
        plannedStart: p.phase === 'ON_SITE' ? target.onSiteFrom : p.plannedStart,
        plannedEnd: p.phase === 'ON_SITE' ? target.onSiteUntil : p.plannedEnd,
        current: p.phase === target.phase,
      })),
    publicNotice: async (target: InspectionTargetEntity, _args, ctx) => {
      if (!target.publicNoticePostedOn) return null;
      const onSite = (await ctx.loaders.phasesByTarget.load(target.id)).find((p) => p.phase === 'ON_SITE');
      return publicNoticeView(
        inspectionsCalendar,
        { postedOn: target.publicNoticePostedOn, removedOn: target.publicNoticeRemovedOn },
        {
          start: onSite?.actualStart ?? target.onSiteFrom,
          end: onSite?.actualEnd ?? target.onSiteUntil,
          ended: onSite?.actualEnd != null,
        },
      );
    },
    activities: async (target: InspectionTargetEntity, _args, ctx) => {
      const [activities, interviews] = await Promise.all([
        ctx.loaders.activitiesByTarget.load(target.id),
        visibleInterviews(target, ctx),
      ]);
      return [...activities, ...interviews].sort(
        (a, b) => a.heldOn.localeCompare(b.heldOn) || a.recordedAt.getTime() - b.recordedAt.getTime(),
      );
    },
    mobilisationMeeting: async (target: InspectionTargetEntity, _args, ctx) =>
      (await activitiesOfKind(target, ctx, 'MOBILISATION_MEETING'))[0] ?? null,
    documentReviews: (target: InspectionTargetEntity, _args, ctx) =>
      activitiesOfKind(target, ctx, 'DOCUMENT_REVIEW'),
    siteVisits: (target: InspectionTargetEntity, _args, ctx) => activitiesOfKind(target, ctx, 'SITE_VISIT'),
    interviews: (target: InspectionTargetEntity, _args, ctx) => visibleInterviews(target, ctx),
    surveySummary: async (target: InspectionTargetEntity, _args, ctx) => {
      const [meeting] = await activitiesOfKind(target, ctx, 'MOBILISATION_MEETING');
      const responses = await ctx.loaders.surveyResponsesByTarget.load(target.id);
      return summariseSurvey(responses, meeting?.attendance ? attendanceTotal(meeting.attendance) : null);
    },
    findings: (target: InspectionTargetEntity, _args, ctx) => ctx.loaders.findingsByTarget.load(target.id),
    feedback: async (target: InspectionTargetEntity, _args, ctx) =>
      (await ctx.loaders.feedbacksByTarget.load(target.id))[0] ?? null,
    rectificationCheck: async (target: InspectionTargetEntity, _args, ctx) => {
      const check = target.rectificationCheck;
      if (!check) return null;
      const [feedback] = await ctx.loaders.feedbacksByTarget.load(target.id);
      return {
        ...check,
        planOnTime:
          check.planReceivedOn && feedback ? receivedInTime(check.planReceivedOn, feedback.planDueAt) : null,
        reportOnTime: feedback ? receivedInTime(check.reportReceivedOn, feedback.reportDueAt) : false,
        recordedBy: personRef(check.recordedBy),
      };
    },
  },

  WindowExtension: {
    decidedBy: (extension: WindowExtensionEntity) => personRef(extension.decidedBy),
  },
};
