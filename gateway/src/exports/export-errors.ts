import type { ServerResponse } from 'node:http';
import type { GraphQLFormattedError } from 'graphql';

export interface ExportFieldError {
  field: string;
  message: string;
}

/**
 * A refusal of a download, answered as the GraphQL endpoint answers its refusals:
 * `{ errors: [{ message, extensions: { code, fieldErrors? } }] }` with an HTTP status.
 */
export class ExportError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fieldErrors: readonly ExportFieldError[] = [],
    readonly headers: ReadonlyMap<string, string> = new Map(),
  ) {
    super(message);
  }
}

export const invalidParameters = (fieldErrors: readonly ExportFieldError[]) =>
  new ExportError(400, 'EXPORT_INVALID_PARAMETERS', 'the export parameters are not valid', fieldErrors);

export function sendExportError(response: ServerResponse, error: ExportError): void {
  response.statusCode = error.status;
  for (const [name, value] of error.headers) response.setHeader(name, value);
  response.setHeader('content-type', 'application/json; charset=utf-8');
  response.setHeader('cache-control', 'no-store');
  const extensions = {
    code: error.code,
    ...(error.fieldErrors.length > 0 ? { fieldErrors: error.fieldErrors } : {}),
  };
  response.end(JSON.stringify({ errors: [{ message: error.message, extensions }] }));
}

/** The caller's mistakes a subgraph or the gateway reports with a code of their own. */
const BAD_REQUEST_CODES = new Set([
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/**
 * The HTTP status of an error the API answered, from its (already masked) code: the download
 * refuses for the same reason and with the same code as the API would. Codes meant for the caller
 * that are none of the above (a domain rule such as WEEKLY_REPORTS_NOT_SCHEDULED) are the request's
 * problem too: 400. Only the masked internal codes are the system's: 503, with no detail.
 */
export function statusOfCode(code: string): number {
  if (code === 'UNAUTHENTICATED') return 401;
  if (code === 'FORBIDDEN') return 403;
  if (code === 'NOT_FOUND' || code.endsWith('_NOT_FOUND')) return 404;
  if (code === 'RATE_LIMITED') return 429;
  if (code === 'INTERNAL_SERVER_ERROR') return 503;
  if (BAD_REQUEST_CODES.has(code) || /^[A-Z][A-Z0-9_]*$/.test(code)) return 400;
  return 503;
}

/** The download's answer to an operation that failed: the first error's code and message. */
export function exportErrorFromGraphQL(errors: readonly GraphQLFormattedError[]): ExportError {
  const first = errors[0];
  const code = typeof first?.extensions?.['code'] === 'string' ? first.extensions['code'] : '';
  const status = statusOfCode(code);
  if (status === 503)
    return new ExportError(
      503,
      'EXPORT_UNAVAILABLE',
      'the data for this export could not be read completely; try again later',
    );
  return new ExportError(status, code, first!.message);
}
