// Writes gateway/supergraph.graphql from the subgraphs' schemas; with --check, fails on drift instead.
import { readFileSync, writeFileSync } from 'node:fs';
import { composeSupergraph, SUPERGRAPH_PATH } from '../src/compose-supergraph';

const composed = composeSupergraph();
if (process.argv.includes('--check')) {
  let committed = '';
  try {
    committed = readFileSync(SUPERGRAPH_PATH, 'utf8');
  } catch {
    // missing counts as drift
  }
  if (committed !== composed) {
    console.error(
      'gateway/supergraph.graphql is out of date: run `npm run supergraph` and commit the result.',
    );
    process.exit(1);
  }
  console.log('supergraph is up to date');
} else {
  writeFileSync(SUPERGRAPH_PATH, composed);
  console.log(`wrote ${SUPERGRAPH_PATH}`);
}
