/**
 * The internal dashboard's one query: counts by department, light and status. The schemas offer no
 * aggregate yet, so it reads what they have — the campaign's progress notice and ledger rows
 * (rectification) and the year's supervised items with their lights (supervision), departments' names from
 * agencies — and the page counts. Grow it here when aggregate fields land (issue #12's dashboard).
 */
export const DASHBOARD_QUERY = `query Dashboard($campaignId: ID!, $asOf: Date!, $year: Int!) {
  progressNotice(campaignId: $campaignId, asOf: $asOf) {
    problems problemsCompleted measures measuresCompleted measuresInProgress measuresLongTerm
    problemCompletionRate measureCompletionRate
  }
  rectificationLedger(campaignId: $campaignId) {
    status verification responsibleDepartment { id name } problem { id status }
  }
  supervisionItems(year: $year) { id light status category responsibleDepartment { id name } }
}`;

interface DashboardData {
  progressNotice: { problems: number; measures: number; measuresCompleted: number };
  rectificationLedger: {
    status: string | null;
    responsibleDepartment: { name: string } | null;
    problem: { id: string; status: string };
  }[];
  supervisionItems: { light: string | null; responsibleDepartment: { name: string } | null }[];
}

export interface DashboardCounts {
  departments: number;
  measuresByStatus: Record<string, number>;
  problemsByStatus: Record<string, number>;
  itemsByLight: Record<string, number>;
  /** Department × light cells with at least one item. */
  departmentLightCells: number;
}

const tally = (values: string[]) =>
  values.reduce<Record<string, number>>((counts, v) => ({ ...counts, [v]: (counts[v] ?? 0) + 1 }), {});

export function dashboardVariables(facts: {
  dashboardCampaignId: string;
  dashboardAsOf: string;
}): Record<string, unknown> {
  return {
    campaignId: facts.dashboardCampaignId,
    asOf: facts.dashboardAsOf,
    year: Number(facts.dashboardAsOf.slice(0, 4)),
  };
}

/** What the page shows, counted from one answer (also a check that the answer is complete). */
export function countDashboard(data: DashboardData): DashboardCounts {
  const problems = new Map(data.rectificationLedger.map((row) => [row.problem.id, row.problem.status]));
  const departments = new Set([
    ...data.rectificationLedger.map((r) => r.responsibleDepartment?.name ?? '—'),
    ...data.supervisionItems.map((i) => i.responsibleDepartment?.name ?? '—'),
  ]);
  return {
    departments: departments.size,
    measuresByStatus: tally(data.rectificationLedger.map((r) => r.status ?? 'NONE')),
    problemsByStatus: tally([...problems.values()]),
    itemsByLight: tally(data.supervisionItems.map((i) => i.light ?? 'NONE')),
    departmentLightCells: new Set(
      data.supervisionItems.map((i) => `${i.responsibleDepartment?.name}|${i.light}`),
    ).size,
  };
}
