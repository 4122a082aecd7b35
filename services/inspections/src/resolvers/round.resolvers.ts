import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { canSeeRoundInternals, isGroupMember } from '../domain/access-policy';
import type { ChecklistItemEntity } from '../persistence/checklist-item.entity';
import type { InspectionRoundEntity } from '../persistence/inspection-round.entity';
import type { InspectionsContext } from './inspections.context';
import { isFindingVisible } from './finding.resolvers';
import { agencyRef, assertInternal, personRef } from './resolver-helpers';

/** The Party group (局党组) the round report goes to. */
const REPORT_ADDRESSEE = '局党组';

export const roundResolvers: GraphQLResolverMap<InspectionsContext> = {
  InspectionRound: {
    __resolveReference: (ref: { id: string }, ctx: InspectionsContext) => ctx.loaders.round.load(ref.id),
    groupLeader: (round: InspectionRoundEntity) => personRef(round.groupLeaderId),
    deputyGroupLeader: (round: InspectionRoundEntity) => personRef(round.deputyGroupLeaderId),
    memberDepartments: (round: InspectionRoundEntity, _args, ctx) => {
      assertInternal(ctx, "the round's member departments");
      return round.memberDepartments.map((d) => ({
        agency: agencyRef(d.agencyId),
        staff: d.staff.map((s) => ({ name: s.name, person: personRef(s.personId) })),
      }));
    },
    specialInspections: (round: InspectionRoundEntity, _args, ctx) => {
      assertInternal(ctx, "the round's special inspections");
      return round.specialInspections;
    },
    budgetLines: (round: InspectionRoundEntity, _args, ctx) => {
      assertInternal(ctx, "the round's budget");
      return round.budgetLines;
    },
    outsideFirm: (round: InspectionRoundEntity, _args, ctx) => {
      assertInternal(ctx, "the round's outside firm");
      return round.outsideFirm;
    },
    targets: (round: InspectionRoundEntity, _args, ctx) => {
      assertInternal(ctx, "the round's targets");
      return ctx.loaders.targetsByRound.load(round.id);
    },
    checklist: (round: InspectionRoundEntity, _args, ctx) => {
      assertInternal(ctx, "the round's check-item list");
      return ctx.loaders.checklistByRound.load(round.id);
    },
    report: (round: InspectionRoundEntity, _args, ctx) => {
      assertInternal(ctx, 'the round report');
      if (!round.report) return null;
      return {
        ...round.report,
        addressedTo: REPORT_ADDRESSEE,
        submittedBy: personRef(round.report.submittedBy),
      };
    },
    findings: async (round: InspectionRoundEntity, _args, ctx) => {
      const findings = await ctx.loaders.findingsByRound.load(round.id);
      const visible = await Promise.all(findings.map((f) => isFindingVisible(f, ctx)));
      return findings.filter((_, i) => visible[i]);
    },
    viewerIsGroupMember: (round: InspectionRoundEntity, _args, ctx) => isGroupMember(ctx.principal, round),
  },

  ChecklistItem: {
    __resolveReference: (ref: { id: string }, ctx: InspectionsContext) =>
      canSeeRoundInternals(ctx.principal) ? ctx.loaders.checkItem.load(ref.id) : null,
    round: (item: ChecklistItemEntity, _args, ctx) => ctx.loaders.round.load(item.roundId),
    code: (item: ChecklistItemEntity) => `${item.categoryNumber}.${item.itemNumber}`,
    current: (item: ChecklistItemEntity) => item.supersededAt === null,
  },
};
