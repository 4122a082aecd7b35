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
]);

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
        message: formatted.message,
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
