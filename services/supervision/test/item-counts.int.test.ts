import { randomUUID } from 'node:crypto';
import { agencyIdOf } from '@eco/demo-data';
import type { SubgraphRuntime } from '@eco/subgraph';
import { addToTally, startTestStack, tallyTotal } from '@eco/testing';
import type { Tally, TestStack } from '@eco/testing';
import type { SupervisionCategory } from '../src/domain/categories';
import type { Light } from '../src/domain/lights';
import { SupervisionItemEntity } from '../src/persistence/supervision-item.entity';
import { query } from './support/supervision-fixtures';

jest.setTimeout(60_000);

const S = agencyIdOf('sanitation');
const E = agencyIdOf('env-inspection');
const I = agencyIdOf('infrastructure');
const ZHUQIAO = agencyIdOf('zhuqiao');
const CAOLU = agencyIdOf('caolu');

const sh = (local: string): Date => new Date(`${local.replace(' ', 'T')}+08:00`);
/** Wednesday 2023-09-20 10:00 in Shanghai; its calendar week ends Monday 2023-09-25 00:00. */
const AS_OF = sh('2023-09-20 10:00:00');
const WEEK_END = sh('2023-09-25 00:00:00');

const LIGHTS: (Light | null)[] = ['GREEN', 'YELLOW', 'RED', null, 'GREEN'];
const DEPARTMENTS = [S, E, I, null];
const CATEGORIES: SupervisionCategory[] = ['DISTRICT_KEY_TASK', 'BUREAU_KEY_TASK', 'PRACTICAL_PROJECT'];
const DUE_AT = [
  sh('2023-09-08 17:30:00'),
  AS_OF,
  sh('2023-09-21 17:30:00'),
  sh('2023-09-24 23:59:59'),
  WEEK_END,
  null,
];
/** Years no demo item has: what this test counts is only what it wrote. */
const YEARS = [2031, 2032];

interface ListedItem {
  id: string;
  light: Light | null;
  status: string;
  dueAt: string | null;
  responsibleDepartment: { id: string } | null;
}
interface CountRow {
  department: { id: string } | null;
  light: Light | null;
  status: string;
  count: number;
  overdue: number;
  dueThisWeek: number;
}
const ARGS = `$category: SupervisionCategory, $departmentId: ID, $year: Int, $status: SupervisionItemStatus`;
const PASS = `category: $category, departmentId: $departmentId, year: $year, status: $status`;
const LIST = `query(${ARGS}) { supervisionItems(${PASS}) { id light status dueAt responsibleDepartment { id } } }`;
const COUNTS = `query(${ARGS}, $asOf: DateTime) { supervisionItemCounts(${PASS}, asOf: $asOf) {
  department { id } light status count overdue dueThisWeek } }`;

const keyOf = (department: { id: string } | null, light: string | null, status: string) =>
  `${department?.id ?? 'none'} ${light ?? 'NONE'} ${status}`;

/** The figures counted the way the dashboard used to count them: from every item the list returns. */
function countItems(items: ListedItem[]): Tally {
  const tally: Tally = {};
  for (const item of items) {
    const due = item.dueAt ? Date.parse(item.dueAt) : null;
    const open = item.status === 'OPEN';
    addToTally(tally, keyOf(item.responsibleDepartment, item.light, item.status), {
      count: 1,
      overdue: open && due !== null && due < AS_OF.getTime() ? 1 : 0,
      dueThisWeek: open && due !== null && due >= AS_OF.getTime() && due < WEEK_END.getTime() ? 1 : 0,
    });
  }
  return tally;
}

function tallyOf(rows: CountRow[]): Tally {
  const tally: Tally = {};
  for (const { department, light, status, ...figures } of rows)
    addToTally(tally, keyOf(department, light, status), figures);
  return tally;
}

/**
 * supervisionItemCounts: the items supervisionItems lists with the same arguments, counted by
 * PostgreSQL per department, light and status; a partner agency counts only the items it is
 * involved in, as it lists only those.
 */
