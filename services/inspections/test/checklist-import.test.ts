import { SEED_000_ROUND } from '@eco/demo-data';
import {
  decodeChecklistFile,
  formatOfFileName,
  MAX_CHECKLIST_FILE_BYTES,
  readChecklistFile,
} from '../src/domain/checklist-file';
import { parseChecklistRows } from '../src/domain/checklist-rows';
import type { RawRow } from '../src/domain/checklist-rows';
import { csvOf, HEADER, xlsxOf } from './support/checklist-files';

const rows = (...table: string[][]): RawRow[] => table.map((cells, i) => ({ rowNumber: i + 1, cells }));

describe('parsing a check-item list', () => {
  it("reads the seed's 2023 list: 7 categories, 15 items, merged staff cells carried down", () => {
    const parsed = parseChecklistRows(rows(HEADER, ...SEED_000_ROUND.checklist));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(parsed.rows).toHaveLength(15);
    expect(new Set(parsed.rows.map((r) => r.category)).size).toBe(7);
    expect(parsed.rows.map((r) => `${r.categoryNumber}.${r.itemNumber}`)).toEqual([
      '1.1',
      '2.1',
      '2.2',
      '2.3',
      '2.4',
      '3.1',
      '3.2',
      '4.1',
      '5.1',
      '6.1',
      '6.2',
      '6.3',
      '6.4',
      '6.5',
      '7.1',
    ]);
    const car = parsed.rows.find((r) => r.item === '公务用车管理情况')!;
    expect(car).toMatchObject({
      category: '中央八项规定精神落实情况',
      assignedStaff: ['余美贤'],
      sourceRow: 8,
      position: 7,
    });
    expect(parsed.rows.find((r) => r.item === '预算执行情况')!.assignedStaff).toEqual(['张君', '闵丽蓉']);
    expect(parsed.rows[0]!.assignedStaff).toEqual(['工作组全体']);
  });

  it('takes a list without a header, and skips title rows above a header', () => {
    expect(parseChecklistRows(rows(['1', '类别甲', '项目', '内容', '']))).toMatchObject({
      ok: true,
      rows: [{ category: '类别甲' }],
    });
    const titled = parseChecklistRows(
      rows(['2023年度局内部巡察检查项目清单'], HEADER, ['1', '甲', '项目', '内容', '张三']),
    );
    expect(titled).toMatchObject({ ok: true, rows: [{ sourceRow: 3, assignedStaff: ['张三'] }] });
  });

  it('treats a repeated 序号 and 类别 (merged cells read back) as the same category', () => {
    const parsed = parseChecklistRows(
      rows(HEADER, ['1', '甲', 'a', 'x', '张三'], ['1', '甲', 'b', 'y', '张三']),
    );
    expect(parsed).toMatchObject({
      ok: true,
      rows: [{ itemNumber: 1 }, { itemNumber: 2, categoryNumber: 1 }],
    });
  });

  it('names every bad row with its row number and column, and keeps nothing', () => {
    const parsed = parseChecklistRows(
      rows(
        HEADER,
        ['1', '甲', 'a', 'x', '张三'],
        ['', '', '', 'y', ''],
        ['3', '乙', 'c', 'z', ''],
        ['x', '丙', 'd', 'w', ''],
        ['', '丁', 'e', 'v', ''],
        ['', '', 'f', '', '', 'extra'],
      ),
    );
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors.map((e) => [e.rowNumber, e.column])).toEqual([
      [3, 'item'],
      [4, 'number'],
      [5, 'number'],
      [6, 'category'],
      [7, null],
      [7, 'checks'],
    ]);
    expect(parsed.errors[0]!.message).toBe('row 3: 项目 (item) is empty');
    expect(parsed.errors[1]!.message).toBe('row 4: 序号 (number) should be 2, got 3');
  });

  it('refuses columns in another order, an empty list and a first row without a category', () => {
    expect(
      parseChecklistRows(rows(['序号', '项目', '类别', '检查内容', '人员安排'], ['1', '甲', 'a', 'x', ''])),
    ).toMatchObject({
      ok: false,
      errors: [{ rowNumber: 1, message: expect.stringContaining('in that order') }],
    });
    expect(parseChecklistRows(rows(HEADER, ['', '', '']))).toMatchObject({
      ok: false,
      errors: [{ rowNumber: 0 }],
    });
    expect(parseChecklistRows(rows(['', '', 'a', 'x', '']))).toMatchObject({
      ok: false,
      errors: [
        { rowNumber: 1, column: 'number' },
        { rowNumber: 1, column: 'category' },
      ],
    });
  });
});

