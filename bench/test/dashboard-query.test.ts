import { Kind, parse, print } from 'graphql';
import type { DocumentNode, FieldNode, FragmentDefinitionNode, OperationDefinitionNode } from 'graphql';
import { OVERVIEW_RECTIFICATION, OVERVIEW_SUPERVISION } from '../../web/src/api/queries';
import { countDashboard, DASHBOARD_QUERY, dashboardVariables } from '../src/queries/dashboard.query';

/** An operation's root fields and its fragments, printed (layout aside), by alias or name. */
function partsOf(...sources: string[]) {
  const fields = new Map<string, string>();
  const fragments = new Map<string, string>();
  const variables = new Map<string, string>();
  for (const document of sources.map((s): DocumentNode => parse(s))) {
    for (const definition of document.definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) {
        fragments.set(definition.name.value, print(definition as FragmentDefinitionNode));
      } else if (definition.kind === Kind.OPERATION_DEFINITION) {
        const operation = definition as OperationDefinitionNode;
        for (const v of operation.variableDefinitions ?? []) variables.set(v.variable.name.value, print(v));
        for (const selection of operation.selectionSet.selections) {
          const field = selection as FieldNode;
          fields.set((field.alias ?? field.name).value, print(field));
        }
      }
    }
  }
  return { fields, fragments, variables };
}

describe("the dashboard benchmark's query", () => {
  it("asks exactly what the overview page asks, in its two requests' fields and fragments", () => {
    const page = partsOf(OVERVIEW_RECTIFICATION, OVERVIEW_SUPERVISION);
    const bench = partsOf(DASHBOARD_QUERY);
    expect(Object.fromEntries(bench.fields)).toEqual(Object.fromEntries(page.fields));
    expect(Object.fromEntries(bench.fragments)).toEqual(Object.fromEntries(page.fragments));
    expect(Object.fromEntries(bench.variables)).toEqual(Object.fromEntries(page.variables));
  });

  it("sets the page's variables for the benchmark's day (noon in Shanghai, its week, eight reporting weeks)", () => {
    const variables = dashboardVariables({ dashboardCampaignId: 'c', dashboardAsOf: '2023-09-14' });
    expect(variables).toEqual({
      campaignId: 'c',
      asOf: '2023-09-14T04:00:00.000Z',
      weekEndsAt: '2023-09-17T16:00:00.000Z',
      measuresListed: 30,
      weeksFrom: '2023-07-20',
      weeksTo: '2023-09-14',
      itemsListed: 20,
    });
    expect(Object.keys(variables).sort()).toEqual([...partsOf(DASHBOARD_QUERY).variables.keys()].sort());
  });

  it('sums what the page shows from the count rows', () => {
    const sanitation = { id: 's' };
    const counts = countDashboard({
      problemCounts: [
        { department: sanitation, status: 'CLOSED', count: 2 },
        { department: null, status: 'OPEN', count: 1 },
      ],
      measureCounts: [
        { department: sanitation, status: 'COMPLETED', count: 4, overdue: 0, dueThisWeek: 0 },
        { department: { id: 'i' }, status: 'IN_PROGRESS', count: 3, overdue: 2, dueThisWeek: 1 },
      ],
      measureWeekCounts: [{}, {}],
      overdueMeasures: [{}, {}],
      measuresDueThisWeek: [{}],
      weeklyReportCounts: [{ obligations: [{}, {}] }],
      supervisionItemCounts: [
        { light: 'RED', count: 2, overdue: 1, dueThisWeek: 0 },
        { light: null, count: 1, overdue: 0, dueThisWeek: 0 },
        { light: 'RED', count: 1, overdue: 1, dueThisWeek: 0 },
      ],
      overdueItems: [{}],
      itemsDueThisWeek: [],
      openEscalations: [{}],
    });
    expect(counts).toEqual({
      departments: 3,
      measuresByStatus: { COMPLETED: 4, IN_PROGRESS: 3 },
      problemsByStatus: { CLOSED: 2, OPEN: 1 },
      itemsByLight: { RED: 3, NONE: 1 },
      measuresOverdue: 2,
      itemsOverdue: 2,
      countRows: 2 + 2 + 2 + 3 + 3,
      listedRows: 2 + 1 + 1 + 0 + 1,
    });
  });
});
