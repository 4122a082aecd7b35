import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'graphql';
import type { SubgraphDefinition } from '@eco/subgraph';
import { InspectionsRowLevelSecurity1763790000005 } from './persistence/migrations/1763790000005-row-level-security';
import { grantFindingToAgencies } from './events/grant-finding-to-agencies.handler';
import { FindingEntity } from './persistence/finding.entity';
import { FindingGrantEntity } from './persistence/finding-grant.entity';
import { InspectionRoundEntity } from './persistence/inspection-round.entity';
import { InspectionsCore1763773000000 } from './persistence/migrations/1763773000000-inspections-core';
import { createInspectionsContext } from './resolvers/inspections.context';
import type { InspectionsContext } from './resolvers/inspections.context';
import { inspectionsResolvers } from './resolvers/inspections.resolvers';

export const inspectionsTypeDefs = parse(readFileSync(join(__dirname, '..', 'schema.graphql'), 'utf8'));

/** 巡察: rounds and their findings. */
export const inspectionsSubgraph: SubgraphDefinition<InspectionsContext> = {
  name: 'inspections',
  rowSecurity: true,
  typeDefs: inspectionsTypeDefs,
  resolvers: inspectionsResolvers,
  entities: [InspectionRoundEntity, FindingEntity, FindingGrantEntity],
  migrations: [InspectionsCore1763773000000, InspectionsRowLevelSecurity1763790000005],
  eventHandlers: () => [grantFindingToAgencies],
  createContext: createInspectionsContext,
};
