import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { asMutationResult } from '@eco/subgraph';
import type { EscalationEntity, EscalationState } from '../persistence/escalation.entity';
import { assertInternal } from './guards';
import { personRef } from './references';
import type { SupervisionContext } from './supervision.context';

export const escalationResolvers: GraphQLResolverMap<SupervisionContext> = {
  Query: {
    escalations: (
      _root,
      args: { state?: EscalationState | null; states?: EscalationState[] | null; level?: number | null },
      ctx,
    ) => {
      assertInternal(ctx);
      return ctx.escalationStore.listEscalations({
        state: args.state ?? null,
        states: args.states ?? null,
        level: args.level ?? null,
      });
    },
  },

  Mutation: {
    recordEscalationFlag: (_root, { input }: { input: unknown }, ctx) =>
      asMutationResult(async () => ctx.escalation.recordFlag(input)),
    scheduleEscalation: (_root, { input }: { input: unknown }, ctx) =>
      asMutationResult(async () => ({ escalation: await ctx.escalation.schedule(input) })),
    recordEscalationHeld: (_root, { input }: { input: unknown }, ctx) =>
      asMutationResult(async () => ({ escalation: await ctx.escalation.recordHeld(input) })),
    waiveEscalation: (_root, { input }: { input: unknown }, ctx) =>
      asMutationResult(async () => ({ escalation: await ctx.escalation.waive(input) })),
  },

  Escalation: {
    __resolveReference: (r: { id: string }, ctx: SupervisionContext) => {
      assertInternal(ctx);
      return ctx.loaders.escalation.load(r.id);
    },
    item: (e: EscalationEntity, _args, ctx) => ctx.loaders.item.load(e.itemId),
    interviewer: (e: EscalationEntity) => personRef(e.interviewerPersonId),
    interviewee: (e: EscalationEntity) => personRef(e.intervieweePersonId),
  },
};
