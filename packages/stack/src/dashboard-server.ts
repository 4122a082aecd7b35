import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { signUserToken } from '@eco/auth';
import type { Role } from '@eco/auth';
import { DEMO_AGENCIES, DEMO_PEOPLE, demoPerson } from '@eco/demo-data';
import type { Logger } from '@eco/logging';
import { DASHBOARD_DIST } from './dashboard-build';

export interface DashboardServerOptions {
  /** The gateway's GraphQL endpoint; `/graphql` and `/exports/*` are passed through to its origin. */
  gatewayUrl: string;
  logger: Logger;
  distDir?: string;
  port?: number;
  host?: string;
  /**
   * Development only (the quick start and the tests): lists the demo people and signs a token for
   * the one picked. A deployment signs people in through the city's SSO and never sets this.
   */
  demoSignIn?: { issuer: string; audience: string; hs256Secret: string };
}

export interface RunningDashboard {
  url: string;
  port: number;
  stop(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
};

const DEMO_TOKEN_TTL_SECONDS = 8 * 3600;

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

async function readJson(req: IncomingMessage, maxBytes = 4096): Promise<unknown> {
  let text = '';
  for await (const chunk of req) {
    text += (chunk as Buffer).toString();
    if (text.length > maxBytes) throw new Error('body too large');
  }
  return JSON.parse(text || '{}');
}

function demoUsers() {
  const agencyNames = new Map(DEMO_AGENCIES.map((a) => [a.code, a.name]));
  return DEMO_PEOPLE.map((p) => ({
    code: p.code,
    name: p.name,
    title: p.title,
    agencyName: agencyNames.get(p.agencyCode) ?? p.agencyCode,
    roles: p.roles,
    partner: p.roles.includes('PARTNER_USER'),
  }));
}

/** Passes a request through to the gateway unchanged (the browser then talks to one origin). */
function proxy(req: IncomingMessage, res: ServerResponse, target: URL, logger: Logger): void {
  const upstream = httpRequest(
    target,
    { method: req.method, headers: { ...req.headers, host: target.host } },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  upstream.once('error', (error) => {
    logger.warn({ err: error }, 'dashboard: gateway unreachable');
    if (!res.headersSent)
      sendJson(res, 502, { errors: [{ message: '网关暂不可用', extensions: { code: 'BAD_GATEWAY' } }] });
    else res.end();
  });
  req.pipe(upstream);
}

function serveStatic(res: ServerResponse, distDir: string, pathname: string): void {
  const relative = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '');
  let file = join(distDir, relative);
  if (!file.startsWith(distDir + sep) && file !== distDir) return sendJson(res, 404, { error: 'not found' });
  // Pages are hash-routed; any path without a file extension gets the app itself.
  if (!existsSync(file) || statSync(file).isDirectory()) {
    if (extname(relative)) return sendJson(res, 404, { error: 'not found' });
    file = join(distDir, 'index.html');
  }
  const hashedAsset = relative.startsWith('assets/');
  res.writeHead(200, {
    'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
    'cache-control': hashedAsset ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  createReadStream(file).pipe(res);
}

/**
 * Serves the built dashboard (web/dist) and passes `/graphql` and `/exports/*` through to the
 * gateway, so the browser talks to one origin and the gateway needs no CORS. The dashboard itself
 * has no data access of its own: every figure comes from the gateway with the user's token.
 */
export async function startDashboardServer(options: DashboardServerOptions): Promise<RunningDashboard> {
  const { logger } = options;
  const distDir = normalize(options.distDir ?? DASHBOARD_DIST);
  if (!existsSync(join(distDir, 'index.html'))) {
    throw new Error(`no dashboard build at ${distDir} (run: npm run build -w @eco/web)`);
  }
  const gateway = new URL(options.gatewayUrl);

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://dashboard.invalid');
    if (url.pathname === '/graphql' || url.pathname.startsWith('/exports/')) {
      const target = new URL(url.pathname === '/graphql' ? gateway.pathname : url.pathname, gateway);
      target.search = url.search;
      return proxy(req, res, target, logger);
    }
    if (url.pathname === '/health') return sendJson(res, 200, { status: 'ok' });
    if (url.pathname.startsWith('/dev/')) {
      const demo = options.demoSignIn;
      if (!demo) return sendJson(res, 404, { error: 'not found' });
      if (url.pathname === '/dev/demo-users' && req.method === 'GET') return sendJson(res, 200, demoUsers());
      if (url.pathname === '/dev/demo-token' && req.method === 'POST') {
        const { code } = (await readJson(req)) as { code?: unknown };
        const person = DEMO_PEOPLE.find((p) => p.code === code);
        if (!person) return sendJson(res, 400, { error: 'unknown demo user' });
        const demoPrincipal = demoPerson(person.code);
        const token = await signUserToken(
          demo,
          {
            personId: demoPrincipal.id,
            agencyId: demoPrincipal.agencyId,
            name: demoPrincipal.name,
            roles: demoPrincipal.roles as Role[],
          },
          DEMO_TOKEN_TTL_SECONDS,
        );
        return sendJson(res, 200, { token });
      }
      return sendJson(res, 404, { error: 'not found' });
    }
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return sendJson(res, 405, { error: 'method not allowed' });
    return serveStatic(res, distDir, url.pathname);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      logger.warn({ err: error }, 'dashboard request failed');
      if (!res.headersSent) sendJson(res, 400, { error: 'bad request' });
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}/`,
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
