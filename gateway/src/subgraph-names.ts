/** The subgraphs composed into the supergraph, in composition order. */
export const SUBGRAPH_NAMES = ['agencies', 'inspections', 'rectification', 'supervision'] as const;
export type SubgraphName = (typeof SUBGRAPH_NAMES)[number];
