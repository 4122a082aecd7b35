import { readFileSync } from 'node:fs';
import { Supergraph } from '@apollo/federation-internals';
import { parse, validate } from 'graphql';
import { SUPERGRAPH_PATH } from '@eco/gateway';
import * as queries from '../src/api/queries';

/**
 * Every operation the dashboard sends, checked against the committed supergraph's API schema: when
 * another subgraph renames or drops a field, this fails in a second, without a browser.
 */
describe("the dashboard's operations", () => {
  const schema = Supergraph.build(readFileSync(SUPERGRAPH_PATH, 'utf8')).apiSchema().toGraphQLJSSchema();

  it.each(Object.entries(queries))('%s is valid against the supergraph', (_name, document) => {
    expect(validate(schema, parse(document)).map((e) => e.message)).toEqual([]);
  });
});
