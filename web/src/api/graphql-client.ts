/** The gateway's GraphQL endpoint: same origin by default (the dashboard server passes it through). */
export const GATEWAY_URL: string = import.meta.env.VITE_GATEWAY_URL ?? '/graphql';

/** Files rendered by the gateway from a query (the exports issue), e.g. `${EXPORTS_BASE}/ledger.xlsx`. */
export const EXPORTS_BASE = new URL('/exports', new URL(GATEWAY_URL, window.location.href)).href;

export interface GraphQLErrorEntry {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string };
}

/** A failure the page shows: no data at all, or a refusal. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly status: number,
  ) {
    super(message);
  }
}

export interface GraphQLResult<T> {
  data: T;
  /** Errors on some fields while the rest resolved (e.g. a subgraph hiding a row). */
  partialErrors: GraphQLErrorEntry[];
}

/** Posts one operation with the signed-in user's bearer token; nothing else reaches the gateway. */
export async function requestGraphQL<T>(
  token: string,
  query: string,
  variables: Record<string, unknown> = {},
  signal?: AbortSignal,
): Promise<GraphQLResult<T>> {
  let response: Response;
  try {
    response = await fetch(GATEWAY_URL, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError('无法连接到网关，请稍后再试。', 'NETWORK', 0);
  }
  let body: { data?: T | null; errors?: GraphQLErrorEntry[] };
  try {
    body = (await response.json()) as typeof body;
  } catch {
    throw new ApiError(
      `网关返回了无法识别的应答（HTTP ${response.status}）。`,
      'BAD_RESPONSE',
      response.status,
    );
  }
  const errors = body.errors ?? [];
  if (!body.data) {
    const first = errors[0];
    throw new ApiError(first?.message ?? '请求失败', first?.extensions?.code ?? 'UNKNOWN', response.status);
  }
  return { data: body.data, partialErrors: errors };
}
