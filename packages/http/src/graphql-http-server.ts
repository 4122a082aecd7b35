import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HeaderMap } from '@apollo/server';
import type { ApolloServer, BaseContext } from '@apollo/server';
import type { Logger } from '@eco/logging';
import { sharedProbe } from './shared-probe';

export interface GraphQLHttpServerOptions<Ctx extends BaseContext> {
  apollo: ApolloServer<Ctx>;
  /** Builds the per-request context; throw a GraphQLError with `extensions.http.status` to refuse. */
  context: (request: IncomingMessage) => Promise<Ctx>;
  /** Readiness: dependencies reachable (database, bus). One check at a time, shared (sharedProbe). */
  ready: () => Promise<boolean>;
  logger: Logger;
  maxBodyBytes?: number;
  /** Wraps the execution of each GraphQL request (e.g. to count its SQL statements). */
  aroundRequest?: <T>(run: () => Promise<T>) => Promise<T>;
  /**
   * Routes served beside `/graphql` (the gateway's downloads): answers `true` when it handled the
   * request, `false` to let it fall through to the 404. An `HttpError` it throws is answered as JSON.
   */
  routes?: (exchange: HttpExchange) => Promise<boolean>;
}

/** One request to a route beside `/graphql`, with the server's body reader (and its size cap). */
export interface HttpExchange {
  request: IncomingMessage;
  response: ServerResponse;
  url: URL;
  readBody(): Promise<string>;
}

export interface RunningHttpServer {
  server: Server;
  url: string;
  port: number;
  /**
   * Stops taking connections and lets the requests in flight finish (each answer then closes its
   * connection, so a keep-alive client stops sending here); what is still open after `graceMs` is cut.
   */
  close(graceMs?: number): Promise<void>;
}

/** Long enough for any answer here; well inside the 40 s a pod is given to stop (infra). */
const DRAIN_MS = 10_000;

/** A refusal answered as `{ errors: [{ message, extensions: { code } }] }` with its status. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(body));
}

/** The request target; one that does not parse (`//`, `http://[`) is the client's error. */
function requestUrl(req: IncomingMessage): URL {
  try {
    return new URL(req.url ?? '/', 'http://localhost');
  } catch {
    throw new HttpError(400, 'BAD_REQUEST', 'malformed request target');
  }
}

/**
 * The request body, at most `maxBytes`. Past the cap it stops keeping what arrives but goes on
 * reading (and dropping) it: a request stream destroyed mid-body takes the socket with it, and the
 * 413 never leaves. The answer closes the connection, so a client still sending is cut off there.
 */
function readBody(req: IncomingMessage, maxBytes: number): Promise<string> {
  const tooLarge = () => new HttpError(413, 'PAYLOAD_TOO_LARGE', `request body exceeds ${maxBytes} bytes`);
  if (Number(req.headers['content-length'] ?? 0) > maxBytes) return Promise.reject(tooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    req.on('data', (chunk: Buffer) => {
      if (refused) return;
      size += chunk.length;
      if (size <= maxBytes) return void chunks.push(chunk);
      refused = true;
      chunks.length = 0;
      reject(tooLarge());
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    // The client went away mid-body (ECONNRESET, "aborted"): nothing of ours failed.
    const incomplete = () =>
      reject(new HttpError(400, 'BAD_REQUEST', 'request body was not received completely'));
    req.on('error', incomplete);
    req.on('close', () => {
      if (!req.complete) incomplete();
    });
  });
}

/**
 * Serves an Apollo Server on node:http (Apollo's documented integration contract) with the two
 * probes every service has: `/health` (the process answers) and `/ready` (its dependencies do).
 */
export async function startGraphQLHttpServer<Ctx extends BaseContext>(
  options: GraphQLHttpServerOptions<Ctx>,
  port: number,
  host = '127.0.0.1',
): Promise<RunningHttpServer> {
  const { apollo, logger, maxBodyBytes = 1_000_000 } = options;
  const around = options.aroundRequest ?? ((run) => run());
  // /ready answers anyone: one check at a time, however many ask at once.
  const ready = sharedProbe(options.ready);

  // Answers not yet sent: once the server is closing, each tells its client to close the connection.
  const unanswered = new Set<ServerResponse>();
  let closing = false;
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    if (closing) res.setHeader('connection', 'close');
    unanswered.add(res);
    res.once('close', () => unanswered.delete(res));
    const url = requestUrl(req);
    if (url.pathname === '/health') return sendJson(res, 200, { status: 'ok' });
    if (url.pathname === '/ready') {
      const ok = await ready();
      return sendJson(res, ok ? 200 : 503, { status: ok ? 'ready' : 'not ready' });
    }
    if (
      url.pathname !== '/graphql' &&
      options.routes &&
      (await options.routes({
        request: req,
        response: res,
        url,
        readBody: () => readBody(req, maxBodyBytes),
      }))
    )
      return;
    if (url.pathname !== '/graphql')
      return sendJson(res, 404, { errors: [{ message: 'not found', extensions: { code: 'NOT_FOUND' } }] });

    let body: unknown;
    if (req.method === 'POST') {
      const text = await readBody(req, maxBodyBytes);
      try {
        body = text.length > 0 ? JSON.parse(text) : undefined;
      } catch {
        throw new HttpError(400, 'BAD_REQUEST', 'request body is not valid JSON');
      }
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const result = await around(() =>
      apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
        context: () => options.context(req),
      }),
    );
    res.statusCode = result.status ?? 200;
    for (const [key, value] of result.headers) res.setHeader(key, value);
    if (result.body.kind === 'complete') {
      res.end(result.body.string);
      return;
    }
    for await (const chunk of result.body.asyncIterator) res.write(chunk);
    res.end();
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (error instanceof HttpError) {
        // Refused mid-body: the rest is not worth reading, so the connection ends with the answer.
        if (error.status === 413) res.setHeader('connection', 'close');
        sendJson(res, error.status, {
          errors: [{ message: error.message, extensions: { code: error.code } }],
        });
        return;
      }
      logger.error({ err: error }, 'unhandled HTTP error');
      if (!res.headersSent)
        sendJson(res, 500, {
          errors: [{ message: 'Internal error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
        });
      else res.end();
    });
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const actualPort = (server.address() as AddressInfo).port;
  return {
    server,
    port: actualPort,
    url: `http://${host}:${actualPort}/graphql`,
    close: (graceMs = DRAIN_MS) =>
      new Promise<void>((resolve) => {
        closing = true;
        for (const res of unanswered) if (!res.headersSent) res.setHeader('connection', 'close');
        const cut = setTimeout(() => server.closeAllConnections(), graceMs);
        server.close(() => {
          clearTimeout(cut);
          resolve();
        });
        server.closeIdleConnections();
      }),
  };
}
