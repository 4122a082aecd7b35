import { createLogger } from '@eco/logging';
import {
  createGatewayErrorFormatter,
  isForwardedSubgraphError,
  withoutSuggestions,
} from '../src/hardening/gateway-errors';

describe('gateway errors', () => {
  it('strips every form of graphql-js suggestion', () => {
    expect(withoutSuggestions('Cannot query field "problem" on type "Query". Did you mean "problems"?')).toBe(
      'Cannot query field "problem" on type "Query".',
    );
    expect(withoutSuggestions('Cannot query field "x" on type "Query". Did you mean "a", "b", or "c"?')).toBe(
      'Cannot query field "x" on type "Query".',
    );
    expect(
      withoutSuggestions(
        'Variable "$s" got invalid value "OPN"; Value "OPN" does not exist in "TaskStatus" enum. Did you mean the enum value "OPEN"?',
      ),
    ).toBe('Variable "$s" got invalid value "OPN"; Value "OPN" does not exist in "TaskStatus" enum.');
    expect(
      withoutSuggestions(
        'Field "a" of type "A" must have a selection of subfields. Did you mean "a { ... }"?',
      ),
    ).toBe('Field "a" of type "A" must have a selection of subfields.');
    expect(withoutSuggestions('no such problem')).toBe('no such problem');
    // A message cut short before its question mark.
    expect(
      withoutSuggestions('Value "ACKNOWLEDGD" is not valid. Did you mean the enum value "ACKNOWLE'),
    ).toBe('Value "ACKNOWLEDGD" is not valid.');
  });

  it("passes a subgraph's own coded error, but never a transport failure", () => {
    expect(
      isForwardedSubgraphError({ message: 'm', extensions: { code: 'PROBLEM_NOT_FOUND', serviceName: 'r' } }),
    ).toBe(true);
    for (const code of [
      'DOWNSTREAM_SERVICE_ERROR',
      'SUBREQUEST_HTTP_ERROR',
      'INTERNAL_SERVER_ERROR',
      'econnrefused',
    ])
      expect(isForwardedSubgraphError({ message: 'm', extensions: { code, serviceName: 'r' } })).toBe(false);
    expect(isForwardedSubgraphError({ message: 'm', extensions: { code: 'PROBLEM_NOT_FOUND' } })).toBe(false);
  });

  it('leaves a code and a message: no response body, URL or stack of a failed subgraph call', () => {
    const format = createGatewayErrorFormatter(createLogger('test', 'silent'), { hideSuggestions: true });
    const masked = format(
      {
        message: '500: Internal Server Error',
        extensions: {
          code: 'DOWNSTREAM_SERVICE_ERROR',
          serviceName: 'rectification',
          response: { url: 'http://10.0.0.7:4003/graphql', body: 'QueryFailedError: SELECT * FROM x' },
          stacktrace: ['at /work/main/gateway/src/x.ts:1'],
        },
      },
      new Error('500'),
    );
    expect(masked).toEqual({ message: 'Internal error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });

  it('hides suggestions in production and keeps them for development', () => {
    const error = {
      message: 'Cannot query field "problem" on type "Query". Did you mean "problems"?',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    };
    const logger = createLogger('test', 'silent');
    expect(createGatewayErrorFormatter(logger, { hideSuggestions: true })(error, null).message).not.toContain(
      'problems',
    );
    expect(createGatewayErrorFormatter(logger, { hideSuggestions: false })(error, null).message).toContain(
      'problems',
    );
  });

  it('hides a suggestion that a long message would push past the cut (found in review)', () => {
    // A long variable name fills the message, so the 500-character cut falls inside the suggestion.
    const prefix = `Variable "$v${'x'.repeat(400)}" got invalid value "ACKNOWLEDGD"; Value "ACKNOWLEDGD" is not valid.`;
    const message = `${prefix} Did you mean the enum value "ACKNOWLEDGED"?`;
    expect(message.indexOf('Did you mean')).toBeLessThan(500);
    expect(message.length).toBeGreaterThan(500);
    const shown = createGatewayErrorFormatter(createLogger('test', 'silent'), { hideSuggestions: true })(
      { message, extensions: { code: 'BAD_USER_INPUT' } },
      null,
    );
    expect(shown.message).not.toMatch(/Did you mean|ACKNOWLE[^D]/);
  });
});
