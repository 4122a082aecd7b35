import { agencyIdOf, personIdOf, SEED_000_ROUND } from '@eco/demo-data';
import { startTestStack } from '@eco/testing';
import type { TestStack } from '@eco/testing';
import { mustMutate } from './support/inspections-fixtures';

jest.setTimeout(60_000);

const ROUND_PAGE = `query($id: ID!) { inspectionRound(id: $id) {
  name roundNumber startYear endYear year periodStart periodEnd
  groupLeader { name } deputyGroupLeader { name }
  memberDepartments { agency { name } staff { name } }
  specialInspections { title focus } budgetLines { purpose amountYuan fundingSource } outsideFirm { name procurementRoute }
  checklistSource checklist { code category item assignedStaff }
  targets { sequence agency { name } phase onSiteFrom
    phases { phase actualStart } windowExtensions { newUntil } publicNotice { postedOn }
    activities { kind } mobilisationMeeting { id } interviews { notes } siteVisits { checks { result } }
    surveySummary { responses } feedback { planDueAt deadlines { kind } } findings { id } rectificationCheck { checkedOn } }
  findings { id } report { title } } }`;

/** Issue #4: the seed-000 round is in the demo data and reads back through the gateway. */
describe('the seed-000 demo round', () => {
  let t: TestStack;
  let office: string;

  beforeAll(async () => {
    t = await startTestStack({ label: 'inspections-seed-000', demo: 'all' });
    office = await t.tokenFor('demo-rectification-office');
  });

  afterAll(async () => {
    await t?.stop();
  });

  it('is the third round, year 3 of 2021–2023, with its group, member departments, special inspection, budget and firm', async () => {
    const response = await t.gql<{ inspectionRound: Record<string, any> }>(office, ROUND_PAGE, {
      id: SEED_000_ROUND.id,
    });
    expect(response.errors).toBeUndefined();
    const round = response.data!.inspectionRound;
    expect(round).toMatchObject({
      name: '区生态环境局2023年内部巡察（第三轮第三年）',
      roundNumber: 3,
      startYear: 2021,
      endYear: 2023,
      year: 2023,
      periodStart: '2023-08-01',
      periodEnd: '2023-10-31',
      groupLeader: { name: '康永良' },
      deputyGroupLeader: { name: '杨新' },
      specialInspections: [{ title: '工会经费使用情况专项巡察' }],
      budgetLines: [
        { purpose: '巡审联合监督第三方审计费用', amountYuan: '126000.00', fundingSource: '审计经费' },
      ],
      outsideFirm: { name: '上海申威会计师事务所', procurementRoute: '电子集市平台' },
    });
    expect(round.memberDepartments.map((d: { agency: { name: string } }) => d.agency.name)).toEqual([
      '审计办公室',
      '办公室',
      '组织人事处',
      '计划财务处',
    ]);
  });

  it('inspects the six affiliated units, each in preparation', async () => {
    const round = (
      await t.gql<{
        inspectionRound: { targets: { sequence: number; agency: { name: string }; phase: string }[] };
      }>(office, ROUND_PAGE, { id: SEED_000_ROUND.id })
    ).data!.inspectionRound;
    expect(round.targets.map((target) => [target.sequence, target.agency.name, target.phase])).toEqual([
      [1, '环境事务中心', 'PREPARATION'],
      [2, '绿化中心', 'PREPARATION'],
      [3, '环境综合协调中心', 'PREPARATION'],
      [4, '基建中心', 'PREPARATION'],
      [5, '财务中心', 'PREPARATION'],
      [6, '废管中心', 'PREPARATION'],
    ]);
  });

  it('carries the 2023 check-item list: 7 categories, 15 items', async () => {
    const { checklist } = (
      await t.gql<{
        inspectionRound: {
          checklist: { code: string; category: string; item: string; assignedStaff: string[] }[];
        };
      }>(office, ROUND_PAGE, { id: SEED_000_ROUND.id })
    ).data!.inspectionRound;
    expect(checklist).toHaveLength(15);
    expect([...new Set(checklist.map((i) => i.category))]).toEqual([
      '2022年区委巡察、上一轮局内巡察发现问题的整改情况',
      '全面从严治党主体责任落实情况',
      '中央八项规定精神落实情况',
      '主题教育开展情况',
      '选人用人专项检查',
      '单位内控、招投标制度执行情况和预算执行情况等',
      '工会经费使用管理情况',
    ]);
    expect(checklist[13]).toEqual({
      code: '6.5',
      category: '单位内控、招投标制度执行情况和预算执行情况等',
      item: '全过程绩效管理实施情况',
      assignedStaff: ['张君', '闵丽蓉'],
    });
  });

  it('reads a round page with a fixed number of statements, whether it has six units or one', async () => {
    const statementsFor = async (id: string) => {
      const before = t.stack.subgraphs.inspections.statementsServed;
      const response = await t.gql(office, ROUND_PAGE, { id });
      expect(response.errors).toBeUndefined();
      return t.stack.subgraphs.inspections.statementsServed - before;
    };
    const small = await mustMutate<{ round: { id: string } }>(
      t,
      office,
      'createInspectionRound',
      {
        name: '一个单位的巡察',
        roundNumber: 1,
        startYear: 2024,
        endYear: 2024,
        year: 2024,
        periodStart: '2024-08-01',
        periodEnd: '2024-10-31',
        // The caller is in both groups, so both pages read interviews too.
        memberDepartments: [
          {
            agencyId: agencyIdOf('audit-office'),
            staff: [{ name: '整改办（演示）', personId: personIdOf('demo-rectification-office') }],
          },
        ],
      },
      'round { id }',
    );
    await mustMutate(t, office, 'addInspectionTarget', {
      roundId: small.round.id,
      agencyId: agencyIdOf('waste-centre'),
    });
    expect(await statementsFor(SEED_000_ROUND.id)).toBe(await statementsFor(small.round.id));
  });
});
