export { startStack } from './stack';
export type { RunningStack, StackAuthSettings, StackOptions } from './stack';
export { DEMO_TOKEN_USERS, demoToken } from './demo-tokens';
export { startDashboardServer } from './dashboard-server';
export type { DashboardServerOptions, RunningDashboard } from './dashboard-server';
export { ensureDashboardBuilt, dashboardBuildIsCurrent, DASHBOARD_DIST } from './dashboard-build';
export { migrateServices, seedDirectoryAt } from './migrate-services';
