import {
  AlignmentType,
  Document,
  HeadingLevel,
  LineRuleType,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { chineseDate, chineseDateRange, chineseDateTime } from './chinese-date';
import type { LocalDateTime } from './chinese-date';
import { chineseNumeral } from './chinese-numeral';
import { deadlineHeader, LEDGER_HEADERS, ledgerRows } from './ledger-columns';
import type { LedgerProblem } from './ledger.types';
import type {
  DepartmentWeeklyReport,
  WeeklyReportDocument,
  WeeklySubmissionStatus,
} from './weekly-report.types';

export const WEEKLY_REPORT_TITLE = '巡视整改工作进展情况周报';

/** Seed 003 annex 2 (巡视整改工作进展情况每周报送内容): the three sections, in its words and order. */
export const WEEKLY_REPORT_SECTIONS = {
  progress: '各责任单位巡视整改落实情况',
  practices: '推进整改过程中形成的经验做法',
  difficulties: '落实整改中遇到的问题以及意见建议',
} as const;

export const SUBMISSIONS_HEADING = '附：各责任单位报送情况';

const SUBMISSION_LABELS: Record<WeeklySubmissionStatus, string> = {
  ON_TIME: '按时报送',
  LATE: '逾期报送',
  MISSING: '未报送',
  DUE: '待报送',
};

// The usual faces of a government document (GB/T 9704): 小标宋 title, 黑体/楷体 headings, 仿宋 body.
const fonts = (face: string) => ({ eastAsia: face, ascii: 'Times New Roman', hAnsi: 'Times New Roman' });
const BODY_SIZE = 32; // 三号 16pt, in half-points
const TABLE_SIZE = 21; // 五号 10.5pt
const A4 = { width: 11906, height: 16838 }; // twips
const MARGIN = { top: 2098, bottom: 1984, left: 1588, right: 1474 }; // 37/35/28/26 mm
const TEXT_WIDTH = A4.width - MARGIN.left - MARGIN.right;

const bodyParagraphs = (text: string) =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .map((line) => new Paragraph({ text: line, indent: { firstLine: 640 } }));

const heading1 = (n: number, text: string) =>
  new Paragraph({ heading: HeadingLevel.HEADING_1, text: `${chineseNumeral(n)}、${text}` });
const heading2 = (n: number, text: string) =>
  new Paragraph({ heading: HeadingLevel.HEADING_2, text: `（${chineseNumeral(n)}）${text}` });

function cell(text: string, options: { header?: boolean; rowSpan?: number; width: number }): TableCell {
  return new TableCell({
    rowSpan: options.rowSpan,
    width: { size: options.width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    shading: options.header ? { fill: 'D9E1F2' } : undefined,
    children: [
      new Paragraph({
        alignment: options.header ? AlignmentType.CENTER : AlignmentType.LEFT,
        spacing: { line: 300, lineRule: LineRuleType.AUTO },
        children: [new TextRun({ text, bold: options.header, size: TABLE_SIZE, font: fonts('宋体') })],
      }),
    ],
  });
}

function table(headers: string[], widths: number[], body: TableRow[]): Table {
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({
        tableHeader: true,
        children: headers.map((text, i) => cell(text, { header: true, width: widths[i]! })),
      }),
      ...body,
    ],
  });
}

/** The department's items (ledger columns without the ones the report already names). */
function itemsTable(items: readonly LedgerProblem[]): Table {
  const widths = [900, 2700, 3300, 1100, 1844];
  const rows = ledgerRows({ title: '', problems: items });
  const body = rows.map(({ problem, values }, i) => {
    const first = rows[i - 1]?.problem !== problem;
    const span = problem.measures.length || 1;
    const own = [
      cell(values.measure, { width: widths[2]! }),
      cell(values.deadline, { width: widths[3]! }),
      cell(values.completion, { width: widths[4]! }),
    ];
    // A problem's 序号 and 具体问题 span its measures' rows, as in the ledger.
    return new TableRow({
      cantSplit: true,
      children: first
        ? [
            cell(values.number, { width: widths[0]!, rowSpan: span }),
            cell(values.problem, { width: widths[1]!, rowSpan: span }),
            ...own,
          ]
        : own,
    });
  });
  const headers = [
    LEDGER_HEADERS.number,
    LEDGER_HEADERS.problem,
    LEDGER_HEADERS.measure,
    deadlineHeader({}),
    LEDGER_HEADERS.completion,
  ];
  return table(headers, widths, body);
}

