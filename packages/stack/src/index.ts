export { startStack } from './stack';
export type { RunningStack, StackAuthSettings, StackOptions } from './stack';
export { DEMO_TOKEN_USERS, demoToken } from './demo-tokens';
export { migrateServices, seedDirectoryAt } from './migrate-services';
