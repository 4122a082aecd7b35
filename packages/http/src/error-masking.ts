import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import type { Logger } from '@eco/logging';

/** Codes whose messages are written for callers; everything else is masked. */
const PUBLIC_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
]);

/**
 * graphql-js quotes the offending input in coercion errors; a 200 kB string would come back whole.
 * A caller needs the start of the message to see what was wrong, not an echo of its payload.
 */
const MAX_MESSAGE_LENGTH = 500;

function bounded(message: string): string {
  return message.length > MAX_MESSAGE_LENGTH ? `${message.slice(0, MAX_MESSAGE_LENGTH)}…` : message;
}

/** An error whose code and message are meant for the caller (it sets `extensions.public`). */
export function isPublicError(formatted: GraphQLFormattedError): boolean {
  const code = formatted.extensions?.['code'];
  return typeof code === 'string' && (PUBLIC_CODES.has(code) || formatted.extensions?.['public'] === true);
}

/**
 * Errors leave a service as a code and a message: no stack traces, SQL or file paths. Unexpected
 * errors are logged in full here and reach the caller as INTERNAL_SERVER_ERROR.
 */
export function createErrorMasker(
  logger: Logger,
  alsoPublic: (formatted: GraphQLFormattedError) => boolean = () => false,
) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    if (isPublicError(formatted) || alsoPublic(formatted)) {
      const { code } = formatted.extensions as { code: string };
      return {
        message: bounded(formatted.message),
        ...(formatted.locations ? { locations: formatted.locations } : {}),
        ...(formatted.path ? { path: formatted.path } : {}),
        extensions: { code },
      };
    }
    logger.error({ err: unwrapResolverError(error), path: formatted.path }, 'unexpected error in request');
    return {
      message: 'Internal error',
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}
