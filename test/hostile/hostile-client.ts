import { request as httpRequest } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';

/** One request exactly as written: method, target, headers and body bytes are not normalised. */
export interface RawRequest {
  method?: string;
  /** The request target, `/graphql` unless given (may carry a query string or be malformed). */
  target?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export interface RawResponse {
  /** 0 when no response came (connection refused or reset, timeout). */
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  json: any;
  /** Why no response came. */
  failure?: string;
  ms: number;
}

const MAX_READ = 4 * 1024 * 1024;

/** Sends `request` to the server at `origin` on a fresh connection and reads the whole answer. */
export function sendRaw(origin: URL, request: RawRequest, timeoutMs = 20_000): Promise<RawResponse> {
  const started = Date.now();
  return new Promise((resolve) => {
    let settled = false;
    const finish = (response: Omit<RawResponse, 'ms'>) => {
      if (settled) return;
      settled = true;
      resolve({ ...response, ms: Date.now() - started });
    };
    const body = request.body === undefined ? undefined : Buffer.from(request.body);
    const req = httpRequest(
      {
        host: origin.hostname,
        port: origin.port,
        method: request.method ?? 'POST',
        path: request.target ?? '/graphql',
        agent: false,
        headers: {
          ...(body ? { 'content-length': String(body.length) } : {}),
          ...request.headers,
        },
        timeout: timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size <= MAX_READ) chunks.push(chunk);
        });
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown;
          try {
            json = JSON.parse(text);
          } catch {
            json = undefined;
          }
          finish({ status: res.statusCode ?? 0, headers: res.headers, text, json });
        });
        res.on('error', (error) =>
          finish({ status: 0, headers: {}, text: '', json: undefined, failure: error.message }),
        );
      },
    );
    req.on('timeout', () => {
      req.destroy(new Error(`no answer within ${timeoutMs} ms`));
    });
    req.on('error', (error) =>
      finish({ status: 0, headers: {}, text: '', json: undefined, failure: error.message }),
    );
    if (body) req.write(body);
    req.end();
  });
}
