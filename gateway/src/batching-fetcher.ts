import type { Fetcher, FetcherRequestInit, FetcherResponse } from '@apollo/utils.fetcher';
import { BufferedResponse } from './keep-alive-fetcher';

/** Most operations one batch carries. */
const MAX_BATCH = 32;

interface Waiting {
  url: string;
  init: FetcherRequestInit & { body: string };
  resolve(response: FetcherResponse): void;
  reject(error: unknown): void;
}

/**
 * The gateway's plan fetches one subgraph several times at the same moment (an inbox page asks
 * rectification for its measures and, in parallel, for its problems; then agencies for four sets
 * of names at once). Each fetch is an HTTP exchange, a context and a read transaction in the
 * subgraph, and on this machine system calls and per-request overhead dominate the cost. This
 * fetcher gathers the queries the gateway sends to one subgraph, for one caller, within one turn
 * of the event loop and sends them as one Apollo Server batch (a JSON array; subgraphs allow it),
 * then hands each fetch its own answer.
 *
 * Only queries are batched, never mutations. Only requests with identical headers share a batch:
 * the gateway's token names the caller, and a batch runs under one context. If the batch is not
 * answered with 200 and one result per operation (a subgraph refusing one operation answers the
 * whole batch with its status), each operation is sent again on its own, so every fetch gets the
 * answer it would have had unbatched.
 */
export function createBatchingFetcher(fetcher: Fetcher): Fetcher {
  const gathering = new Map<string, Waiting[]>();

  const sendAlone = (waiting: Waiting) =>
    fetcher(waiting.url, waiting.init).then(waiting.resolve, waiting.reject);

  const flush = async (batch: Waiting[]) => {
    if (batch.length === 1) {
      await sendAlone(batch[0]!);
      return;
    }
    const [first] = batch;
    let answers: unknown[] | null = null;
    let response: FetcherResponse | undefined;
    try {
      response = await fetcher(first!.url, {
        ...first!.init,
        body: `[${batch.map((waiting) => waiting.init.body).join(',')}]`,
      });
      const parsed: unknown = response.status === 200 ? await response.json() : await response.text();
      if (Array.isArray(parsed) && parsed.length === batch.length) answers = parsed;
    } catch {
      answers = null;
    }
    if (!answers || !response) {
      await Promise.all(batch.map(sendAlone));
      return;
    }
    batch.forEach((waiting, i) =>
      waiting.resolve(new BufferedResponse(waiting.url, 200, response.headers, { parsed: answers[i] })),
    );
  };

  return (url, init) => {
    const body = init?.body;
    // Apollo Gateway's request bodies start with the operation: `{"query":"query …` or `…"mutation …`.
    if (init?.method !== 'POST' || typeof body !== 'string' || !body.startsWith('{"query":"query')) {
      return fetcher(url, init);
    }
    const key = `${url}\n${JSON.stringify(init.headers ?? {})}`;
    return new Promise<FetcherResponse>((resolve, reject) => {
      let batch = gathering.get(key);
      if (!batch) {
        const opened: Waiting[] = [];
        gathering.set(key, opened);
        setImmediate(() => {
          if (gathering.get(key) === opened) gathering.delete(key);
          void flush(opened);
        });
        batch = opened;
      }
      batch.push({ url, init: { ...init, body }, resolve, reject });
      // A full batch leaves at its turn; the next fetch opens another.
      if (batch.length >= MAX_BATCH) gathering.delete(key);
    });
  };
}
