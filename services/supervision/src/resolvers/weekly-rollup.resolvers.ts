import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { sumSupervisionWeeks } from '../domain/weekly-rollup';
import type {
  SupervisionWeeklyDepartmentEntity,
  SupervisionWeeklyRollupEntity,
} from '../persistence/weekly-rollup.entity';
import type { EscalationEntity } from '../persistence/escalation.entity';
import { assertInternal, itemsOf } from './guards';
import { agencyRef } from './references';
import type { SupervisionContext } from './supervision.context';

interface SupervisionPart {
  rollup: SupervisionWeeklyRollupEntity;
  departments: SupervisionWeeklyDepartmentEntity[];
}

/** The weekly roll-up is rectification's entity; supervision adds the part it took at the cut-off. */
export const weeklyRollupResolvers: GraphQLResolverMap<SupervisionContext> = {
  WeeklyRollup: {
    __resolveReference: (ref: { weekOf: string }) => ({ weekOf: ref.weekOf }),
    supervision: async (week: { weekOf: string }, _args, ctx): Promise<SupervisionPart | null> => {
      assertInternal(ctx);
      const [rollup] = await ctx.loaders.weeklyRollup.load(week.weekOf);
      if (!rollup) return null;
      return { rollup, departments: await ctx.loaders.weeklyRollupDepartments.load(week.weekOf) };
    },
  },
  SupervisionWeeklyPart: {
    cutOffAt: (part: SupervisionPart) => part.rollup.cutOffAt,
    takenAt: (part: SupervisionPart) => part.rollup.takenAt,
    totals: (part: SupervisionPart) => sumSupervisionWeeks(part.rollup.weekOf, part.departments),
    departments: (part: SupervisionPart) => part.departments,
  },
  SupervisionDepartmentWeek: {
    department: (row: SupervisionWeeklyDepartmentEntity) => agencyRef(row.departmentId),
    newItems: (row: SupervisionWeeklyDepartmentEntity, _args, ctx) => itemsOf(row.newItemIds, ctx),
    closedItems: (row: SupervisionWeeklyDepartmentEntity, _args, ctx) => itemsOf(row.closedItemIds, ctx),
    turnedRedItems: (row: SupervisionWeeklyDepartmentEntity, _args, ctx) =>
      itemsOf(row.turnedRedItemIds, ctx),
    newlyOverdueItems: (row: SupervisionWeeklyDepartmentEntity, _args, ctx) =>
      itemsOf(row.newlyOverdueItemIds, ctx),
    escalations: async (row: SupervisionWeeklyDepartmentEntity, _args, ctx) =>
      (await Promise.all(row.escalationIds.map((id) => ctx.loaders.escalation.load(id)))).filter(
        (e): e is EscalationEntity => e !== null,
      ),
  },
};
