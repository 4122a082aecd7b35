import { Agent, fetch as undiciFetch } from 'undici';
import type { Fetcher } from '@apollo/utils.fetcher';

/**
 * Subgraph calls over pooled keep-alive connections. Apollo Gateway's default fetcher
 * (make-fetch-happen) measured 19 % of direct-subgraph throughput here; a keep-alive undici agent
 * 44–48 % (issue #2).
 */
export function createKeepAliveFetcher(connectionsPerSubgraph = 64): {
  fetcher: Fetcher;
  close(): Promise<void>;
} {
  const dispatcher = new Agent({
    connections: connectionsPerSubgraph,
    keepAliveTimeout: 60_000,
    pipelining: 1,
  });
  const fetcher = ((url: string, init?: Parameters<typeof undiciFetch>[1]) =>
    undiciFetch(url, { ...init, dispatcher })) as unknown as Fetcher;
  return { fetcher, close: () => dispatcher.close() };
}
