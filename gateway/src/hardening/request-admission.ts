import type { ApolloServerPlugin } from '@apollo/server';
import { BREAK, getVariableValues, GraphQLError, visit } from 'graphql';
import type { DocumentNode } from 'graphql';

/** Enough to tell a caller what is wrong; graphql-js would list one error per bad list element. */
const MAX_VARIABLE_ERRORS = 10;

const refuse = (message: string, code = 'OPERATION_RESOLUTION_FAILURE') =>
  new GraphQLError(message, { extensions: { code, http: { status: 400 } } });

/**
 * How deep variables may nest. No input type here nests more than a few levels (a filter's list
 * of statuses is 3), but a custom scalar (Date, DateTime) takes any JSON at the gateway, and the
 * gateway's own JSON.stringify of 100,000 nested arrays, forwarding the variables, overflows the
 * stack: an internal error instead of a 400 (found in review).
 */
const MAX_VARIABLE_DEPTH = 32;

type VariableProblem = 'nul' | 'too deep' | null;

/** Walks with a stack of its own: variables may nest 100,000 levels deep within the body cap. */
function variableProblem(root: unknown): VariableProblem {
  const pending: [unknown, number][] = [[root, 0]];
  while (pending.length > 0) {
    const [value, depth] = pending.pop()!;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) return 'nul';
      continue;
    }
    if (!value || typeof value !== 'object') continue;
    if (depth >= MAX_VARIABLE_DEPTH) return 'too deep';
    if (Array.isArray(value)) for (const item of value) pending.push([item, depth + 1]);
    else {
      for (const [key, child] of Object.entries(value)) {
        if (key.includes('\u0000')) return 'nul';
        pending.push([child, depth + 1]);
      }
    }
  }
  return null;
}

/** Apollo Server hands the same parsed document for the same query text: each is walked once. */
const nulInDocument = new WeakMap<DocumentNode, boolean>();

function documentHoldsNul(document: DocumentNode): boolean {
  const known = nulInDocument.get(document);
  if (known !== undefined) return known;
  let found = false;
  visit(document, {
    StringValue(node) {
      if (!node.value.includes('\u0000')) return undefined;
      found = true;
      return BREAK;
    },
  });
  nulInDocument.set(document, found);
  return found;
}

/**
 * The last check before the gateway plans and executes an operation.
 * - Apollo Server hands a document whose operation it could not pick (several unnamed, an unknown
 *   `operationName`) or a subscription to the gateway's executor, which throws: a 500. These are
 *   the caller's mistakes, refused here with a 400.
 * - The gateway coerces variables with no bound on errors: 20,000 bad list elements made 20,000
 *   errors and a 4 MB answer. Coercing here first stops at a few.
 * - PostgreSQL text cannot hold U+0000, and no honest caller sends it: a NUL in any string, in
 *   the variables or the document, is refused here rather than met as a database error later.
 * - Variables nested deeper than MAX_VARIABLE_DEPTH are refused before anything forwards them.
 */
export const requestAdmissionPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ document, operation, request, schema }) {
        if (!operation) {
          throw refuse(
            typeof request.operationName === 'string'
              ? 'no operation with that name in the document'
              : 'the document has several operations: name the one to run',
          );
        }
        if (operation.operation === 'subscription') throw refuse('subscriptions are not supported');
        const problem = variableProblem(request.variables);
        if (problem === 'too deep')
          throw refuse(`variables may nest at most ${MAX_VARIABLE_DEPTH} levels`, 'BAD_USER_INPUT');
        if (problem === 'nul' || documentHoldsNul(document))
          throw refuse('strings may not contain the NUL character (U+0000)', 'BAD_USER_INPUT');
        const definitions = operation.variableDefinitions ?? [];
        if (definitions.length === 0) return;
        const { errors } = getVariableValues(schema, definitions, request.variables ?? {}, {
          maxErrors: MAX_VARIABLE_ERRORS,
        });
        if (errors && errors.length > 0) {
          const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
          throw refuse(`${errors[0]!.message}${more}`, 'BAD_USER_INPUT');
        }
      },
    };
  },
};
