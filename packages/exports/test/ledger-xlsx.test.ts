import ExcelJS from 'exceljs';
import { LEDGER_HEADER_ROW, LEDGER_SHEET_NAME, renderLedgerXlsx } from '../src';
import type { Ledger } from '../src';
import { seed003Ledger, seed004Ledger } from './seed-fixtures';

async function readBack(file: Buffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file as unknown as ArrayBuffer);
  expect(workbook.worksheets.map((s) => s.name)).toEqual([LEDGER_SHEET_NAME]);
  return workbook.getWorksheet(LEDGER_SHEET_NAME)!;
}

const text = (sheet: ExcelJS.Worksheet, address: string) => String(sheet.getCell(address).value ?? '');
const dataRow = (sheet: ExcelJS.Worksheet, i: number) =>
  (sheet.getRow(LEDGER_HEADER_ROW + 1 + i).values as unknown[]).slice(1).map((v) => String(v ?? ''));

describe('the ledger (台账) as .xlsx', () => {
  let sheet: ExcelJS.Worksheet;
  beforeAll(async () => {
    sheet = await readBack(await renderLedgerXlsx(seed003Ledger()));
  });

  it('heads the sheet with the title and the 填报单位 line of seed 003 annex 1', () => {
    expect(text(sheet, 'A1')).toBe('推进落实市委巡视整改工作措施一览表');
    expect(text(sheet, 'A2')).toBe(
      '填报单位：审计办公室\u3000\u3000联系人：整改办\u3000\u3000联系电话：021-00000000\u3000\u3000截至2023年9月20日',
    );
    expect(sheet.getCell('G1').master.address).toBe('A1');
  });

  it("writes the seed's column headers in the seed's order, then 整改完成情况", () => {
    expect(dataRow(sheet, -1)).toEqual([
      '序号',
      '具体问题',
      '牵头领导',
      '责任部门',
      '整改措施',
      '完成时限 (自8月29日起)',
      '整改完成情况',
    ]);
  });

  it('freezes the rows down to the headers and gives the text columns room', () => {
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: LEDGER_HEADER_ROW });
    expect(sheet.getColumn(2).width).toBeGreaterThanOrEqual(40);
    expect(sheet.getColumn(5).width).toBeGreaterThanOrEqual(60);
    expect(sheet.getColumn(1).width).toBeLessThan(sheet.getColumn(2).width!);
    expect(sheet.pageSetup.printTitlesRow).toBe(`${LEDGER_HEADER_ROW}:${LEDGER_HEADER_ROW}`);
  });

  it('makes each row as high as its wrapped text, the merged description included', () => {
    const height = (row: number) => sheet.getRow(row).height;
    // 1-1's first measure: nearly 290 characters, two column units each, in a 64-wide column.
    const measure = text(sheet, 'E4');
    expect(height(4)).toBeGreaterThanOrEqual(Math.ceil((2 * measure.length) / 64) * 14);
    expect(height(4)).toBeGreaterThanOrEqual(8 * 14);
    // 1-2's short measures still share out the lines of its description (merged over rows 6–8).
    expect(height(7)).toBeGreaterThanOrEqual(2 * 14);
    expect(height(13)).toBeLessThan(height(11));
  });

  it('has one row per measure, in the plan order, with the problem columns spanning its measures', () => {
    // 1-1: 2 measures, 1-2: 3, 2: 2, 3: 3.
    expect(sheet.rowCount).toBe(LEDGER_HEADER_ROW + 10);
    expect(dataRow(sheet, 0).slice(0, 4)).toEqual([
      '1-1 (21)',
      expect.stringContaining('落实最严格的生态环境保护制度不够到位'),
      '薛加良',
      '市容环卫处',
    ]);
    for (const column of ['A', 'B', 'C', 'D']) {
      expect(sheet.getCell(`${column}5`).master.address).toBe(`${column}4`); // 1-1's second measure
      expect(sheet.getCell(`${column}8`).master.address).toBe(`${column}6`); // 1-2's third
    }
    expect(sheet.getCell('E5').isMerged).toBe(false);
    expect(text(sheet, 'A6')).toBe('1-2 (21)');
    expect(text(sheet, 'C6')).toBe('沈敏');
    expect(text(sheet, 'D6')).toBe('生态环境督察处');
    expect(text(sheet, 'A9')).toBe('2 (36)');
    expect(text(sheet, 'A11')).toBe('3 (41)');
    expect(text(sheet, 'D11')).toBe('基建处');
  });

  it('numbers each measure as the plan does and writes 完成时限 the way the seed does', () => {
    expect(text(sheet, 'E6')).toMatch(/^3\.1\. 责令企业立即整改/);
    expect(text(sheet, 'E9')).toMatch(/^1\. 为保障张江地区居民生活垃圾正常转运/);
    expect([4, 5, 6, 8, 9, 10, 11, 12, 13].map((r) => text(sheet, `F${r}`))).toEqual([
      '已完成',
      '长期坚持',
      '已完成整改',
      '长期坚持',
      '9月底',
      '9月底',
      '自9月7日起至8日',
      '自9月11日起至14日',
      '自9月15日起至26日',
    ]);
  });

  it('puts the status and the written evidence in 整改完成情况', () => {
    expect(text(sheet, 'G6')).toBe(
      '已完成。该点位已立案查处，立案号：20230414049。企业已取缔，厂房内生产设备已全部搬离。',
    );
    expect(text(sheet, 'G5')).toBe('持续推进。');
    expect(text(sheet, 'G9')).toBe('未启动。');
  });

  it('repeats the problem columns on every row, with an auto-filter, when asked to', async () => {
    const flat = await readBack(await renderLedgerXlsx(seed003Ledger(), { problemCells: 'repeat' }));
    expect(flat.getCell('A5').isMerged).toBe(false);
    expect(dataRow(flat, 1).slice(0, 4)).toEqual(dataRow(flat, 0).slice(0, 4));
    expect(flat.autoFilter).toBe(`A${LEDGER_HEADER_ROW}:G${LEDGER_HEADER_ROW + 10}`);
  });

  it('gives a problem without measures one row of its own', async () => {
    const ledger: Ledger = {
      title: '台账',
      problems: [
        {
          displayNumber: '1',
          description: '尚未制定措施的问题',
          leadLeader: null,
          responsibleDepartment: '基建处',
          measures: [],
        },
      ],
    };
    const one = await readBack(await renderLedgerXlsx(ledger));
    expect(dataRow(one, -1)[5]).toBe('完成时限');
    expect(one.rowCount).toBe(LEDGER_HEADER_ROW + 1);
    expect(dataRow(one, 0)).toEqual(['1', '尚未制定措施的问题', '', '基建处', '', '', '']);
  });

  it("lays out seed 004's 64 problems and 186 measures with completion dates in Chinese", async () => {
    const big = await readBack(await renderLedgerXlsx(seed004Ledger()));
    expect(big.rowCount).toBe(LEDGER_HEADER_ROW + 186);
    const completion = Array.from({ length: 186 }, (_, i) => dataRow(big, i)[6]!);
    expect(completion.filter((c) => c.startsWith('已完成（2025年'))).toHaveLength(179);
    expect(completion.filter((c) => c === '持续推进。')).toHaveLength(3);
    expect(completion[0]).toBe('已完成（2025年3月20日）。整改材料第1-1号。');
    expect(text(big, 'F4')).toBe('3月底');
  });
});
