import { Agent, createServer, request } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RoundRobinProxy {
  url: string;
  /** Requests each upstream answered, in the order the upstreams were given. */
  readonly served: number[];
  stop(): Promise<void>;
}

/** Errors that prove the request never reached the upstream, so another replica may take it. */
const NOT_SENT = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENOTFOUND']);

/**
 * A tiny load balancer in front of a subgraph's replicas, as a Kubernetes Service would be: each
 * request goes to the next upstream; one that refuses the connection is skipped. A request cut off
 * after it was sent is never re-sent (it may have taken effect): the caller gets a 502.
 */
export async function startRoundRobinProxy(upstreams: string[]): Promise<RoundRobinProxy> {
  const targets = upstreams.map((u) => new URL(u));
  const served = targets.map(() => 0);
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  let next = 0;

  const forward = (index: number, req: IncomingMessage, body: Buffer) =>
    new Promise<IncomingMessage>((resolve, reject) => {
      const target = targets[index]!;
      const outgoing = request(
        {
          agent,
          host: target.hostname,
          port: target.port,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, host: target.host, 'content-length': String(body.length) },
        },
        resolve,
      );
      outgoing.once('error', reject);
      outgoing.end(body);
    });

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const first = next++ % targets.length;
    for (let attempt = 0; attempt < targets.length; attempt++) {
      const index = (first + attempt) % targets.length;
      try {
        const upstream = await forward(index, req, body);
        served[index]! += 1;
        res.writeHead(upstream.statusCode ?? 502, upstream.headers);
        upstream.pipe(res);
        return;
      } catch (error) {
        if (!NOT_SENT.has((error as NodeJS.ErrnoException).code ?? '')) break;
      }
    }
    res.writeHead(502, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({ errors: [{ message: 'no upstream answered', extensions: { code: 'BAD_GATEWAY' } }] }),
    );
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const path = targets[0]?.pathname ?? '/';
  return {
    url: `http://127.0.0.1:${port}${path}`,
    served,
    stop: () =>
      new Promise<void>((resolve) => {
        agent.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
