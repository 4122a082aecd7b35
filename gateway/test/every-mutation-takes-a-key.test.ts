import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, getNamedType, isInputObjectType } from 'graphql';

/**
 * Issue #9: every write mutation takes an idempotency key (the subgraph runtime enforces it for
 * any mutation that declares one). Checked on the composed supergraph, so a new mutation without
 * `idempotencyKey` in its input fails here.
 */
describe('the supergraph', () => {
  const schema = buildSchema(readFileSync(join(__dirname, '..', 'supergraph.graphql'), 'utf8'));
  const mutations = Object.values(schema.getMutationType()!.getFields());

  it.each(mutations.map((field) => [field.name, field] as const))(
    '%s takes an idempotency key',
    (_name, field) => {
      const input = field.args.find((arg) => arg.name === 'input');
      const inputType = input ? getNamedType(input.type) : null;
      const inInput =
        inputType !== null && isInputObjectType(inputType) && 'idempotencyKey' in inputType.getFields();
      const topLevel = field.args.some((arg) => arg.name === 'idempotencyKey');
      expect(inInput || topLevel).toBe(true);
    },
  );
});
