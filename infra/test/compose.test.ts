import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeConfigStatus, INFRA, renderCompose } from './support/render';
import type { ComposeService } from './support/render';
import { parseServiceConfig } from './support/service-config';

const SUBGRAPHS = ['agencies', 'inspections', 'rectification', 'supervision'];
const APP = [...SUBGRAPHS, 'gateway', 'migrate'];
const EXAMPLE = join(INFRA, 'compose.env.example');

/** One district on one host: `docker-compose config` checks the file without a Docker engine. */
describe('docker-compose (infra/docker-compose.yml)', () => {
  let services: Record<string, ComposeService>;

  beforeAll(() => {
    services = renderCompose(EXAMPLE).services;
  });

  it('holds PostgreSQL, NATS, the migrations, four subgraphs and the gateway', () => {
    expect(Object.keys(services).sort()).toEqual([...APP, 'nats', 'postgres'].sort());
  });

  it('refuses to render without the secrets', () => {
    const empty = join(mkdtempSync(join(tmpdir(), 'eco-compose-')), 'empty.env');
    writeFileSync(empty, '');
    const result = composeConfigStatus(empty);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/POSTGRES_PASSWORD|INTERNAL_TOKEN_SECRET|AUTH_ISSUER/);
  });

  it('runs the migrations once PostgreSQL is healthy, and every subgraph only after they succeed', () => {
    expect(services['migrate']!.depends_on).toEqual({ postgres: { condition: 'service_healthy' } });
    for (const subgraph of SUBGRAPHS) {
      expect(services[subgraph]!.depends_on).toMatchObject({
        migrate: { condition: 'service_completed_successfully' },
        nats: { condition: 'service_healthy' },
      });
    }
    expect(services['gateway']!.depends_on).toEqual(
      Object.fromEntries(SUBGRAPHS.map((s) => [s, { condition: 'service_healthy' }])),
    );
  });

  it('runs every part from the one image, read-only, in the mode named by its command', () => {
    const images = new Set(APP.map((name) => services[name]!.image));
    expect(images.size).toBe(1);
    for (const name of APP) {
      expect(services[name]!.command).toEqual([name]);
      expect(services[name]!.read_only).toBe(true);
    }
    for (const name of [...SUBGRAPHS, 'gateway'])
      expect(services[name]!.healthcheck?.test).toEqual(['CMD', '/usr/local/bin/eco', 'ready']);
  });

  it('publishes the gateway alone', () => {
    expect(
      Object.entries(services)
        .filter(([, s]) => s.ports?.length)
        .map(([name]) => name),
    ).toEqual(['gateway']);
  });

  it('runs NATS with JetStream fsyncing every write', () => {
    expect(readFileSync(join(INFRA, 'nats', 'nats.conf'), 'utf8')).toMatch(
      /jetstream\s*\{[^}]*sync_interval:\s*always/,
    );
  });

  const environmentOf = (name: string) =>
    Object.fromEntries(
      Object.entries(services[name]!.environment ?? {}).map(([key, value]) => [
        key,
        value === null ? '' : String(value),
      ]),
    );
  // What an operator does with the example: each placeholder replaced by a secret of their own.
  const withOwnSecrets = (env: Record<string, string>) =>
    Object.fromEntries(
      Object.entries(env).map(([key, value]) => [
        key,
        value.startsWith('change-me') ? `own-secret-for-${key}-0123456789abcdef` : value,
      ]),
    );

  it.each([...SUBGRAPHS, 'gateway'])('gives %s every setting its configuration code requires', (name) => {
    expect(() => parseServiceConfig(name, withOwnSecrets(environmentOf(name)))).not.toThrow();
  });

  it.each([...SUBGRAPHS, 'gateway'])("keeps %s from starting on the example's placeholder secret", (name) => {
    expect(() => parseServiceConfig(name, environmentOf(name))).toThrow(/INTERNAL_TOKEN_SECRET/);
  });
});
