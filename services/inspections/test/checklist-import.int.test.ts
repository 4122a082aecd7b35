import { agencyIdOf, SEED_000_ROUND } from '@eco/demo-data';
import { startTestStack } from '@eco/testing';
import type { TestStack } from '@eco/testing';
import { csvOf, HEADER, xlsxOf } from './support/checklist-files';
import { mustMutate, mutate } from './support/inspections-fixtures';

jest.setTimeout(60_000);

const CHECKLIST = 'checklist { code category item checks assignedStaff sourceRow current }';

/**
 * Issue #4: the check-item list arrives as a file in the mutation (base64, .xlsx or .csv) and is
 * taken whole or not at all; a bad row names its row number. Through the gateway, real PostgreSQL.
 */
describe('importing a check-item list', () => {
  let t: TestStack;
  let office: string;
  let roundId: string;

  const list = async () =>
    (
      await t.gql<{
        inspectionRound: {
          version: number;
          checklistSource: string | null;
          checklist: Record<string, unknown>[];
        };
      }>(office, `query($id: ID!) { inspectionRound(id: $id) { version checklistSource ${CHECKLIST} } }`, {
        id: roundId,
      })
    ).data!.inspectionRound;

  const importFile = (fileName: string, bytes: Buffer, expectedVersion?: number) =>
    mutate<{ importedRows: number | null; round: { version: number } | null }>(
      t,
      office,
      'importChecklist',
      { roundId, fileName, contentBase64: bytes.toString('base64'), expectedVersion },
      'importedRows round { version }',
    );

  beforeAll(async () => {
    t = await startTestStack({ label: 'inspections-checklist', demo: 'directory' });
    office = await t.tokenFor('demo-rectification-office');
    roundId = (
      await mustMutate<{ round: { id: string } }>(
        t,
        office,
        'createInspectionRound',
        {
          name: '2023年内部巡察',
          roundNumber: 3,
          startYear: 2021,
          endYear: 2023,
          year: 2023,
          periodStart: '2023-08-01',
          periodEnd: '2023-10-31',
        },
        'round { id }',
      )
    ).round.id;
  });

  afterAll(async () => {
    await t?.stop();
  });

  it("imports the seed's 2023 list from an .xlsx laid out as the seed's table (merged cells)", async () => {
    const bytes = await xlsxOf(
      [
        ['2023年度局内部巡察检查项目清单'],
        HEADER,
        ...SEED_000_ROUND.checklist.map((row) => row.map((cell) => (cell === '' ? null : cell))),
      ],
      ['A4:A7', 'B4:B7', 'A8:A9', 'B8:B9', 'E8:E9', 'A12:A16', 'B12:B16', 'E12:E16'],
    );
    const imported = await importFile('2023年度局内部巡察检查项目清单.xlsx', bytes, 1);
    expect(imported).toMatchObject({ ok: true, importedRows: 15, round: { version: 2 } });
    const round = await list();
    expect(round.checklistSource).toBe('2023年度局内部巡察检查项目清单.xlsx');
    expect(round.checklist).toHaveLength(15);
    expect(new Set(round.checklist.map((i) => i.category)).size).toBe(7);
    expect(round.checklist[6]).toEqual({
      code: '3.2',
      category: '中央八项规定精神落实情况',
      item: '公务用车管理情况',
      checks: SEED_000_ROUND.checklist[6]![3],
      assignedStaff: ['余美贤'],
      sourceRow: 9,
      current: true,
    });
  });

  it('rejects an .xlsx with a bad row, naming the row, and keeps the list in force', async () => {
    const bytes = await xlsxOf([
      HEADER,
      [1, '甲', '项目一', '内容', '张三'],
      [null, null, '项目二', null, null],
      [3, '丙', '项目三', '内容', ''],
    ]);
    const rejected = await importFile('bad.xlsx', bytes);
    expect(rejected).toMatchObject({
      ok: false,
      importedRows: null,
      error: {
        code: 'CHECKLIST_IMPORT_INVALID',
        fieldErrors: [
          { field: 'rows.3.checks', message: 'row 3: 检查内容 (what is checked) is empty' },
          { field: 'rows.4.number', message: 'row 4: 序号 (number) should be 2, got 3' },
        ],
      },
    });
    const round = await list();
    expect(round.version).toBe(2);
    expect(round.checklist).toHaveLength(15);
  });

  it('rejects a .csv with a bad row the same way, then takes a good one whole, superseding the old list', async () => {
    const bad = csvOf([HEADER, ['1', '甲', '项目一', '内容', '张三'], ['', '乙', '项目二', '内容', '']]);
    const rejected = await importFile('list.csv', bad);
    expect(rejected.error).toMatchObject({
      code: 'CHECKLIST_IMPORT_INVALID',
      fieldErrors: [
        { field: 'rows.3.category', message: 'row 3: a new 类别 (category) needs its own 序号 (number)' },
      ],
    });
    expect((await list()).checklist).toHaveLength(15);

    const good = csvOf([
      HEADER,
      [
        '1',
        '全面从严治党主体责任落实情况',
        '落实基层党建责任制情况',
        '支部记录本,"双报到"材料',
        '刘宇轩、顾彩虹',
      ],
      ['', '', '落实法制建设责任制情况', '自查自评表', '余美贤'],
    ]);
    const stale = await importFile('list.csv', good, 1);
    expect(stale.error).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
    const imported = await importFile('list.csv', good, 2);
    expect(imported).toMatchObject({ ok: true, importedRows: 2, round: { version: 3 } });
    expect((await list()).checklist).toEqual([
      {
        code: '1.1',
        category: '全面从严治党主体责任落实情况',
        item: '落实基层党建责任制情况',
        checks: '支部记录本,"双报到"材料',
        assignedStaff: ['刘宇轩', '顾彩虹'],
        sourceRow: 2,
        current: true,
      },
      {
        code: '1.2',
        category: '全面从严治党主体责任落实情况',
        item: '落实法制建设责任制情况',
        checks: '自查自评表',
        assignedStaff: ['余美贤'],
        sourceRow: 3,
        current: true,
      },
    ]);
    // The superseded rows are kept: nothing a finding cites ever disappears.
    const [{ n }] = await t.stack.subgraphs.inspections.runtime.dataSource.query(
      'SELECT count(*)::int AS n FROM inspections.checklist_items WHERE round_id = $1 AND superseded_at IS NOT NULL',
      [roundId],
    );
    expect(n).toBe(15);
  });

  it('files a finding under a check item of the list in force, whose category it takes', async () => {
    const greening = agencyIdOf('greening-centre');
    const { target } = await mustMutate<{ target: { id: string } }>(
      t,
      office,
      'addInspectionTarget',
      {
        roundId,
        agencyId: greening,
        onSiteFrom: '2023-09-04',
        onSiteUntil: '2023-09-08',
        preparationStartedOn: '2023-08-15',
      },
      'target { id }',
    );
    const items = (
      await t.gql<{ inspectionRound: { checklist: { id: string }[] } }>(
        office,
        'query($id: ID!) { inspectionRound(id: $id) { checklist { id } } }',
        {
          id: roundId,
        },
      )
    ).data!.inspectionRound.checklist;
    const finding = {
      roundId,
      targetAgencyId: greening,
      checkItemId: items[1]!.id,
      title: '法治建设自查材料缺失',
      description: '未开展自查。',
    };
    // Findings wait for the visit: the unit is still in preparation.
    expect((await mutate(t, office, 'recordFinding', finding)).error?.code).toBe(
      'INSPECTION_TARGET_WRONG_PHASE',
    );
    await mustMutate(t, office, 'notifyInspectedUnit', { targetId: target.id, notifiedOn: '2023-08-20' });
    await mustMutate(t, office, 'recordPublicNotice', { targetId: target.id, postedOn: '2023-08-25' });
    await mustMutate(t, office, 'advanceTargetPhase', {
      targetId: target.id,
      to: 'ON_SITE',
      on: '2023-09-04',
    });

    const recorded = await mustMutate<{ finding: Record<string, unknown> }>(
      t,
      office,
      'recordFinding',
      finding,
      'finding { category checkItem { code item } }',
    );
    expect(recorded.finding).toEqual({
      category: '全面从严治党主体责任落实情况',
      checkItem: { code: '1.2', item: '落实法制建设责任制情况' },
    });
    const mismatched = await mutate(t, office, 'recordFinding', { ...finding, category: '选人用人专项检查' });
    expect(mismatched.error).toMatchObject({
      code: 'INSPECTIONS_INVALID_INPUT',
      fieldErrors: [{ field: 'category' }],
    });
    const [superseded] = await t.stack.subgraphs.inspections.runtime.dataSource.query(
      'SELECT id FROM inspections.checklist_items WHERE round_id = $1 AND superseded_at IS NOT NULL LIMIT 1',
      [roundId],
    );
    const old = await mutate(t, office, 'recordFinding', { ...finding, checkItemId: superseded.id });
    expect(old.error).toMatchObject({
      code: 'CHECKLIST_ITEM_NOT_FOUND',
      fieldErrors: [{ field: 'checkItemId' }],
    });
  });

  it('refuses a file that is too large, of another kind, or not what its name says', async () => {
    const large = await importFile('big.csv', Buffer.alloc(128 * 1024 + 1, 'a'));
    expect(large.error).toMatchObject({ code: 'CHECKLIST_FILE_TOO_LARGE' });
    expect((await importFile('list.xls', Buffer.from('x'))).error).toMatchObject({
      code: 'INSPECTIONS_INVALID_INPUT',
      fieldErrors: [{ field: 'fileName' }],
    });
    expect((await importFile('list.xlsx', Buffer.from('序号,类别'))).error).toMatchObject({
      code: 'CHECKLIST_FILE_UNREADABLE',
    });
    expect((await list()).version).toBe(3);
  });
});
