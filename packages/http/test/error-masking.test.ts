import { createLogger } from '@eco/logging';
import { createErrorMasker } from '../src';

const mask = createErrorMasker(createLogger('test', 'silent'));

describe('error masking', () => {
  it('passes a public code and its message, dropping everything else', () => {
    expect(
      mask(
        {
          message: 'this task belongs to another agency',
          path: ['task'],
          extensions: { code: 'FORBIDDEN', public: true, stacktrace: ['at x'] },
        },
        null,
      ),
    ).toEqual({
      message: 'this task belongs to another agency',
      path: ['task'],
      extensions: { code: 'FORBIDDEN' },
    });
  });

  it('passes a domain code marked public', () => {
    expect(
      mask({ message: 'no such problem', extensions: { code: 'PROBLEM_NOT_FOUND', public: true } }, null),
    ).toEqual({
      message: 'no such problem',
      extensions: { code: 'PROBLEM_NOT_FOUND' },
    });
  });

  it('replaces anything unexpected with a code and a neutral message', () => {
    const masked = mask(
      {
        message: 'relation "rectification.measures" does not exist',
        path: ['measure'],
        extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['QueryFailedError at /work/x.ts'] },
      },
      new Error('relation "rectification.measures" does not exist'),
    );
    expect(masked).toEqual({
      message: 'Internal error',
      path: ['measure'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });

  it('masks an unknown code that is not marked public', () => {
    expect(
      mask({ message: 'ECONNREFUSED 127.0.0.1:5432', extensions: { code: 'ECONNREFUSED' } }, null).message,
    ).toBe('Internal error');
  });
});

describe('message length', () => {
  it('cuts a public message that quotes a huge input', () => {
    const masked = mask(
      {
        message: `Variable "$v" got invalid value "${'x'.repeat(100_000)}"`,
        extensions: { code: 'BAD_USER_INPUT' },
      },
      null,
    );
    expect(masked.message.length).toBeLessThanOrEqual(501);
    expect(masked.message.startsWith('Variable "$v" got invalid value')).toBe(true);
  });

  it('keeps a rate-limit refusal public', () => {
    expect(mask({ message: 'too many requests', extensions: { code: 'RATE_LIMITED' } }, null)).toEqual({
      message: 'too many requests',
      extensions: { code: 'RATE_LIMITED' },
    });
  });
});
