import { useCallback, useEffect, useState } from 'react';
import { useSession } from '../session/session-context';
import { ApiError, requestGraphQL } from './graphql-client';
import type { GraphQLErrorEntry } from './graphql-client';

export interface QueryState<T> {
  data: T | null;
  error: ApiError | null;
  partialErrors: GraphQLErrorEntry[];
  loading: boolean;
  reload(): void;
}

/** Runs a query with the session's token whenever the query or its variables change. */
export function useGraphQL<T>(
  query: string,
  variables: Record<string, unknown> = {},
  options: { skip?: boolean } = {},
): QueryState<T> {
  const { token } = useSession();
  const [state, setState] = useState<Omit<QueryState<T>, 'reload'>>({
    data: null,
    error: null,
    partialErrors: [],
    loading: !options.skip,
  });
  const [generation, setGeneration] = useState(0);
  const key = JSON.stringify(variables);

  useEffect(() => {
    if (options.skip) return;
    const controller = new AbortController();
    setState((s) => ({ ...s, loading: true, error: null }));
    requestGraphQL<T>(token, query, JSON.parse(key) as Record<string, unknown>, controller.signal).then(
      ({ data, partialErrors }) => setState({ data, partialErrors, error: null, loading: false }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const apiError = error instanceof ApiError ? error : new ApiError(String(error), 'UNKNOWN', 0);
        setState({ data: null, partialErrors: [], error: apiError, loading: false });
      },
    );
    return () => controller.abort();
  }, [token, query, key, generation, options.skip]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { ...state, reload };
}

/** Sends a mutation with the session's token. */
export function useMutation<T>() {
  const { token } = useSession();
  return useCallback(
    async (mutation: string, variables: Record<string, unknown>) =>
      (await requestGraphQL<T>(token, mutation, variables)).data,
    [token],
  );
}
