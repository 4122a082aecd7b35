import { formatShanghai, localDateOf, shanghaiInstant } from '@eco/calendar';
import type { DepartmentWeeklyReport, WeeklyReportDocument, WeeklySubmissionStatus } from '@eco/exports';
import { inLedgerOrder, LEDGER_FIELDS, ledgerProblemOf } from './ledger-export';
import type { ApiCampaign, ApiProblem } from './ledger-export';

/**
 * Two operations in one document: the office's merged bureau report (周报 of every department that
 * week) and one department's own. Both carry the campaign's problems, which the report tables
 * department by department, and both are internal: a partner is refused by the API, and so here.
 */
export const WEEKLY_REPORT_EXPORT_DOCUMENT = `
  query MergedWeeklyReportExport($campaignId: ID!, $weekDate: Date!) {
    rectificationCampaign(id: $campaignId) { ...LedgerCampaign }
    week: weeklyBureauReport(campaignId: $campaignId, weekDate: $weekDate) { ...ReportWeek }
  }
  query DepartmentWeeklyReportExport($campaignId: ID!, $weekDate: Date!, $agencyId: ID!) {
    rectificationCampaign(id: $campaignId) { ...LedgerCampaign }
    weeks: weeklyReportWeeks(campaignId: $campaignId, from: $weekDate, to: $weekDate, agencyId: $agencyId) {
      ...ReportWeek
    }
    department: agency(id: $agencyId) { name }
  }
  fragment ReportWeek on WeeklyReportWeek {
    weekDate
    dueAt
    skipped
    holidayName
    obligations { agency { id name } status report { submittedAt } }
    reports { agency { id name } progress practices difficulties submittedAt }
  }
  ${LEDGER_FIELDS}
`;

interface ApiAgency {
  id: string;
  name: string | null;
}

export interface ApiReportWeek {
  weekDate: string;
  dueAt: string | null;
  skipped: boolean;
  holidayName: string | null;
  obligations: {
    agency: ApiAgency | null;
    status: WeeklySubmissionStatus;
    report: { submittedAt: string } | null;
  }[];
  reports: {
    agency: ApiAgency | null;
    progress: string;
    practices: string;
    difficulties: string | null;
    submittedAt: string;
  }[];
}

export interface MergedWeeklyReportData {
  rectificationCampaign: ApiCampaign | null;
  week: ApiReportWeek | null;
}

export interface DepartmentWeeklyReportData {
  rectificationCampaign: ApiCampaign | null;
  weeks: ApiReportWeek[];
  department: { name: string | null } | null;
}

const DAY_MS = 86_400_000;

/** 报送周期: the seven days ending on the reporting Wednesday (seed 003: 9月7日至13日). */
export function reportingPeriod(weekDate: string): { from: string; to: string } {
  // Shanghai keeps no daylight saving: six local days back is six times 24 hours.
  return { from: localDateOf(shanghaiInstant(weekDate).getTime() - 6 * DAY_MS), to: weekDate };
}

/** Each department's problems (责任部门), in ledger order, for the table under section 1. */
function itemsOf(problems: readonly ApiProblem[], agencyId: string | undefined) {
  return problems.filter((p) => agencyId && p.responsibleDepartment?.id === agencyId).map(ledgerProblemOf);
}

/** Departments in the order the ledger first names them; those it does not name last, by name. */
function ledgerRank(problems: readonly ApiProblem[]) {
  const first = new Map<string, number>();
  problems.forEach((p, i) => {
    const id = p.responsibleDepartment?.id;
    if (id && !first.has(id)) first.set(id, i);
  });
  return (agency: ApiAgency | null) =>
    agency ? (first.get(agency.id) ?? Number.MAX_SAFE_INTEGER) : Number.MAX_SAFE_INTEGER;
}

const local = (at: string | null | undefined) => (at ? formatShanghai(new Date(at)) : null);

/** The office's merge: every report received, department by department, and who reported how. */
export function mergedWeeklyReportOf(campaign: ApiCampaign, week: ApiReportWeek): WeeklyReportDocument {
  const problems = inLedgerOrder(campaign.problems ?? []);
  const rank = ledgerRank(problems);
  const byLedger = <T extends { agency: ApiAgency | null }>(items: readonly T[]) =>
    [...items].sort(
      (a, b) =>
        rank(a.agency) - rank(b.agency) || (a.agency?.name ?? '').localeCompare(b.agency?.name ?? '', 'zh'),
    );
  return {
    unit: campaign.officeAgency?.name ?? '',
    weekDate: week.weekDate,
    period: reportingPeriod(week.weekDate),
    dueAt: local(week.dueAt),
    merged: true,
    departments: byLedger(week.reports).map((report): DepartmentWeeklyReport => ({
      department: report.agency?.name ?? '',
      progress: report.progress,
      practices: report.practices,
      difficulties: report.difficulties,
      items: itemsOf(problems, report.agency?.id),
    })),
    submissions: byLedger(week.obligations).map((obligation) => ({
      department: obligation.agency?.name ?? '',
      status: obligation.status,
      submittedAt: local(obligation.report?.submittedAt),
    })),
  };
}

/**
 * One department's own report. Before it has reported, the file still lists its items with the
 * sections empty: the form the department fills in.
 */
export function departmentWeeklyReportOf(
  campaign: ApiCampaign,
  week: ApiReportWeek,
  department: { id: string; name: string },
): WeeklyReportDocument {
  const report = week.reports.find((r) => r.agency?.id === department.id);
  return {
    unit: department.name,
    weekDate: week.weekDate,
    period: reportingPeriod(week.weekDate),
    dueAt: local(week.dueAt),
    departments: [
      {
        department: department.name,
        progress: report?.progress ?? '',
        practices: report?.practices ?? '',
        difficulties: report?.difficulties ?? null,
        items: itemsOf(inLedgerOrder(campaign.problems ?? []), department.id),
      },
    ],
  };
}

/** 巡视整改工作进展情况周报-2023-09-13.docx, or with the department: …周报-市容环卫处-2023-09-13.docx */
export const weeklyReportFileName = (weekDate: string, department?: string | null) =>
  `巡视整改工作进展情况周报-${department ? `${department}-` : ''}${weekDate}.docx`;
