import { readFileSync } from 'node:fs';
import { composeSupergraph, SUPERGRAPH_PATH } from '../src/compose-supergraph';
import { SUBGRAPH_NAMES } from '../src/subgraph-names';

describe('the supergraph', () => {
  const composed = composeSupergraph();

  it('composes from the four subgraph schemas', () => {
    for (const name of SUBGRAPH_NAMES) expect(composed).toContain(`@join__graph(name: "${name}"`);
  });

  it('is committed exactly as the schemas compose it (run `npm run supergraph` after a schema change)', () => {
    expect(readFileSync(SUPERGRAPH_PATH, 'utf8')).toBe(composed);
  });

  it('joins a partner task to its measure, problem and finding owned by other subgraphs', () => {
    expect(composed).toMatch(/type Measure\s+@join__type\(graph: AGENCIES, key: "id", resolvable: false\)/);
    expect(composed).toMatch(/type Finding\s[^{]*@join__type\(graph: INSPECTIONS, key: "id"\)/);
  });
});