function submissionsTable(document: WeeklyReportDocument): Table {
  const widths = [900, 3400, 2000, TEXT_WIDTH - 6300];
  const body = (document.submissions ?? []).map(
    (s, i) =>
      new TableRow({
        cantSplit: true,
        children: [
          cell(String(i + 1), { width: widths[0]! }),
          cell(s.department, { width: widths[1]! }),
          cell(SUBMISSION_LABELS[s.status], { width: widths[2]! }),
          cell(s.submittedAt ? chineseDateTime(s.submittedAt) : '', { width: widths[3]! }),
        ],
      }),
  );
  return table(['序号', '责任部门', '报送情况', '报送时间'], widths, body);
}

/** 15时前 on the reporting day itself, 2023年9月14日9时30分前 otherwise. */
function dueText(dueAt: LocalDateTime, weekDate: string): string {
  const [date, time] = dueAt.split(/[ T]/);
  const [hours, minutes] = (time ?? '').split(':');
  const clock = `${Number(hours)}时${minutes === '00' ? '' : `${minutes}分`}前`;
  return date === weekDate ? clock : `${chineseDate(date!)}${clock}`;
}

function metaLines(document: WeeklyReportDocument): Paragraph[] {
  const lines = [
    `填报单位：${document.unit}`,
    `报送周期：${chineseDateRange(document.period.from, document.period.to)}`,
    `报送日期：${chineseDate(document.weekDate)}${document.dueAt ? `（${dueText(document.dueAt, document.weekDate)}）` : ''}`,
    ...(document.contact || document.contactPhone
      ? [`联系人：${document.contact ?? ''}\u3000\u3000联系电话：${document.contactPhone ?? ''}`]
      : []),
  ];
  return lines.map((text) => new Paragraph({ text }));
}

/**
 * One section's content: department by department under （一）（二）… when the report merges several,
 * straight under the heading when it is one department's own.
 */
function perDepartment(
  document: WeeklyReportDocument,
  content: (report: DepartmentWeeklyReport) => (Paragraph | Table)[],
): (Paragraph | Table)[] {
  const { departments } = document;
  const withContent = departments
    .map((d) => ({ d, parts: content(d) }))
    .filter(({ parts }) => parts.length > 0);
  if (withContent.length === 0) return [new Paragraph({ text: '无。', indent: { firstLine: 640 } })];
  if (!document.merged && departments.length === 1) return withContent[0]!.parts;
  return withContent.flatMap(({ d, parts }, i) => [heading2(i + 1, d.department), ...parts]);
}

/**
 * 巡视整改工作进展情况周报 as .docx: title, 填报单位, 报送周期 and 报送日期, then seed 003 annex 2's
 * sections — (1) progress with each department's items tabled, (2) practices, (3) difficulties
 * (无。 when nobody raised any) — and, for the office's merged report, who reported on time.
 */
export async function renderWeeklyReportDocx(document: WeeklyReportDocument): Promise<Buffer> {
  const title = document.title || WEEKLY_REPORT_TITLE;
  const children: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, text: title }),
    ...metaLines(document),
    heading1(1, WEEKLY_REPORT_SECTIONS.progress),
    ...perDepartment(document, (d) => [
      ...(d.items && d.items.length > 0 ? [itemsTable(d.items)] : []),
      ...bodyParagraphs(d.progress),
    ]),
    heading1(2, WEEKLY_REPORT_SECTIONS.practices),
    ...perDepartment(document, (d) => bodyParagraphs(d.practices)),
    heading1(3, WEEKLY_REPORT_SECTIONS.difficulties),
    ...perDepartment(document, (d) => bodyParagraphs(d.difficulties ?? '')),
    ...(document.submissions && document.submissions.length > 0
      ? [
          new Paragraph({ heading: HeadingLevel.HEADING_1, text: SUBMISSIONS_HEADING }),
          submissionsTable(document),
        ]
      : []),
  ];

  const doc = new Document({
    creator: document.unit,
    title,
    styles: {
      default: {
        document: {
          run: { font: fonts('仿宋_GB2312'), size: BODY_SIZE },
          paragraph: { spacing: { line: 560, lineRule: LineRuleType.EXACT } },
        },
        title: {
          run: { font: fonts('方正小标宋简体'), size: 44, color: '000000' },
          paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 240 } },
        },
        heading1: {
          run: { font: fonts('黑体'), size: BODY_SIZE, color: '000000' },
          paragraph: { keepNext: true },
        },
        heading2: {
          run: { font: fonts('楷体_GB2312'), size: BODY_SIZE, color: '000000' },
          paragraph: { keepNext: true },
        },
      },
    },
    sections: [{ properties: { page: { size: A4, margin: MARGIN } }, children }],
  });
  return Packer.toBuffer(doc);
}
