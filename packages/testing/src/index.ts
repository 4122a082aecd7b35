export { startTestStack, TEST_AUTH } from './test-stack';
export type { TestStack } from './test-stack';
export { postGraphQL } from './graphql-client';
export type { GraphQLResponse } from './graphql-client';
export { waitFor } from './wait-for';
export { resolveTestServices } from './real-services';
export type { TestServices } from './real-services';
export { insertRows } from './insert-rows';
