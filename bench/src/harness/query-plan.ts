import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'graphql';
import { operationFromDocument, Supergraph } from '@apollo/federation-internals';
import { QueryPlanner } from '@apollo/query-planner';
import type { PlanNode } from '@apollo/query-planner';
import { REPO_ROOT } from './service-process';

export interface PlanShape {
  fetches: number;
  byService: Record<string, number>;
  /** The longest chain of fetches that must wait for one another. */
  depth: number;
}

function shapeOf(node: PlanNode | undefined): PlanShape {
  const empty: PlanShape = { fetches: 0, byService: {}, depth: 0 };
  if (!node) return empty;
  const merge = (shapes: PlanShape[], depth: number): PlanShape => {
    const byService: Record<string, number> = {};
    for (const s of shapes)
      for (const [name, n] of Object.entries(s.byService)) byService[name] = (byService[name] ?? 0) + n;
    return { fetches: shapes.reduce((sum, s) => sum + s.fetches, 0), byService, depth };
  };
  switch (node.kind) {
    case 'Fetch':
      return { fetches: 1, byService: { [node.serviceName]: 1 }, depth: 1 };
    case 'Flatten':
      return shapeOf(node.node);
    case 'Sequence': {
      const shapes = node.nodes.map(shapeOf);
      return merge(
        shapes,
        shapes.reduce((sum, s) => sum + s.depth, 0),
      );
    }
    case 'Parallel': {
      const shapes = node.nodes.map(shapeOf);
      return merge(shapes, Math.max(0, ...shapes.map((s) => s.depth)));
    }
    default:
      return empty;
  }
}

/** How the gateway answers `query` with the committed supergraph: its fetches per subgraph and their depth. */
export function planShape(query: string): PlanShape {
  const supergraph = Supergraph.build(readFileSync(join(REPO_ROOT, 'gateway', 'supergraph.graphql'), 'utf8'));
  const operation = operationFromDocument(supergraph.schema, parse(query));
  const plan = new QueryPlanner(supergraph).buildQueryPlan(operation);
  return shapeOf(plan.node as PlanNode | undefined);
}

export function describePlan(shape: PlanShape): string {
  const services = Object.entries(shape.byService)
    .sort((a, b) => b[1] - a[1])
    .map(([name, n]) => `${name} ${n}`)
    .join(', ');
  return `${shape.fetches} subgraph fetches (${services}), ${shape.depth} waiting on one another`;
}
