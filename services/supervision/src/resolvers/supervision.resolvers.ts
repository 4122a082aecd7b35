import { GraphQLError } from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { asMutationResult } from '@eco/subgraph';
import { canSeeItem, partnerAgencyOf } from '../domain/access-policy';
import { isAssessed } from '../domain/categories';
import type { SupervisionCategory } from '../domain/categories';
import type { DirectLineItemEntity, DirectLineItemStatus } from '../persistence/direct-line-item.entity';
import type { SupervisionItemEntity } from '../persistence/supervision-item.entity';
import type { SupervisionItemUpdateEntity } from '../persistence/supervision-item-update.entity';
import type { SupervisionContext } from './supervision.context';

/** A deadline and when it was met, as the status a dashboard shows. */
function clock(dueAt: Date, doneAt: Date | null) {
  const status = doneAt
    ? doneAt > dueAt
      ? 'MET_LATE'
      : 'MET'
    : Date.now() > dueAt.getTime()
      ? 'BREACHED'
      : 'RUNNING';
  return { dueAt, doneAt, status };
}

const ref = (typename: 'Agency' | 'Person', id: string | null) => (id ? { __typename: typename, id } : null);

async function visibleItem(id: string, ctx: SupervisionContext): Promise<SupervisionItemEntity | null> {
  const item = await ctx.loaders.item.load(id);
  if (item && !canSeeItem(ctx.principal, item)) {
    throw new GraphQLError('this item is not visible to your agency', {
      extensions: { code: 'FORBIDDEN', public: true },
    });
  }
  return item;
}

export const supervisionResolvers: GraphQLResolverMap<SupervisionContext> = {
  DateTime: DateTimeResolver,

  Query: {
    supervisionItems: (_root, { category }: { category?: SupervisionCategory | null }, ctx) =>
      ctx.store.listItems({ category: category ?? null, visibleTo: partnerAgencyOf(ctx.principal) }),
    supervisionItem: (_root, { id }: { id: string }, ctx) => visibleItem(id, ctx),
    directLineItems: (_root, { status }: { status?: DirectLineItemStatus | null }, ctx) =>
      ctx.directLineStore.listItems({ status: status ?? null, agencyId: partnerAgencyOf(ctx.principal) }),
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
    createSupervisionItem: (_root, { input }: { input: unknown }, ctx) =>
      asMutationResult(async () => ({ item: await ctx.service.createItem(input) })),
  },

  SupervisionItem: {
    __resolveReference: (r: { id: string }, ctx: SupervisionContext) => visibleItem(r.id, ctx),
    assessed: (item: SupervisionItemEntity) => isAssessed(item.category),
    responsibleDepartment: (item: SupervisionItemEntity) => ref('Agency', item.responsibleDepartmentId),
    responsiblePerson: (item: SupervisionItemEntity) => ref('Person', item.responsiblePersonId),
    involvedAgencies: (item: SupervisionItemEntity) => item.involvedAgencyIds.map((id) => ref('Agency', id)),
    updates: (item: SupervisionItemEntity, _args, ctx) => ctx.loaders.updatesByItem.load(item.id),
  },

  SupervisionItemUpdate: {
    actor: (u: SupervisionItemUpdateEntity) => ref('Person', u.actorPersonId),
    actorAgency: (u: SupervisionItemUpdateEntity) => ref('Agency', u.actorAgencyId),
  },

  DirectLineItem: {
    __resolveReference: async (r: { id: string }, ctx: SupervisionContext) => {
      const [item] = await ctx.directLineStore.itemsByIds([r.id]);
      const agency = partnerAgencyOf(ctx.principal);
      if (item && agency !== undefined && item.agencyId !== agency) {
        throw new GraphQLError('this item is not visible to your agency', {
          extensions: { code: 'FORBIDDEN', public: true },
        });
      }
      return item ?? null;
    },
    agency: (item: DirectLineItemEntity) => ref('Agency', item.agencyId),
    department: (item: DirectLineItemEntity) => ref('Agency', item.departmentId),
    triage: (item: DirectLineItemEntity) => clock(item.triageDueAt, item.triagedAt),
    claim: (item: DirectLineItemEntity) => (item.claimDueAt ? clock(item.claimDueAt, item.claimedAt) : null),
    answerClock: (item: DirectLineItemEntity) =>
      item.answerDueAt ? clock(item.answerDueAt, item.answeredAt) : null,
    interimReply: (item: DirectLineItemEntity) =>
      item.interimDueAt && (item.status === 'HARD_CASE' || item.interimRepliedAt)
        ? clock(item.interimDueAt, item.interimRepliedAt)
        : null,
  },

  Agency: {
    __resolveReference: (r: { id: string }) => ({ id: r.id }),
    supervisionItems: async (agency: { id: string }, _args, ctx) =>
      (await ctx.loaders.itemsByAgency.load(agency.id))
        .map((row) => row.item)
        .filter((item) => canSeeItem(ctx.principal, item)),
  },
};