describe('reading a check-item list file', () => {
  const table = [
    HEADER,
    [
      1,
      '全面从严治党主体责任落实情况',
      '落实基层党建责任制情况',
      '检查"双报到",材料\n及记录',
      '刘宇轩 顾彩虹',
    ],
    [null, null, '落实法制建设责任制情况', '自查自评表', null],
  ];

  it('knows the format by the extension', () => {
    expect(['a.xlsx', 'B.XLSX', 'c.csv', 'd.xls', 'e'].map(formatOfFileName)).toEqual([
      'XLSX',
      'XLSX',
      'CSV',
      null,
      null,
    ]);
  });

  it('reads an .xlsx with merged cells as the seed lays them out', async () => {
    const bytes = await xlsxOf(table, ['A2:A3', 'B2:B3', 'E2:E3']);
    const parsed = parseChecklistRows(await readChecklistFile('XLSX', bytes));
    expect(parsed).toMatchObject({
      ok: true,
      rows: [
        { sourceRow: 2, checks: '检查"双报到",材料\n及记录', assignedStaff: ['刘宇轩', '顾彩虹'] },
        {
          sourceRow: 3,
          itemNumber: 2,
          category: '全面从严治党主体责任落实情况',
          assignedStaff: ['刘宇轩', '顾彩虹'],
        },
      ],
    });
  });

  it('reads a .csv (UTF-8 with BOM, quoted multi-line cells) numbering rows as a spreadsheet does', async () => {
    const parsed = parseChecklistRows(await readChecklistFile('CSV', csvOf(table)));
    expect(parsed).toMatchObject({
      ok: true,
      rows: [{ sourceRow: 2, checks: '检查"双报到",材料\n及记录' }, { sourceRow: 3 }],
    });
  });

  it('reads a .csv saved as GB18030', async () => {
    const gb = Buffer.from([0xd0, 0xf2, 0xba, 0xc5]); // 序号 in GB18030
    const bytes = Buffer.concat([gb, Buffer.from(',x,y,z,w\r\n1,a,b,c,d\r\n')]);
    const raw = await readChecklistFile('CSV', bytes);
    expect(raw[0]!.cells[0]).toBe('序号');
  });

  it('refuses a file that is not what its name says', async () => {
    await expect(readChecklistFile('XLSX', Buffer.from('序号,类别'))).rejects.toThrow(
      'not a readable .xlsx workbook',
    );
    await expect(readChecklistFile('CSV', Buffer.from('"unclosed,quote\n'))).rejects.toThrow(
      /not a readable \.csv file/,
    );
  });

  it('decodes base64 and caps the size before decoding', () => {
    expect(decodeChecklistFile(Buffer.from('abc').toString('base64'))).toEqual({ bytes: Buffer.from('abc') });
    expect(decodeChecklistFile('not base64!')).toEqual({ problem: { kind: 'NOT_BASE64' } });
    expect(decodeChecklistFile('')).toEqual({ problem: { kind: 'EMPTY' } });
    const big = Buffer.alloc(MAX_CHECKLIST_FILE_BYTES + 1).toString('base64');
    expect(decodeChecklistFile(big)).toEqual({
      problem: { kind: 'TOO_LARGE', bytes: MAX_CHECKLIST_FILE_BYTES + 1 },
    });
  });
});
