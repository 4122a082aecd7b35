import type { ApolloServer } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import type { Principal } from '@eco/auth';
import { ExportError, exportErrorFromGraphQL } from './export-errors';

export interface ExportOperation {
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
}

/** Runs one operation as the caller and answers its data, or throws the download's refusal. */
export type RunAsCaller = <T>(principal: Principal, operation: ExportOperation) => Promise<T>;

/**
 * A field the caller may not see inside an answer that otherwise resolved (a partner's view of a
 * leader's record): the API shows it as null, and so does the file. Anything else that failed
 * fails the download: a file silently missing rows is worse than none.
 */
function isHiddenField(
  error: GraphQLFormattedError,
  data: Record<string, unknown> | null | undefined,
): boolean {
  const root = error.path?.[0];
  return (
    error.extensions?.['code'] === 'FORBIDDEN' &&
    (error.path?.length ?? 0) > 1 &&
    typeof root === 'string' &&
    data?.[root] !== null &&
    data?.[root] !== undefined
  );
}

/**
 * Exports read through the gateway's own Apollo server with the caller's principal as context:
 * the same limits, admission checks, subgraph tokens, row-level scoping and error masking as a
 * request to /graphql, so a file shows exactly what the API would.
 */
export function createRunAsCaller(apollo: ApolloServer<{ principal: Principal }>): RunAsCaller {
  return async <T>(principal: Principal, operation: ExportOperation): Promise<T> => {
    const response = await apollo.executeOperation<Record<string, unknown>>(
      { query: operation.query, variables: operation.variables, operationName: operation.operationName },
      { contextValue: { principal } },
    );
    if (response.body.kind !== 'single')
      throw new ExportError(
        400,
        'EXPORT_INVALID_QUERY',
        'incremental delivery (@defer, @stream) cannot be exported',
      );
    const { data, errors } = response.body.singleResult;
    const blocking = (errors ?? []).filter((error) => !isHiddenField(error, data));
    if (blocking.length > 0 || !data)
      throw exportErrorFromGraphQL(blocking.length > 0 ? blocking : (errors ?? []));
    return data as T;
  };
}
