import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
// The light module only: the package index would load the whole subgraph runtime.
import { withOperations } from '@eco/subgraph/src/operations-schema';
import { SUBGRAPH_NAMES } from './subgraph-names';

const repositoryRoot = join(__dirname, '..', '..');

/**
 * Composes the supergraph from each service's schema.graphql and its operator fields. Subgraph URLs in the result are
 * placeholders: the gateway routes by subgraph name to the URLs in its configuration.
 */
export function composeSupergraph(): string {
  const result = composeServices(
    SUBGRAPH_NAMES.map((name) => ({
      name,
      url: `http://${name}.subgraph.invalid/graphql`,
      typeDefs: withOperations(
        parse(readFileSync(join(repositoryRoot, 'services', name, 'schema.graphql'), 'utf8')),
        name,
      ),
    })),
  );
  if (result.errors) {
    throw new Error(`composition failed:\n${result.errors.map((e) => `  - ${e.message}`).join('\n')}`);
  }
  return result.supergraphSdl;
}

export const SUPERGRAPH_PATH = join(__dirname, '..', 'supergraph.graphql');
