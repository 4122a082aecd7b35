import { parse } from 'csv-parse/sync';
import { neutraliseFormula, renderCsv } from '../src';
import type { CsvColumn } from '../src';

interface Item {
  code: string;
  title: string;
  department: string | null;
  overdue: boolean;
  days: number;
  agencies: string[];
}

const columns: CsvColumn<Item>[] = [
  { header: '编号', value: 'code' },
  { header: '事项', value: 'title' },
  { header: '责任部门', value: (row) => row.department },
  { header: '是否逾期', value: 'overdue' },
  { header: '逾期天数', value: 'days' },
  { header: '牵头联系', value: 'agencies' },
];

const rows: Item[] = [
  {
    code: '1 (21)',
    title: '曹路镇海塘区域渣土消纳点，扬尘、"跑冒滴漏"',
    department: '市容环卫处',
    overdue: false,
    days: 0,
    agencies: ['曹路镇', '区城管执法局'],
  },
  { code: '2', title: '第一行\r\n第二行', department: null, overdue: true, days: -3, agencies: [] },
  {
    code: '=HYPERLINK("http://x")',
    title: '+86 21 1234',
    department: '-1',
    overdue: false,
    days: 2.5,
    agencies: ['@all'],
  },
];

describe('CSV of any list', () => {
  const file = renderCsv(columns, rows);
  const text = file.toString('utf8');

  it('starts with a UTF-8 byte-order mark so Excel reads Chinese correctly', () => {
    expect([...file.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text.slice(1, 40)).toContain('编号,事项,责任部门');
  });

  it('ends every record with CRLF and quotes fields with commas, quotes and line breaks (RFC 4180)', () => {
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.split('\r\n')[1]).toBe(
      '1 (21),"曹路镇海塘区域渣土消纳点，扬尘、""跑冒滴漏""",市容环卫处,否,0,曹路镇；区城管执法局',
    );
    expect(text).toContain('"第一行\r\n第二行"');
  });

  it('reads back to the same cells, with formula-like text made inert', () => {
    const records = parse(file, { bom: true, relax_column_count: false }) as string[][];
    expect(records).toEqual([
      ['编号', '事项', '责任部门', '是否逾期', '逾期天数', '牵头联系'],
      [
        '1 (21)',
        '曹路镇海塘区域渣土消纳点，扬尘、"跑冒滴漏"',
        '市容环卫处',
        '否',
        '0',
        '曹路镇；区城管执法局',
      ],
      ['2', '第一行\r\n第二行', '', '是', '-3', ''],
      ['\'=HYPERLINK("http://x")', "'+86 21 1234", "'-1", '否', '2.5', "'@all"],
    ]);
  });

  it('neutralises every cell a spreadsheet would run, and nothing else', () => {
    for (const formula of ['=1+1', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1']) {
      expect(neutraliseFormula(formula)).toBe(`'${formula}`);
    }
    for (const plain of ['1-1', 'a=b', '整改', '', ' =1']) expect(neutraliseFormula(plain)).toBe(plain);
    const headed = renderCsv([{ header: '=cmd', value: (r: { n: number }) => r.n }], [{ n: -5 }]).toString(
      'utf8',
    );
    expect(headed).toBe("\ufeff'=cmd\r\n-5\r\n");
  });

  it('writes just the header for an empty list', () => {
    expect(renderCsv(columns, []).toString('utf8')).toBe(
      '\ufeff编号,事项,责任部门,是否逾期,逾期天数,牵头联系\r\n',
    );
  });
});
