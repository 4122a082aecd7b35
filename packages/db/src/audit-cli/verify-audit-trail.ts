// `npm run audit:verify`: seals, then checks every service schema's audit trail; exit code 1 on any finding.
import { DataSource } from 'typeorm';
import { sealAuditTrail } from '../audit-seal';
import { verifyAuditTrail } from '../audit-verifier';
import { readVerifierConfig } from './config';

async function main(): Promise<number> {
  const { DATABASE_URL } = readVerifierConfig();
  const dataSource = await new DataSource({ type: 'postgres', url: DATABASE_URL }).initialize();
  try {
    const schemas: { schema: string }[] = await dataSource.query(
      `SELECT table_schema AS schema FROM information_schema.tables WHERE table_name = 'audit_log' ORDER BY 1`,
    );
    let findings = 0;
    for (const { schema } of schemas) {
      // Chain what was committed up to now, so every entry is checked (not just counted as unsealed).
      await sealAuditTrail(dataSource, schema);
      const report = await verifyAuditTrail(dataSource, schema);
      findings += report.findings.length;
      console.log(
        `${schema}: ${report.entries} entries (${report.unsealed} written since the seal), ` +
          `${report.tablesChecked.length} tables, ` +
          `${report.findings.length} findings, ${report.unattributed} changes made outside the application`,
      );
      for (const f of report.findings) {
        console.log(`  ${f.kind} ${f.table} ${f.recordId}${f.seq === null ? '' : ` #${f.seq}`}: ${f.detail}`);
      }
    }
    if (schemas.length === 0) console.log('no audit trail in this database');
    return findings === 0 ? 0 : 1;
  } finally {
    await dataSource.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
