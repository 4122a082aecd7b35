export { startGraphQLHttpServer } from './graphql-http-server';
export type { GraphQLHttpServerOptions, RunningHttpServer } from './graphql-http-server';
export { createErrorMasker, isPublicError } from './error-masking';
