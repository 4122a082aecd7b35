import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { orGraphQLError } from '@eco/subgraph';
import { sumDepartmentWeeks } from '../domain/weekly-rollup.service';
import { ROLLUP_PARTS } from '../persistence/weekly-rollup.entity';
import type { WeeklyRollupDepartmentEntity, WeeklyRollupEntity } from '../persistence/weekly-rollup.entity';
import type { RectificationContext } from './rectification.context';
import { agencyRef } from './references';

interface RectificationPart {
  weekOf: string;
  departments: WeeklyRollupDepartmentEntity[];
}

/** Loads many records by id in one batch, leaving out those that no longer resolve. */
async function loadAll<V>(
  load: (ids: string[]) => Promise<(V | Error | null)[]>,
  ids: string[],
): Promise<V[]> {
  return (await load(ids)).filter((v): v is V => v !== null && !(v instanceof Error));
}

export const weeklyRollupQueries = {
  weeklyRollup: (_root: unknown, { weekOf }: { weekOf: string }, ctx: RectificationContext) =>
    orGraphQLError(() => ctx.weeklyRollups.rollupOfWeek(weekOf)),
  weeklyRollups: (
    _root: unknown,
    { from, to }: { from?: string | null; to?: string | null },
    ctx: RectificationContext,
  ) => orGraphQLError(() => ctx.weeklyRollups.listRollups(from ?? null, to ?? null)),
};

export const weeklyRollupTypes: GraphQLResolverMap<RectificationContext> = {
  WeeklyRollup: {
    __resolveReference: async (ref: { weekOf: string }, ctx: RectificationContext) =>
      (await ctx.loaders.weeklyRollup.load(ref.weekOf))[0] ?? null,
    parts: async (rollup: WeeklyRollupEntity, _args, ctx) => {
      const parts = await ctx.loaders.weeklyRollupParts.load(rollup.weekOf);
      return ROLLUP_PARTS.filter((name) => parts.some((p) => p.part === name)).map((name) =>
        name.toUpperCase(),
      );
    },
    rectification: (rollup: WeeklyRollupEntity, _args, ctx) =>
      orGraphQLError(async (): Promise<RectificationPart> => {
        ctx.weeklyRollups.assertMayReadDepartments();
        return {
          weekOf: rollup.weekOf,
          departments: await ctx.loaders.weeklyRollupDepartments.load(rollup.weekOf),
        };
      }),
  },
  RectificationWeeklyPart: {
    totals: (part: RectificationPart) => sumDepartmentWeeks(part.weekOf, part.departments),
    departments: (part: RectificationPart) => part.departments,
  },
  RectificationDepartmentWeek: {
    department: (row: WeeklyRollupDepartmentEntity) => agencyRef(row.departmentId),
    newProblems: (row: WeeklyRollupDepartmentEntity, _args, ctx) =>
      loadAll((ids) => ctx.loaders.problem.loadMany(ids), row.newProblemIds),
    closedProblems: (row: WeeklyRollupDepartmentEntity, _args, ctx) =>
      loadAll((ids) => ctx.loaders.problem.loadMany(ids), row.closedProblemIds),
    newlyOverdueMeasures: (row: WeeklyRollupDepartmentEntity, _args, ctx) =>
      loadAll((ids) => ctx.loaders.measure.loadMany(ids), row.newlyOverdueMeasureIds),
  },
};
