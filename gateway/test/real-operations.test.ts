import { readFileSync } from 'node:fs';
import { Supergraph } from '@apollo/federation-internals';
import { SUPERGRAPH_PATH } from '../src/compose-supergraph';
import { DEFAULT_OPERATION_LIMITS, measureOperation } from '../src/hardening/operation-limits';
import type { OperationLimits } from '../src/hardening/operation-limits';
import { collectRealOperations } from './support/real-operations';

/**
 * The limits are tuned to what the system really sends (ADR 0007): every operation written in our
 * clients and tests must stay well inside each of them, so a legitimate caller never meets one.
 * Depth gets an absolute margin (it is small and grows by one level at a time), the rest a ratio.
 */
const MARGIN: { [K in keyof OperationLimits]: (limit: number) => number } = {
  maxDepth: (limit) => limit - 3,
  maxAliases: (limit) => limit / 2,
  maxDirectives: (limit) => limit / 2,
  maxTokens: (limit) => limit / 2,
  maxCost: (limit) => limit / 2,
};

describe('the operation limits against our own operations', () => {
  // The schema clients see, so page sizes left to their defaults count as the gateway counts them.
  const apiSchema = Supergraph.build(readFileSync(SUPERGRAPH_PATH, 'utf8')).apiSchema().toGraphQLJSSchema();
  const operations = collectRealOperations().map((operation) => ({
    ...operation,
    measures: measureOperation(operation.source, apiSchema),
  }));

  it('finds the operations of the tests, the quick start and the clients', () => {
    expect(operations.length).toBeGreaterThanOrEqual(60);
    const files = new Set(operations.map((o) => o.file));
    expect([...files].some((f) => f.startsWith('test/e2e/'))).toBe(true);
    expect([...files].some((f) => f.startsWith('services/'))).toBe(true);
    expect(files.has('packages/stack/src/quick-start.ts')).toBe(true);
  });

  it.each(Object.keys(MARGIN) as (keyof OperationLimits)[])(
    'every operation stays well inside %s',
    (measure) => {
      const limit = DEFAULT_OPERATION_LIMITS[measure];
      const ceiling = MARGIN[measure](limit);
      const largest = operations.reduce((a, b) => (b.measures[measure] > a.measures[measure] ? b : a));
      console.log(
        `${measure}: limit ${limit}, largest of ${operations.length} real operations ${largest.measures[measure]} (${largest.file})`,
      );
      const over = operations
        .filter((o) => o.measures[measure] > ceiling)
        .map((o) => `${o.file}: ${o.measures[measure]} in ${o.source.replace(/\s+/g, ' ').slice(0, 100)}`);
      expect(over).toEqual([]);
    },
  );
});
