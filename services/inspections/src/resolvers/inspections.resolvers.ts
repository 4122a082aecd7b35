import { GraphQLError } from 'graphql';
import { DateTimeResolver, LocalDateResolver } from 'graphql-scalars';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { isPartner } from '@eco/auth';
import { asMutationResult } from '@eco/subgraph';
import { canListRounds, canSeeFinding } from '../domain/access-policy';
import type { FindingEntity } from '../persistence/finding.entity';
import type { InspectionRoundEntity } from '../persistence/inspection-round.entity';
import type { InspectionsContext } from './inspections.context';

const forbidden = (message: string) =>
  new GraphQLError(message, { extensions: { code: 'FORBIDDEN', public: true } });
const agencyRef = (id: string) => ({ __typename: 'Agency', id });
const personRef = (id: string | null) => (id ? { __typename: 'Person', id } : null);

async function isVisible(finding: FindingEntity, ctx: InspectionsContext): Promise<boolean> {
  if (!isPartner(ctx.principal)) return true;
  const grants = await ctx.loaders.grantsByFinding.load(finding.id);
  return canSeeFinding(
    ctx.principal,
    grants.map((g) => g.agencyId),
  );
}

async function visibleFinding(id: string, ctx: InspectionsContext): Promise<FindingEntity | null> {
  const finding = await ctx.loaders.finding.load(id);
  if (finding && !(await isVisible(finding, ctx)))
    throw forbidden('this finding is not visible to your agency');
  return finding;
}

export const inspectionsResolvers: GraphQLResolverMap<InspectionsContext> = {
  DateTime: DateTimeResolver,
  Date: LocalDateResolver,

  Query: {
    inspectionRounds: (_root, _args, ctx) => (canListRounds(ctx.principal) ? ctx.store.listRounds() : []),
    inspectionRound: (_root, { id }: { id: string }, ctx) => {
      if (!canListRounds(ctx.principal)) throw forbidden('inspection rounds are internal');
      return ctx.loaders.round.load(id);
    },
    finding: (_root, { id }: { id: string }, ctx) => visibleFinding(id, ctx),
  },

  Mutation: {
    createInspectionRound: (_root, { input }: { input: unknown }, ctx) =>
      asMutationResult(async () => ({ round: await ctx.service.createRound(input) })),
    recordFinding: (_root, { input }: { input: unknown }, ctx) =>
      asMutationResult(async () => ({ finding: await ctx.service.recordFinding(input) })),
    confirmFinding: (_root, { input }: { input: unknown }, ctx) =>
      asMutationResult(async () => ({ finding: await ctx.service.confirmFinding(input) })),
  },

  InspectionRound: {
    __resolveReference: (ref: { id: string }, ctx: InspectionsContext) => ctx.loaders.round.load(ref.id),
    groupLeader: (round: InspectionRoundEntity) => personRef(round.groupLeaderId),
    deputyGroupLeader: (round: InspectionRoundEntity) => personRef(round.deputyGroupLeaderId),
    findings: async (round: InspectionRoundEntity, _args, ctx) => {
      const findings = await ctx.loaders.findingsByRound.load(round.id);
      const visible = await Promise.all(findings.map((f) => isVisible(f, ctx)));
      return findings.filter((_, i) => visible[i]);
    },
  },

  Finding: {
    __resolveReference: (ref: { id: string }, ctx: InspectionsContext) => visibleFinding(ref.id, ctx),
    round: (finding: FindingEntity, _args, ctx) => ctx.loaders.round.load(finding.roundId),
    targetAgency: (finding: FindingEntity) => agencyRef(finding.targetAgencyId),
  },
};
