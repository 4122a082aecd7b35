import { ApolloArmor } from '@escape.tech/graphql-armor';
import { buildSchema, Lexer, parse, Source, TokenKind, validate } from 'graphql';
import type { ParseOptions, ValidationRule } from 'graphql';

/**
 * How big one operation may be. The numbers and why they are what they are: ADR 0007. They are
 * checked against every operation the system's own clients and tests send
 * (gateway/test/real-operations.test.ts), so a legitimate operation never meets one.
 */
export interface OperationLimits {
  /** Nesting of selection sets; a fragment is inlined where it is spread (no extra level). */
  maxDepth: number;
  /** Aliased fields in one operation (`__typename` free): what an alias bomb multiplies. */
  maxAliases: number;
  /** Directives in one operation. */
  maxDirectives: number;
  /** Lexical tokens in the document: bounds parsing before anything else runs. */
  maxTokens: number;
  /** graphql-armor's static cost: objects 2, scalars 1, ×1.5 per level, × a literal `first`. */
  maxCost: number;
}

export const DEFAULT_OPERATION_LIMITS: OperationLimits = {
  maxDepth: 10,
  maxAliases: 50,
  maxDirectives: 10,
  maxTokens: 1000,
  maxCost: 40_000,
};

type ArmorConfig = NonNullable<ConstructorParameters<typeof ApolloArmor>[0]>;
type Observer = (measure: keyof OperationLimits, value: number) => void;

/** One armor configuration for enforcing and for measuring, so the two always count alike. */
function armorConfig(limits: Omit<OperationLimits, 'maxTokens'>, observe?: Observer): ArmorConfig {
  const observed = (measure: keyof OperationLimits) =>
    observe ? { onAccept: [(_: unknown, details: { n: number }) => observe(measure, details.n)] } : {};
  return {
    maxDepth: { n: limits.maxDepth, flattenFragments: true, ...observed('maxDepth') },
    maxAliases: { n: limits.maxAliases, ...observed('maxAliases') },
    maxDirectives: { n: limits.maxDirectives, ...observed('maxDirectives') },
    costLimit: { maxCost: limits.maxCost, flattenFragments: true, ...observed('maxCost') },
    // armor's token plugin throws from a parsing hook, which Apollo Server 5 answers with a 500;
    // graphql-js's own `maxTokens` (below) answers 400 GRAPHQL_PARSE_FAILED and stops lexing there.
    maxTokens: { enabled: false },
    // Suggestions are stripped by the gateway's error formatter: armor's regex misses enum values.
    blockFieldSuggestion: { enabled: false },
  };
}

/** What the Apollo server needs to enforce the limits. */
export interface OperationLimitEnforcement {
  validationRules: ValidationRule[];
  parseOptions: ParseOptions;
}

/** graphql-armor's depth, alias, directive and cost rules, plus the parser's token limit. */
export function enforceOperationLimits(limits: OperationLimits): OperationLimitEnforcement {
  const { validationRules } = new ApolloArmor(armorConfig(limits)).protect();
  return { validationRules, parseOptions: { maxTokens: limits.maxTokens } };
}

export type OperationMeasures = Record<keyof OperationLimits, number>;

// The armor rules look only at the document, never at types: any schema serves to run them.
const ANY_SCHEMA = buildSchema('type Query { _: Boolean }');

/**
 * Measures a document as the limits see it (the largest of its operations): the same armor rules
 * run with no ceiling and report what they counted.
 */
export function measureOperation(source: string): OperationMeasures {
  const measures: OperationMeasures = {
    maxDepth: 0,
    maxAliases: 0,
    maxDirectives: 0,
    maxTokens: 0,
    maxCost: 0,
  };
  const unlimited = Number.MAX_SAFE_INTEGER;
  const config = armorConfig(
    { maxDepth: unlimited, maxAliases: unlimited, maxDirectives: unlimited, maxCost: unlimited },
    (measure, value) => (measures[measure] = Math.max(measures[measure], value)),
  );
  validate(ANY_SCHEMA, parse(source), new ApolloArmor(config).protect().validationRules);
  const lexer = new Lexer(new Source(source));
  while (lexer.advance().kind !== TokenKind.EOF) measures.maxTokens++;
  return measures;
}
