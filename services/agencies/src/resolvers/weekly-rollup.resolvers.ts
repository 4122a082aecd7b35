import DataLoader from 'dataloader';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import type { EntityManager } from 'typeorm';
import type { Principal } from '@eco/auth';
import { isPartner } from '@eco/auth';
import { canSeeTask } from '../domain/access-policy';
import { sumAgencyWeeks } from '../domain/weekly-rollup';
import type { CoordinationTaskEntity } from '../persistence/coordination-task.entity';
import type { AgenciesWeeklyRollupEntity, AgencyWeekEntity } from '../persistence/weekly-rollup.entity';
import { AgenciesWeeklyRollupStore } from '../persistence/weekly-rollup.store';
import type { AgenciesContext } from './agencies.context';

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Per-request loaders of the agencies' part, by week. A partner agency's rows are its own (the
 * query asks only for them, and row-level security refuses the others anyway).
 */
export function createWeeklyRollupLoaders(reads: EntityManager, principal: Principal) {
  const store = new AgenciesWeeklyRollupStore(reads);
  const own = isPartner(principal) ? principal.agencyId : undefined;
  const byWeek = <V extends { weekOf: string }>(fetch: (weeks: string[]) => Promise<V[]>) =>
    new DataLoader<string, V[]>(async (weeks) => {
      const valid = weeks.filter((w) => LOCAL_DATE.test(w));
      const rows = valid.length > 0 ? await fetch(valid) : [];
      return weeks.map((week) => rows.filter((r) => r.weekOf === week));
    });
  return {
    rollup: byWeek((weeks) => store.rollupsByWeeks(weeks)),
    agencyWeeks: byWeek((weeks) => store.agencyWeeksOf(weeks, own)),
  };
}

export type WeeklyRollupLoaders = ReturnType<typeof createWeeklyRollupLoaders>;

interface CoordinationPart {
  rollup: AgenciesWeeklyRollupEntity;
  agencies: AgencyWeekEntity[];
}

/** Tasks by id in one batch, those the caller may see. */
async function visibleTasks(ids: string[], ctx: AgenciesContext): Promise<CoordinationTaskEntity[]> {
  const tasks = await ctx.loaders.task.loadMany(ids);
  return tasks.filter(
    (t): t is CoordinationTaskEntity => t !== null && !(t instanceof Error) && canSeeTask(ctx.principal, t),
  );
}

/** The weekly roll-up is rectification's entity; the agencies add the part they took at the cut-off. */
export const weeklyRollupResolvers: GraphQLResolverMap<AgenciesContext> = {
  WeeklyRollup: {
    __resolveReference: (ref: { weekOf: string }) => ({ weekOf: ref.weekOf }),
    coordination: async (week: { weekOf: string }, _args, ctx): Promise<CoordinationPart | null> => {
      const [rollup] = await ctx.weeklyRollupLoaders.rollup.load(week.weekOf);
      if (!rollup) return null;
      return { rollup, agencies: await ctx.weeklyRollupLoaders.agencyWeeks.load(week.weekOf) };
    },
  },
  CoordinationWeeklyPart: {
    cutOffAt: (part: CoordinationPart) => part.rollup.cutOffAt,
    takenAt: (part: CoordinationPart) => part.rollup.takenAt,
    totals: (part: CoordinationPart) => ({
      ...sumAgencyWeeks(part.rollup.weekOf, part.agencies),
      agencyId: null,
    }),
    agencies: (part: CoordinationPart) => part.agencies,
  },
  AgencyWeek: {
    agency: (row: { agencyId: string | null }, _args, ctx) =>
      row.agencyId ? ctx.loaders.agency.load(row.agencyId) : null,
    newTasks: (row: AgencyWeekEntity, _args, ctx) => visibleTasks(row.newTaskIds, ctx),
    completedTasks: (row: AgencyWeekEntity, _args, ctx) => visibleTasks(row.completedTaskIds, ctx),
    newlyOverdueTasks: (row: AgencyWeekEntity, _args, ctx) => visibleTasks(row.newlyOverdueTaskIds, ctx),
  },
};
