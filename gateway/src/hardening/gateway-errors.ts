import type { GraphQLFormattedError } from 'graphql';
import { createErrorMasker } from '@eco/http';
import type { Logger } from '@eco/logging';

/**
 * Transport failures between gateway and subgraphs (and federation's own wrapping of them) carry
 * internal addresses and response bodies: never shown, whatever subgraph they name.
 */
const GATEWAY_INTERNAL_CODES = new Set([
  'INTERNAL_SERVER_ERROR',
  'SUBREQUEST_HTTP_ERROR',
  'SUBREQUEST_MALFORMED_RESPONSE',
  'DOWNSTREAM_SERVICE_ERROR',
]);

/** A subgraph's own error already went through that subgraph's masking: pass its code and message. */
export function isForwardedSubgraphError(formatted: GraphQLFormattedError): boolean {
  const code = formatted.extensions?.['code'];
  return (
    typeof formatted.extensions?.['serviceName'] === 'string' &&
    typeof code === 'string' &&
    /^[A-Z][A-Z0-9_]*$/.test(code) &&
    !GATEWAY_INTERNAL_CODES.has(code)
  );
}

/**
 * graphql-js suggests names it knows ("Did you mean "problems"?", "... the enum value "OPEN"?"),
 * which lets a caller map a schema with introspection off. Every form ends at the question mark,
 * or at the end of a message cut short before it.
 */
export function withoutSuggestions(message: string): string {
  return message.replace(/\s*Did you mean [^?]*(\?|$)/g, '');
}

/**
 * What leaves the gateway: a code and a message (ADR 0005), and in production no suggestion of
 * the schema's names (ADR 0007).
 */
export function createGatewayErrorFormatter(logger: Logger, options: { hideSuggestions: boolean }) {
  const mask = createErrorMasker(logger, isForwardedSubgraphError);
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError =>
    // Stripped before the masker cuts long messages short: a cut could leave a suggestion whole.
    mask(
      options.hideSuggestions ? { ...formatted, message: withoutSuggestions(formatted.message) } : formatted,
      error,
    );
}
