import { shanghaiInstant } from '@eco/calendar';

/**
 * The internal dashboard's overview (web/src/api/queries.ts: OVERVIEW_RECTIFICATION and
 * OVERVIEW_SUPERVISION, which the page sends as two requests in parallel) as one operation: the
 * counts by department, status and light, the completion chart's weeks and the weekly-report
 * obligations, all counted by PostgreSQL (GROUP BY), plus the first rows of the due lists (30
 * measures, 20 supervised items each) and the interviews. bench/test/dashboard-query.test.ts keeps
 * its fields the page's.
 */
export const DASHBOARD_QUERY = `query Dashboard(
  $campaignId: ID!
  $asOf: DateTime!
  $weekEndsAt: DateTime!
  $measuresListed: Int!
  $weeksFrom: Date!
  $weeksTo: Date!
  $itemsListed: Int!
) {
  problemCounts(campaignId: $campaignId) { department { id name } status count }
  measureCounts(campaignId: $campaignId, asOf: $asOf) { department { id name } status count overdue dueThisWeek }
  measureWeekCounts(campaignId: $campaignId) { weekStartsOn completed due }
  overdueMeasures: measuresDue(campaignId: $campaignId, dueBefore: $asOf, first: $measuresListed) { ...DueMeasure }
  measuresDueThisWeek: measuresDue(campaignId: $campaignId, dueFrom: $asOf, dueBefore: $weekEndsAt, first: $measuresListed) {
    ...DueMeasure
  }
  weeklyReportCounts(campaignId: $campaignId, from: $weeksFrom, to: $weeksTo, asOf: $asOf) {
    weekDate dueAt skipped obligations { status count }
  }
  supervisionItemCounts(status: OPEN, asOf: $asOf) { light count overdue dueThisWeek }
  overdueItems: supervisionItemsDue(dueBefore: $asOf, first: $itemsListed) { ...DueItem }
  itemsDueThisWeek: supervisionItemsDue(dueFrom: $asOf, dueBefore: $weekEndsAt, first: $itemsListed) { ...DueItem }
  openEscalations: escalations(states: [TRIGGERED, SCHEDULED]) { ...EscalationFields }
}
fragment DueMeasure on Measure {
  id sequence text status dueAt deadline { label } responsibleAgency { id name }
  problem { id displayNumber responsibleDepartment { id name } }
}
fragment DueItem on SupervisionItem { id title category light dueAt responsibleDepartment { id name } }
fragment EscalationFields on Escalation {
  id level state triggeredAt scheduledAt heldAt interviewerRole intervieweeRole
  interviewer { name } interviewee { name } triggers { level rule detail periods }
  item { id title responsibleDepartment { name } }
}`;

interface CountRow {
  count: number;
}

interface DashboardData {
  problemCounts: (CountRow & { department: { id: string } | null; status: string })[];
  measureCounts: (CountRow & {
    department: { id: string } | null;
    status: string;
    overdue: number;
    dueThisWeek: number;
  })[];
  measureWeekCounts: unknown[];
  overdueMeasures: unknown[];
  measuresDueThisWeek: unknown[];
  weeklyReportCounts: { obligations: unknown[] }[];
  supervisionItemCounts: (CountRow & { light: string | null; overdue: number; dueThisWeek: number })[];
  overdueItems: unknown[];
  itemsDueThisWeek: unknown[];
  openEscalations: unknown[];
}

export interface DashboardCounts {
  /** Responsible departments with problems or measures in the campaign. */
  departments: number;
  measuresByStatus: Record<string, number>;
  problemsByStatus: Record<string, number>;
  /** Open supervised items (every year) by light; NONE: not lit yet. */
  itemsByLight: Record<string, number>;
  measuresOverdue: number;
  itemsOverdue: number;
  /** Rows of counts in the answer (department × status, weeks, lights, obligations). */
  countRows: number;
  /** Rows listed as such: the due lists and the interviews. */
  listedRows: number;
}

/** The overview's first rows of each due list (web/src/pages/overview-page.tsx). */
const MEASURES_LISTED = 30;
const ITEMS_LISTED = 20;
/** Reporting weeks the overview counts. */
const WEEKS_SHOWN = 8;
const DAY_MS = 86_400_000;

const dateOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * The overview's variables on the benchmark's day, as the page sets them at noon (Asia/Shanghai):
 * its week ends the Monday after at 00:00; the weekly reports of the last eight weeks.
 */
export function dashboardVariables(facts: {
  dashboardCampaignId: string;
  dashboardAsOf: string;
}): Record<string, unknown> {
  const day = Date.parse(`${facts.dashboardAsOf}T00:00:00Z`);
  const monday = day - ((new Date(day).getUTCDay() + 6) % 7) * DAY_MS;
  return {
    campaignId: facts.dashboardCampaignId,
    asOf: shanghaiInstant(facts.dashboardAsOf, '12:00').toISOString(),
    weekEndsAt: shanghaiInstant(dateOf(monday + 7 * DAY_MS), '00:00').toISOString(),
    measuresListed: MEASURES_LISTED,
    weeksFrom: dateOf(day - 7 * WEEKS_SHOWN * DAY_MS),
    weeksTo: facts.dashboardAsOf,
    itemsListed: ITEMS_LISTED,
  };
}

const tally = <T extends CountRow>(rows: readonly T[], keyOf: (row: T) => string) =>
  rows.reduce<Record<string, number>>(
    (counts, row) => ({ ...counts, [keyOf(row)]: (counts[keyOf(row)] ?? 0) + row.count }),
    {},
  );

/** What the page shows, summed from one answer (also a check that the answer is complete). */
export function countDashboard(data: DashboardData): DashboardCounts {
  const departments = new Set(
    [...data.problemCounts, ...data.measureCounts].map((c) => c.department?.id ?? 'none'),
  );
  return {
    departments: departments.size,
    measuresByStatus: tally(data.measureCounts, (c) => c.status),
    problemsByStatus: tally(data.problemCounts, (c) => c.status),
    itemsByLight: tally(data.supervisionItemCounts, (c) => c.light ?? 'NONE'),
    measuresOverdue: data.measureCounts.reduce((sum, c) => sum + c.overdue, 0),
    itemsOverdue: data.supervisionItemCounts.reduce((sum, c) => sum + c.overdue, 0),
    countRows:
      data.problemCounts.length +
      data.measureCounts.length +
      data.measureWeekCounts.length +
      data.weeklyReportCounts.reduce((sum, w) => sum + 1 + w.obligations.length, 0) +
      data.supervisionItemCounts.length,
    listedRows:
      data.overdueMeasures.length +
      data.measuresDueThisWeek.length +
      data.overdueItems.length +
      data.itemsDueThisWeek.length +
      data.openEscalations.length,
  };
}
