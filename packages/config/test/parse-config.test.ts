import { z } from 'zod';
import { ConfigError, envFields, parseConfig } from '../src';

const schema = z.object({
  DATABASE_URL: envFields.postgresUrl(),
  PORT: envFields.port(4000),
  AUTH_SECRET: envFields.secret(),
  DEBUG: envFields.boolean(false),
});

describe('parseConfig', () => {
  it('returns typed values with defaults applied', () => {
    const config = parseConfig(schema, {
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/app',
      AUTH_SECRET: 'x'.repeat(32),
      DEBUG: 'yes',
    });
    expect(config).toEqual({
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/app',
      PORT: 4000,
      AUTH_SECRET: 'x'.repeat(32),
      DEBUG: true,
    });
  });

  it("refuses an example file's placeholder secret, long as it is", () => {
    expect(() =>
      parseConfig(schema, {
        DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/app',
        AUTH_SECRET: 'change-me-to-a-long-random-secret-shared-with-the-gateway',
      }),
    ).toThrow(/AUTH_SECRET.*example placeholder/);
  });

  it('reports every invalid variable at once', () => {
    let caught: unknown;
    try {
      parseConfig(schema, { DATABASE_URL: 'mysql://x', PORT: 'seventy', AUTH_SECRET: '' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const problems = (caught as ConfigError).problems.join('\n');
    expect(problems).toContain('DATABASE_URL');
    expect(problems).toContain('PORT');
    expect(problems).toContain('AUTH_SECRET');
    expect((caught as ConfigError).problems).toHaveLength(3);
  });

  it('treats an empty variable as unset', () => {
    const config = parseConfig(schema, {
      DATABASE_URL: 'postgresql://db/app',
      AUTH_SECRET: 'y'.repeat(40),
      PORT: '  ',
    });
    expect(config.PORT).toBe(4000);
  });
});
