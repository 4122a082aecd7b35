import { RemoteGraphQLDataSource } from '@apollo/gateway';
import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { Fetcher, FetcherResponse } from '@apollo/utils.fetcher';
import { GraphQLError } from 'graphql';
import { INTERNAL_TOKEN_HEADER } from '@eco/auth';
import type { Principal } from '@eco/auth';

interface Context {
  principal: Principal;
}

/**
 * One subgraph, called with the gateway's token for the caller. A subgraph that refuses a request
 * as GraphQL (400 with a coded error: a Date its scalar rejects, a body over its cap) has answered
 * the caller: its first error goes on, as that subgraph's, instead of a bare "400: Bad Request"
 * that would leave the gateway as an internal error.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<Context> {
  constructor(
    private readonly serviceName: string,
    url: string,
    fetcher: Fetcher,
    private readonly signInternalToken: (principal: Principal) => Promise<string>,
  ) {
    super({ url, fetcher });
  }

  override async willSendRequest({
    request,
    context,
  }: GraphQLDataSourceProcessOptions<Context>): Promise<void> {
    // Only the caller's operations carry a principal; without one the subgraph refuses (401).
    const principal = (context as Partial<Context>).principal;
    if (principal) request.http?.headers.set(INTERNAL_TOKEN_HEADER, await this.signInternalToken(principal));
  }

  override async errorFromResponse(response: FetcherResponse): Promise<GraphQLError> {
    const body = await this.parseBody(response).catch(() => null);
    const first = (body as { errors?: { message?: unknown; extensions?: { code?: unknown } }[] } | null)
      ?.errors?.[0];
    const code = first?.extensions?.code;
    if (
      (response.status === 400 || response.status === 413) &&
      typeof first?.message === 'string' &&
      typeof code === 'string'
    )
      return new GraphQLError(first.message, { extensions: { code, serviceName: this.serviceName } });
    // Anything else is a transport failure: no code, so it leaves masked.
    return new GraphQLError(`${response.status}: ${response.statusText}`);
  }
}
