export { createServiceDataSource, openServiceDatabase } from './data-source';
export type { ServiceDataSourceOptions } from './data-source';
export { SnakeNamingStrategy } from './naming-strategy';
export { QueryCounter, withQueryCounter } from './query-counter';
export { OutboxMessage, InboxEntry, DeadLetter } from './messaging.entities';
export { migrationSchema } from './migration-schema';
export { startEmbeddedPostgres } from './embedded-postgres';
export type { EmbeddedPostgres } from './embedded-postgres';
export { createTestDatabase, isPostgresReachable } from './test-database';
export type { TestDatabase } from './test-database';
export {
  APPLICATION_ROLE,
  applyRowScope,
  rowScopePolicy,
  rowScopeStatement,
  SCOPED_AGENCY,
} from './row-scope';
export type { RowScope } from './row-scope';
export { disableAgencyRowSecurity, enableAgencyRowSecurity } from './row-security.migration-helpers';
export type { AgencyRowPolicy } from './row-security.migration-helpers';
export { applyActor, applyScopeAndActor, personActor, systemActor } from './actor';
export { attachAuditTrail, detachAuditTrail, AUDIT_TRIGGER } from './audit-trail.migration-helpers';
export type { AuditedTable } from './audit-trail.migration-helpers';
export { verifyAuditTrail } from './audit-verifier';
export { sealAuditTrail, AUDIT_SEAL_BATCH } from './audit-seal';
export type { AuditFinding, AuditVerification } from './audit-verifier';
