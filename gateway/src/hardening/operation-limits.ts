import { ApolloArmor } from '@escape.tech/graphql-armor';
// The module alone (as compose-supergraph takes operations-schema): not the subgraph runtime.
import { MAX_PAGE_SIZE } from '@eco/subgraph/src/cursor';
import {
  buildSchema,
  Kind,
  Lexer,
  parse,
  Source,
  TokenKind,
  TypeInfo,
  validate,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import type { ArgumentNode, DocumentNode, GraphQLSchema, ParseOptions, ValidationRule } from 'graphql';

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
  /** graphql-armor's static cost: objects 2, scalars 1, ×1.5 per level, × the page size asked. */
  maxCost: number;
}

export const DEFAULT_OPERATION_LIMITS: OperationLimits = {
  maxDepth: 10,
  maxAliases: 50,
  maxDirectives: 10,
  maxTokens: 1000,
  maxCost: 150_000,
};

type ArmorConfig = NonNullable<ConstructorParameters<typeof ApolloArmor>[0]>;
type Observer = (measure: keyof OperationLimits, value: number) => void;

/** The largest page a paginated field answers: the subgraphs refuse more. */
export const PAGE_CAP = MAX_PAGE_SIZE;

const PAGE_ARGUMENTS = new Set(['first', 'last']);
const intArgument = (name: string, value: number): ArgumentNode => ({
  kind: Kind.ARGUMENT,
  name: { kind: Kind.NAME, value: name },
  value: { kind: Kind.INT, value: String(value) },
});

/**
 * armor multiplies a list's cost by its `first`/`last` only when the number is written in the
 * document. Given by a variable, or left to the argument's default, it counted once, so fifty
 * aliased 200-row pages cost what fifty rows do. Before armor counts, each is written in: a
 * variable (or null) at the page cap, the most it can ask for; an absent one at the field's
 * declared default.
 */
export function withPageSizesWritten(
  document: DocumentNode,
  schema: GraphQLSchema,
  pageCap = PAGE_CAP,
): DocumentNode {
  const typeInfo = new TypeInfo(schema);
  return visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const args = node.arguments ?? [];
        // Not a number in the document: a variable, or null (the default then).
        const unwritten = (a: ArgumentNode) => PAGE_ARGUMENTS.has(a.name.value) && a.value.kind !== Kind.INT;
        if (args.some((a) => PAGE_ARGUMENTS.has(a.name.value))) {
          return args.some(unwritten)
            ? { ...node, arguments: args.map((a) => (unwritten(a) ? intArgument(a.name.value, pageCap) : a)) }
            : undefined;
        }
        const first = typeInfo.getFieldDef()?.args.find((a) => a.name === 'first');
        if (typeof first?.defaultValue !== 'number') return undefined;
        return { ...node, arguments: [...args, intArgument('first', first.defaultValue)] };
      },
    }),
  );
}

const observed = (observe: Observer | undefined, measure: keyof OperationLimits) =>
  observe ? { onAccept: [(_: unknown, details: { n: number }) => observe(measure, details.n)] } : {};

const DISABLED = { enabled: false };

/** armor's depth, alias and directive rules; one configuration for enforcing and for measuring. */
function shapeRules(
  limits: Omit<OperationLimits, 'maxTokens' | 'maxCost'>,
  observe?: Observer,
): ValidationRule[] {
  const config: ArmorConfig = {
    maxDepth: { n: limits.maxDepth, flattenFragments: true, ...observed(observe, 'maxDepth') },
    maxAliases: { n: limits.maxAliases, ...observed(observe, 'maxAliases') },
    maxDirectives: { n: limits.maxDirectives, ...observed(observe, 'maxDirectives') },
    costLimit: DISABLED,
    // armor's token plugin throws from a parsing hook, which Apollo Server 5 answers with a 500;
    // graphql-js's own `maxTokens` (below) answers 400 GRAPHQL_PARSE_FAILED and stops lexing there.
    maxTokens: DISABLED,
    // Suggestions are stripped by the gateway's error formatter: armor's regex misses enum values.
    blockFieldSuggestion: DISABLED,
  };
  return new ApolloArmor(config).protect().validationRules;
}

/** armor's cost rule, run on the document with its page sizes written in (withPageSizesWritten). */
function costRule(maxCost: number, observe?: Observer): ValidationRule {
  const { validationRules } = new ApolloArmor({
    maxDepth: DISABLED,
    maxAliases: DISABLED,
    maxDirectives: DISABLED,
    maxTokens: DISABLED,
    blockFieldSuggestion: DISABLED,
    costLimit: { maxCost, flattenFragments: true, ...observed(observe, 'maxCost') },
  }).protect();
  return (context) => ({
    Document(document) {
      const schema = context.getSchema();
      for (const error of validate(schema, withPageSizesWritten(document, schema), validationRules)) {
        context.reportError(error);
      }
      return false;
    },
  });
}

/** What the Apollo server needs to enforce the limits. */
export interface OperationLimitEnforcement {
  validationRules: ValidationRule[];
  parseOptions: ParseOptions;
}

/** graphql-armor's depth, alias, directive and cost rules, plus the parser's token limit. */
export function enforceOperationLimits(limits: OperationLimits): OperationLimitEnforcement {
  return {
    validationRules: [...shapeRules(limits), costRule(limits.maxCost)],
    parseOptions: { maxTokens: limits.maxTokens },
  };
}

export type OperationMeasures = Record<keyof OperationLimits, number>;

// Only the page sizes' defaults need types (withPageSizesWritten); without a schema none are known.
const ANY_SCHEMA = buildSchema('type Query { _: Boolean }');

/**
 * Measures a document as the limits see it (the largest of its operations): the same rules run
 * with no ceiling and report what they counted. Give the schema the gateway serves to count page
 * sizes left to their defaults as it does.
 */
export function measureOperation(source: string, schema: GraphQLSchema = ANY_SCHEMA): OperationMeasures {
  const measures: OperationMeasures = {
    maxDepth: 0,
    maxAliases: 0,
    maxDirectives: 0,
    maxTokens: 0,
    maxCost: 0,
  };
  const unlimited = Number.MAX_SAFE_INTEGER;
  const observe: Observer = (measure, value) => (measures[measure] = Math.max(measures[measure], value));
  validate(schema, parse(source), [
    ...shapeRules({ maxDepth: unlimited, maxAliases: unlimited, maxDirectives: unlimited }, observe),
    costRule(unlimited, observe),
  ]);
  const lexer = new Lexer(new Source(source));
  while (lexer.advance().kind !== TokenKind.EOF) measures.maxTokens++;
  return measures;
}