describe('supervised items counted by the database', () => {
  let t: TestStack;
  let runtime: SubgraphRuntime;
  let officer: string;
  let zhuqiao: string;
  let involvingZhuqiao = 0;
  const items: Partial<SupervisionItemEntity>[] = [];

  beforeAll(async () => {
    t = await startTestStack({ label: 'supervision-counts', demo: 'directory' });
    runtime = t.stack.subgraphs.supervision.runtime;
    [officer, zhuqiao] = await Promise.all([
      t.tokenFor('demo-supervision-officer'),
      t.tokenFor('demo-zhuqiao'),
    ]);
    for (let n = 0; n < 72; n += 1) {
      const involved = n % 3 === 0 ? [ZHUQIAO] : n % 3 === 1 ? [CAOLU] : [];
      if (involved.includes(ZHUQIAO)) involvingZhuqiao += 1;
      items.push({
        id: randomUUID(),
        title: `督办事项${n}`,
        category: CATEGORIES[n % CATEGORIES.length]!,
        year: YEARS[n % YEARS.length]!,
        responsibleDepartmentId: DEPARTMENTS[n % DEPARTMENTS.length] ?? null,
        involvedAgencyIds: involved,
        light: LIGHTS[n % LIGHTS.length] ?? null,
        dueAt: DUE_AT[n % DUE_AT.length] ?? null,
        status: n % 7 === 0 ? 'CLOSED' : 'OPEN',
        createdAt: sh('2023-08-01 09:00:00'),
      });
    }
    await runtime.transaction('all', (manager) => manager.insert(SupervisionItemEntity, items));
  });

  afterAll(async () => {
    await t?.stop();
  });

  it('runs against real servers in CI', () => {
    if (process.env.REQUIRE_REAL_SERVICES === '1') expect(t.fallback).toBe(false);
  });

  const FILTERS: Record<string, unknown>[] = [
    { year: 2031 },
    { year: 2032, status: 'OPEN' },
    { status: 'CLOSED' },
    { category: 'BUREAU_KEY_TASK', departmentId: S },
    {},
  ];

  it.each(FILTERS)(
    'counts the items the list gives for %j, for the office and for a partner',
    async (filter) => {
      for (const token of [officer, zhuqiao]) {
        const listed = await query<{ supervisionItems: ListedItem[] }>(t, token, LIST, filter);
        const counted = await query<{ supervisionItemCounts: CountRow[] }>(t, token, COUNTS, {
          ...filter,
          asOf: AS_OF.toISOString(),
        });
        expect(tallyOf(counted.supervisionItemCounts)).toEqual(countItems(listed.supervisionItems));
      }
    },
  );

  it('counts for a partner agency only the items it is involved in', async () => {
    const figures = async (token: string) =>
      tallyOf(
        (
          await Promise.all(
            YEARS.map((year) =>
              query<{ supervisionItemCounts: CountRow[] }>(t, token, COUNTS, {
                year,
                asOf: AS_OF.toISOString(),
              }),
            ),
          )
        ).flatMap((answer) => answer.supervisionItemCounts),
      );
    const [internal, partner] = await Promise.all([figures(officer), figures(zhuqiao)]);
    expect(tallyTotal(internal)).toBe(items.length);
    expect(tallyTotal(partner)).toBe(involvingZhuqiao);
    expect(tallyTotal(internal, 'overdue')).toBeGreaterThan(0);
    expect(tallyTotal(internal, 'dueThisWeek')).toBeGreaterThan(0);
  });

  it('lists the open items due in a window, earliest first, within the caller’s items', async () => {
    const DUE = `query($from: DateTime, $before: DateTime!, $first: Int) {
      supervisionItemsDue(dueFrom: $from, dueBefore: $before, first: $first) { id } }`;
    for (const token of [officer, zhuqiao]) {
      const listed = await query<{ supervisionItems: ListedItem[] }>(t, token, LIST, { status: 'OPEN' });
      const window = (from: Date | null, before: Date) =>
        listed.supervisionItems
          .filter((i) => i.dueAt && Date.parse(i.dueAt) < before.getTime())
          .filter((i) => !from || Date.parse(i.dueAt!) >= from.getTime())
          .sort((a, b) => Date.parse(a.dueAt!) - Date.parse(b.dueAt!) || a.id.localeCompare(b.id))
          .map((i) => ({ id: i.id }));
      const overdue = await query(t, token, DUE, { before: AS_OF.toISOString(), first: 100 });
      expect(overdue.supervisionItemsDue).toEqual(window(null, AS_OF));
      const thisWeek = await query(t, token, DUE, {
        from: AS_OF.toISOString(),
        before: WEEK_END.toISOString(),
        first: 100,
      });
      expect(thisWeek.supervisionItemsDue).toEqual(window(AS_OF, WEEK_END));
      expect(thisWeek.supervisionItemsDue.length).toBeGreaterThan(0);
      const three = await query(t, token, DUE, { before: WEEK_END.toISOString(), first: 3 });
      expect(three.supervisionItemsDue).toEqual(window(null, WEEK_END).slice(0, 3));
    }
    const refused = await t.gql(officer, DUE, { before: AS_OF.toISOString(), first: 0 });
    expect(refused.errors?.[0]?.extensions?.code).toBe('PAGINATION_INVALID_FIRST');
  });

  it('answers with one statement, whatever the number of items', async () => {
    const statementsFor = async (year: number) => {
      const before = t.stack.statementsServed();
      await query(t, officer, COUNTS, { year });
      return t.stack.statementsServed() - before;
    };
    const none = await statementsFor(2040);
    expect(await statementsFor(2031)).toBe(none);
    expect(none).toBeLessThanOrEqual(3);
  });
});
