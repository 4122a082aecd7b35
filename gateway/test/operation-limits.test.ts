import { parse, validate, buildSchema } from 'graphql';
import {
  DEFAULT_OPERATION_LIMITS,
  enforceOperationLimits,
  measureOperation,
  PAGE_CAP,
} from '../src/hardening/operation-limits';

const schema = buildSchema(
  'type Query { a: A, s: String } type A { a: A, s: String, list(first: Int): [A], page(first: Int = 20): [A] }',
);
const limits = { maxDepth: 4, maxAliases: 3, maxDirectives: 2, maxTokens: 40, maxCost: 200 };
const { validationRules, parseOptions } = enforceOperationLimits(limits);

function problems(source: string): string[] {
  return validate(schema, parse(source, parseOptions), validationRules).map((e) => e.message);
}

const nested = (levels: number) => `${'{ a '.repeat(levels)}{ s }${' }'.repeat(levels)}`;

describe('operation limits', () => {
  it('measures depth with fragments inlined, aliases, directives, tokens and cost', () => {
    expect(measureOperation('{ a { a { s } } }')).toEqual({
      maxDepth: 3,
      maxAliases: 0,
      maxDirectives: 0,
      maxTokens: 9,
      maxCost: 2 + 1.5 * (2 + 1.5 * 1),
    });
    expect(measureOperation('query Q { ...F } fragment F on Query { a { s } }').maxDepth).toBe(2);
    expect(measureOperation('{ x: s y: s __typename t: __typename }').maxAliases).toBe(2);
    expect(measureOperation('{ s @include(if: true) a @skip(if: false) { s } }').maxDirectives).toBe(2);
    // A literal page size multiplies what the page holds.
    expect(measureOperation('{ a { list(first: 10) { s } } }').maxCost).toBe(2 + 1.5 * (2 + 1.5 * 1) * 10);
  });

  it('counts a page size given by a variable at the page cap, and one left out at its default', () => {
    // a: 2 + 1.5 × the list; the list: (2 + 1.5 × one scalar) × its page size.
    const cost = (pageSize: number) => 2 + 1.5 * (2 + 1.5 * 1) * pageSize;
    // Found in review: with a variable, armor multiplied by 1, so aliased pages of 200 cost as one row.
    expect(measureOperation('query($n: Int) { a { list(first: $n) { s } } }').maxCost).toBe(cost(PAGE_CAP));
    expect(measureOperation('{ a { list(first: null) { s } } }').maxCost).toBe(cost(PAGE_CAP));
    // The default needs the schema to be known; without one it cannot be counted.
    expect(measureOperation('{ a { page { s } } }', schema).maxCost).toBe(cost(20));
    expect(measureOperation('{ a { page(first: 5) { s } } }', schema).maxCost).toBe(cost(5));
    expect(measureOperation('{ a { list { s } } }', schema).maxCost).toBe(cost(1));
  });

  it('refuses many pages asked through a variable, as it refuses them written out', () => {
    const pages = (first: string) =>
      `query($n: Int) { ${['p', 'q', 'r'].map((x) => `${x}: a { list(first: ${first}) { s } }`).join(' ')} }`;
    const costly = { ...limits, maxAliases: 10, maxTokens: 100, maxCost: 2_000 };
    const enforced = enforceOperationLimits(costly);
    const check = (source: string) =>
      validate(schema, parse(source, enforced.parseOptions), enforced.validationRules).map((e) => e.message);
    expect(check(pages('200'))).toEqual([expect.stringContaining('Cost limit of 2000 exceeded')]);
    expect(check(pages('$n'))).toEqual([expect.stringContaining('Cost limit of 2000 exceeded')]);
    expect(check(pages('10'))).toEqual([]);
  });

  it('measures the largest operation of a document', () => {
    expect(measureOperation('query A { s } query B { a { a { s } } }').maxDepth).toBe(3);
  });

  it('lets an operation at every limit through', () => {
    expect(problems(nested(3))).toEqual([]);
    expect(problems('{ x: s y: s z: s }')).toEqual([]);
    expect(problems('{ s @include(if: true) t: s @skip(if: false) }')).toEqual([]);
  });

  it('refuses an operation one past a limit, naming the limit', () => {
    expect(problems(nested(4))).toEqual([expect.stringContaining('depth limit of 4 exceeded')]);
    expect(problems('{ w: s x: s y: s z: s }')).toEqual([
      expect.stringContaining('Aliases limit of 3 exceeded'),
    ]);
    expect(problems('{ s @include(if: true) @skip(if: false) t: s @include(if: true) }')).toEqual([
      expect.stringContaining('Directives limit of 2 exceeded'),
    ]);
    expect(problems('{ a { list(first: 100) { s } } }')).toEqual([
      expect.stringContaining('Cost limit of 200 exceeded'),
    ]);
  });

  it('stops parsing at the token limit', () => {
    expect(() => parse(`{ ${'s '.repeat(40)} }`, parseOptions)).toThrow(/more tha[nt] 40 tokens/);
    expect(() => parse(`{ ${'s '.repeat(30)} }`, parseOptions)).not.toThrow();
    // The measure counts exactly what the parser counts.
    const source = '{ a { a { s } } }';
    const tokens = measureOperation(source).maxTokens;
    expect(() => parse(source, { maxTokens: tokens })).not.toThrow();
    expect(() => parse(source, { maxTokens: tokens - 1 })).toThrow();
  });

  it('survives cyclic fragments without looping (validation reports the cycle)', () => {
    const source = '{ ...F } fragment F on Query { a { ...G } } fragment G on A { a { s } ...G }';
    expect(() => measureOperation(source)).not.toThrow();
    expect(() => problems(source)).not.toThrow();
  });

  it('keeps defaults above the armor defaults that our own operations would meet', () => {
    expect(DEFAULT_OPERATION_LIMITS.maxDepth).toBeGreaterThanOrEqual(6);
    expect(DEFAULT_OPERATION_LIMITS.maxTokens).toBeGreaterThanOrEqual(1000);
  });
});
