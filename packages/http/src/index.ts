export { HttpError, startGraphQLHttpServer } from './graphql-http-server';
export type { GraphQLHttpServerOptions, HttpExchange, RunningHttpServer } from './graphql-http-server';
export { createErrorMasker, isPublicError } from './error-masking';
export { sharedProbe } from './shared-probe';
