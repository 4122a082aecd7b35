import type { EscalationFlagEntity } from '../persistence/escalation-flag.entity';
import type { LightRecordEntity } from '../persistence/light-record.entity';
import type { MonthlyReportEntity } from '../persistence/monthly-report.entity';
import type { SupervisionItemEntity } from '../persistence/supervision-item.entity';
import { isAssessed } from './categories';
import { assessEscalation } from './escalation';
import type { EscalationAssessment, OfficerFlag } from './escalation';
import { effectiveLights } from './lights';
import { overLimitReportCount } from './over-limit';

/** An item's escalation as its stored facts stand: the lights, the 超限 reports and the officer's flags. */
export function escalationStatusOf(
  item: Pick<SupervisionItemEntity, 'category'>,
  records: readonly LightRecordEntity[],
  reports: readonly Pick<MonthlyReportEntity, 'period' | 'overLimitFields'>[],
  flags: readonly EscalationFlagEntity[],
): EscalationAssessment & { overLimitReportCount: number } {
  const overLimit = overLimitReportCount(
    reports,
    flags.filter((f) => f.kind === 'OVER_LIMIT_REPORT'),
  );
  const officerFlags: OfficerFlag[] = flags
    .filter((f) => f.kind !== 'OVER_LIMIT_REPORT' && f.raisedBy !== null)
    .map((f) => ({ id: f.id, kind: f.kind as OfficerFlag['kind'], raisedBy: f.raisedBy! }));
  const assessment = assessEscalation({
    assessed: isAssessed(item.category),
    lights: effectiveLights(records),
    overLimitReports: overLimit,
    flags: officerFlags,
  });
  return { ...assessment, overLimitReportCount: overLimit };
}
