import { GraphQLError } from 'graphql';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { isPartner } from '@eco/auth';
import { asMutationResult } from '@eco/subgraph';
import { partnerAgencyOf } from '../domain/access-policy';
import { directLineClocks } from '../domain/direct-line-clocks';
import type { DirectLineItemEntity, DirectLineItemStatus } from '../persistence/direct-line-item.entity';
import { agencyRef } from './references';
import type { SupervisionContext } from './supervision.context';

const clocks = (item: DirectLineItemEntity) => directLineClocks(item, new Date());

export const directLineResolvers: GraphQLResolverMap<SupervisionContext> = {
  Query: {
    directLineItems: async (
      _root,
      { status, breached }: { status?: DirectLineItemStatus | null; breached?: boolean | null },
      ctx,
    ) => {
      const items = await ctx.directLineStore.listItems({
        status: status ?? null,
        agencyId: partnerAgencyOf(ctx.principal),
      });
      if (breached === null || breached === undefined) return items;
      return items.filter((item) => clocks(item).breached.length > 0 === breached);
    },
  },

  Mutation: {
    triageDirectLineItem: (_root, { input }: { input: unknown }, ctx) =>
      asMutationResult(async () => ({ item: await ctx.directLine.triage(input) })),
    claimDirectLineItem: (_root, { input }: { input: unknown }, ctx) =>
      asMutationResult(async () => ({ item: await ctx.directLine.claim(input) })),
    markDirectLineItemHardCase: (_root, { input }: { input: unknown }, ctx) =>
      asMutationResult(async () => ({ item: await ctx.directLine.markHardCase(input) })),
    answerDirectLineItem: (_root, { input }: { input: unknown }, ctx) =>
      asMutationResult(async () => ({ item: await ctx.directLine.answer(input) })),
  },

  DirectLineItem: {
    __resolveReference: async (r: { id: string }, ctx: SupervisionContext) => {
      const item = await ctx.loaders.directLineItem.load(r.id);
      const agency = partnerAgencyOf(ctx.principal);
      if (item && agency !== undefined && item.agencyId !== agency) {
        throw new GraphQLError('this item is not visible to your agency', {
          extensions: { code: 'FORBIDDEN', public: true },
        });
      }
      return item;
    },
    agency: (item: DirectLineItemEntity) => agencyRef(item.agencyId),
    department: (item: DirectLineItemEntity) => agencyRef(item.departmentId),
    triage: (item: DirectLineItemEntity) => clocks(item).triage,
    claim: (item: DirectLineItemEntity) => clocks(item).claim,
    answerClock: (item: DirectLineItemEntity) => clocks(item).answer,
    interimReply: (item: DirectLineItemEntity) => clocks(item).interimReply,
    breachedClocks: (item: DirectLineItemEntity) => clocks(item).breached,
    // The tracking item is internal: a township sees its @件, not the bureau's supervision of it.
    supervisionItem: (item: DirectLineItemEntity, _args, ctx: SupervisionContext) =>
      isPartner(ctx.principal) ? null : ctx.loaders.itemByDirectLineItem.load(item.id),
  },
};
