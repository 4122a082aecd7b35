import { BoundedDateTime, BoundedLocalDate } from '@eco/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { directLineResolvers } from './direct-line.resolvers';
import { escalationResolvers } from './escalation.resolvers';
import { insightsResolvers } from './insights.resolvers';
import { itemResolvers } from './item.resolvers';
import { reportingResolvers } from './reporting.resolvers';
import type { SupervisionContext } from './supervision.context';
import { weeklyRollupResolvers } from './weekly-rollup.resolvers';
import { workflowResolvers } from './workflow.resolvers';

type ResolverMap = GraphQLResolverMap<SupervisionContext>;

/** Merges the modules' maps type by type (Query and Mutation come from several). */
function merge(...maps: ResolverMap[]): ResolverMap {
  const merged: Record<string, Record<string, unknown>> = {};
  for (const map of maps) {
    for (const [type, fields] of Object.entries(map)) {
      merged[type] = { ...(merged[type] ?? {}), ...(fields as Record<string, unknown>) };
    }
  }
  return merged as ResolverMap;
}

export const supervisionResolvers: ResolverMap = {
  DateTime: BoundedDateTime,
  Date: BoundedLocalDate,
  ...merge(
    itemResolvers,
    reportingResolvers,
    escalationResolvers,
    workflowResolvers,
    insightsResolvers,
    directLineResolvers,
    weeklyRollupResolvers,
  ),
};
