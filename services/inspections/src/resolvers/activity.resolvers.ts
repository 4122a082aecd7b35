import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { ordinaryStaffShare } from '../domain/attendance-rule';
import type { ActivityEntity } from '../persistence/activity.entity';
import type { SiteVisitCheckEntity } from '../persistence/site-visit-check.entity';
import type { InspectionsContext } from './inspections.context';
import { personRef, problemRef } from './resolver-helpers';
import type { InterviewActivity } from './target.resolvers';

const TYPE_OF_KIND = {
  MOBILISATION_MEETING: 'MobilisationMeeting',
  DOCUMENT_REVIEW: 'DocumentReview',
  INTERVIEW: 'Interview',
  SITE_VISIT: 'SiteVisit',
} as const;

type Activity = ActivityEntity | InterviewActivity;

const common = {
  target: (activity: Activity, _args: unknown, ctx: InspectionsContext) =>
    ctx.loaders.target.load(activity.targetId),
  recordedBy: (activity: Activity) => personRef(activity.recordedBy),
};

export const activityResolvers: GraphQLResolverMap<InspectionsContext> = {
  InspectionActivity: {
    __resolveType: (activity: Activity) => TYPE_OF_KIND[activity.kind],
  },
  MobilisationMeeting: {
    ...common,
    attendance: (meeting: ActivityEntity) => {
      const share = ordinaryStaffShare(meeting.attendance!);
      return {
        ...meeting.attendance!,
        total: share.total,
        ordinaryStaffShare: share.share,
        meetsOrdinaryStaffRule: share.meetsRule,
      };
    },
  },
  DocumentReview: {
    ...common,
    checkItem: (review: ActivityEntity, _args, ctx) =>
      review.checkItemId ? ctx.loaders.checkItem.load(review.checkItemId) : null,
  },
  Interview: { ...common },
  SiteVisit: {
    ...common,
    checks: (visit: ActivityEntity, _args, ctx) => ctx.loaders.checksBySiteVisit.load(visit.id),
  },
  SiteVisitCheck: {
    finding: (check: SiteVisitCheckEntity, _args, ctx) =>
      check.findingId ? ctx.loaders.finding.load(check.findingId) : null,
    problem: (check: SiteVisitCheckEntity) => problemRef(check.problemId),
  },
};
