import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { asMutationResult, orGraphQLError, pageSize, requireId } from '@eco/subgraph';
import { canSeeItem, partnerAgencyOf } from '../domain/access-policy';
import { isAssessed, platformOf } from '../domain/categories';
import type { SupervisionCategory } from '../domain/categories';
import { escalationStatusOf } from '../domain/escalation-status';
import { itemObligations } from '../domain/item-obligations';
import { effectiveLights } from '../domain/lights';
import { templateOf } from '../domain/report-templates';
import type { SupervisionItemEntity, SupervisionItemStatus } from '../persistence/supervision-item.entity';
import type { SupervisionItemUpdateEntity } from '../persistence/supervision-item-update.entity';
import type { ItemFilter } from '../persistence/supervision.store';
import { agencyRef, personRef } from './references';
import { scheduleView } from './reporting.resolvers';
import { assertInternal, visibleItem } from './guards';
import type { SupervisionContext } from './supervision.context';

interface ItemListArgs {
  category?: SupervisionCategory | null;
  departmentId?: string | null;
  year?: number | null;
  status?: SupervisionItemStatus | null;
}

/** An item's internal children: a partner agency is refused them. */
const internal =
  <T>(load: (item: SupervisionItemEntity, ctx: SupervisionContext) => Promise<T> | T) =>
  (item: SupervisionItemEntity, _args: unknown, ctx: SupervisionContext) => {
    assertInternal(ctx);
    return load(item, ctx);
  };

/** Rows a due-list answers at most. */
const MAX_DUE_LISTED = 100;

/** What the list arguments select for the caller: a partner agency, only the items it is involved in. */
const itemFilterOf = (args: ItemListArgs, ctx: SupervisionContext): ItemFilter => ({
  category: args.category ?? null,
  departmentId: args.departmentId ? requireId(args.departmentId, 'departmentId') : null,
  year: args.year ?? null,
  status: args.status ?? null,
  visibleTo: partnerAgencyOf(ctx.principal),
});

export const itemResolvers: GraphQLResolverMap<SupervisionContext> = {
  Query: {
    supervisionItems: (_root, args: ItemListArgs, ctx) => ctx.store.listItems(itemFilterOf(args, ctx)),
    // The same items counted by the database (GROUP BY): the dashboard's figures, one statement.
    supervisionItemCounts: (_root, args: ItemListArgs & { asOf?: Date | null }, ctx) =>
      ctx.store.countItems(itemFilterOf(args, ctx), args.asOf ?? new Date()),
    supervisionItemsDue: (
      _root,
      args: { dueBefore: Date; dueFrom?: Date | null; first?: number | null },
      ctx,
    ) =>
      orGraphQLError(() =>
        ctx.store.itemsDue(
          itemFilterOf({}, ctx),
          { from: args.dueFrom ?? null, before: args.dueBefore },
          pageSize(args.first, MAX_DUE_LISTED),
        ),
      ),
    supervisionItem: (_root, { id }: { id: string }, ctx) => visibleItem(id, ctx),
  },

  Mutation: {
    createSupervisionItem: (_root, { input }: { input: unknown }, ctx) =>
      asMutationResult(async () => ({ item: await ctx.service.createItem(input) })),
    updateSupervisionItem: (_root, { input }: { input: unknown }, ctx) =>
      asMutationResult(async () => ({ item: await ctx.service.updateItem(input) })),
    addMilestone: (_root, { input }: { input: unknown }, ctx) =>
      asMutationResult(async () => ({ milestone: await ctx.service.addMilestone(input) })),
    updateMilestone: (_root, { input }: { input: unknown }, ctx) =>
      asMutationResult(async () => ({ milestone: await ctx.service.updateMilestone(input) })),
    closeSupervisionItem: (_root, { input }: { input: unknown }, ctx) =>
      asMutationResult(async () => ({ item: await ctx.service.closeItem(input) })),
  },

  SupervisionItem: {
    __resolveReference: (r: { id: string }, ctx: SupervisionContext) => visibleItem(r.id, ctx),
    assessed: (item: SupervisionItemEntity) => isAssessed(item.category),
    platform: (item: SupervisionItemEntity) => platformOf(item.category),
    responsibleDepartment: (item: SupervisionItemEntity) => agencyRef(item.responsibleDepartmentId),
    responsiblePerson: (item: SupervisionItemEntity) => personRef(item.responsiblePersonId),
    leadLeader: (item: SupervisionItemEntity) => personRef(item.leadLeaderId),
    involvedAgencies: (item: SupervisionItemEntity) => item.involvedAgencyIds.map((id) => agencyRef(id)),
    updates: (item: SupervisionItemEntity, _args, ctx) => ctx.loaders.updatesByItem.load(item.id),
    milestones: (item: SupervisionItemEntity, _args, ctx) => ctx.loaders.milestonesByItem.load(item.id),
    reportTemplate: (item: SupervisionItemEntity) => templateOf(item.category),
    reportingSchedule: async (item: SupervisionItemEntity, _args, ctx) =>
      scheduleView(item.category, await ctx.loaders.schedules.load('all')),
    reportObligations: internal(async (item, ctx) => {
      const [schedules, reports] = await Promise.all([
        ctx.loaders.schedules.load('all'),
        ctx.loaders.reportsByItem.load(item.id),
      ]);
      return itemObligations(item, schedules, reports, new Date());
    }),
    monthlyReports: internal((item, ctx) => ctx.loaders.reportsByItem.load(item.id)),
    lightHistory: internal(async (item, ctx) =>
      [...(await ctx.loaders.lightRecordsByItem.load(item.id))].sort((a, b) => a.sequence - b.sequence),
    ),
    periodLights: internal(async (item, ctx) =>
      effectiveLights(await ctx.loaders.lightRecordsByItem.load(item.id)),
    ),
    escalationStatus: internal(async (item, ctx) => {
      const [records, reports, flags] = await Promise.all([
        ctx.loaders.lightRecordsByItem.load(item.id),
        ctx.loaders.reportsByItem.load(item.id),
        ctx.loaders.flagsByItem.load(item.id),
      ]);
      return escalationStatusOf(item, records, reports, flags);
    }),
    escalations: internal((item, ctx) => ctx.loaders.escalationsByItem.load(item.id)),
    escalationFlags: internal((item, ctx) => ctx.loaders.flagsByItem.load(item.id)),
    leaderInstruction: internal((item, ctx) =>
      item.category === 'LEADER_INSTRUCTION' ? ctx.loaders.instruction.load(item.id) : null,
    ),
    closureReport: internal((item, ctx) => ctx.loaders.closureReport.load(item.id)),
    directLineItem: (item: SupervisionItemEntity, _args, ctx) =>
      item.directLineItemId ? ctx.loaders.directLineItem.load(item.directLineItemId) : null,
  },

  SupervisionItemCount: {
    department: (row: { departmentId: string | null }) => agencyRef(row.departmentId),
  },

  SupervisionItemUpdate: {
    actor: (u: SupervisionItemUpdateEntity) => personRef(u.actorPersonId),
    actorAgency: (u: SupervisionItemUpdateEntity) => agencyRef(u.actorAgencyId),
  },

  Agency: {
    __resolveReference: (r: { id: string }) => ({ id: r.id }),
    supervisionItems: async (agency: { id: string }, _args, ctx) =>
      (await ctx.loaders.itemsByAgency.load(agency.id))
        .map((row) => row.item)
        .filter((item) => canSeeItem(ctx.principal, item)),
  },
};
