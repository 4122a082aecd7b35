import ExcelJS from 'exceljs';
import { chineseDate } from './chinese-date';
import { ledgerHeaders, ledgerRows, LEDGER_COLUMN_ORDER, PROBLEM_COLUMNS } from './ledger-columns';
import type { LedgerColumnKey, LedgerRowValues } from './ledger-columns';
import type { Ledger } from './ledger.types';
import { wrappedLines } from './text-lines';

export interface LedgerXlsxOptions {
  /**
   * merge (default): a problem's 序号, 具体问题, 牵头领导 and 责任部门 span its measures' rows, as in the
   * seed's table. repeat: every row carries them, with an auto-filter, for sorting and pivoting.
   */
  problemCells?: 'merge' | 'repeat';
}

export const LEDGER_SHEET_NAME = '整改台账';
/** Rows above the data: the title, the 填报单位 line, the column headers (frozen). */
export const LEDGER_HEADER_ROW = 3;

const COLUMN_WIDTHS: Record<LedgerColumnKey, number> = {
  number: 10,
  problem: 42,
  leadLeader: 10,
  department: 14,
  measure: 64,
  deadline: 16,
  completion: 32,
};

const FONT = '宋体';
/** Points per line of 10.5 pt text, and the padding of a cell. */
const LINE_HEIGHT = 14;
const CELL_PADDING = 6;
const MAX_ROW_HEIGHT = 409; // Excel's limit
const thin = { style: 'thin' as const };
const BORDER = { top: thin, left: thin, bottom: thin, right: thin };

/** 填报单位：审计办公室, 联系人：…, 联系电话：…, 截至2023年9月20日, with ideographic spaces between. */
function reportingLine(ledger: Ledger): string {
  return [
    `填报单位：${ledger.reportingUnit ?? ''}`,
    `联系人：${ledger.contact ?? ''}`,
    `联系电话：${ledger.contactPhone ?? ''}`,
    ...(ledger.asOf ? [`截至${chineseDate(ledger.asOf)}`] : []),
  ].join('\u3000\u3000');
}

/**
 * Each row as high as its wrapped text; with merged problem cells, a problem's description also
 * has to fit in its rows together, so they share out what it lacks.
 */
function setRowHeights(sheet: ExcelJS.Worksheet, rows: ReturnType<typeof ledgerRows>, merge: boolean): void {
  const linesOf = (values: LedgerRowValues, keys: readonly LedgerColumnKey[]) =>
    Math.max(1, ...keys.map((key) => wrappedLines(values[key], COLUMN_WIDTHS[key])));
  const own = LEDGER_COLUMN_ORDER.filter((key) => !merge || !PROBLEM_COLUMNS.includes(key));
  const lines = rows.map(({ values }) => linesOf(values, own));
  if (merge) {
    let first = 0;
    rows.forEach(({ problem, values }, i) => {
      if (rows[i + 1]?.problem === problem) return;
      const needed = linesOf(values, PROBLEM_COLUMNS);
      const span = lines.slice(first, i + 1);
      const lacking = needed - span.reduce((a, b) => a + b, 0);
      if (lacking > 0) span.forEach((_, j) => (lines[first + j]! += Math.ceil(lacking / span.length)));
      first = i + 1;
    });
  }
  lines.forEach((n, i) => {
    sheet.getRow(LEDGER_HEADER_ROW + 1 + i).height = Math.min(MAX_ROW_HEIGHT, n * LINE_HEIGHT + CELL_PADDING);
  });
}

/**
 * 台账 as .xlsx: one sheet per campaign, as the seed has one table per plan (a workbook is one
 * campaign's ledger). Title row, 填报单位 line, the seed's headers (frozen, repeated on every printed
 * page), one row per measure, A4 landscape fitted to the page width.
 */
export async function renderLedgerXlsx(ledger: Ledger, options: LedgerXlsxOptions = {}): Promise<Buffer> {
  const merge = (options.problemCells ?? 'merge') === 'merge';
  const workbook = new ExcelJS.Workbook();
  workbook.creator = ledger.reportingUnit ?? '';
  workbook.title = ledger.title;
  const columnCount = LEDGER_COLUMN_ORDER.length;
  const sheet = workbook.addWorksheet(LEDGER_SHEET_NAME, {
    views: [
      { state: 'frozen', xSplit: 0, ySplit: LEDGER_HEADER_ROW, activeCell: `A${LEDGER_HEADER_ROW + 1}` },
    ],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${LEDGER_HEADER_ROW}:${LEDGER_HEADER_ROW}`,
      horizontalCentered: true,
    },
  });
  sheet.columns = LEDGER_COLUMN_ORDER.map((key) => ({ key, width: COLUMN_WIDTHS[key] }));

  const title = sheet.getRow(1);
  title.getCell(1).value = ledger.title;
  title.getCell(1).font = { name: FONT, size: 16, bold: true };
  title.getCell(1).alignment = { horizontal: 'center', vertical: 'middle' };
  title.height = 32;
  sheet.mergeCells(1, 1, 1, columnCount);

  const line = sheet.getRow(2);
  line.getCell(1).value = reportingLine(ledger);
  line.getCell(1).font = { name: FONT, size: 11 };
  line.getCell(1).alignment = { horizontal: 'left', vertical: 'middle' };
  line.height = 20;
  sheet.mergeCells(2, 1, 2, columnCount);

  const header = sheet.getRow(LEDGER_HEADER_ROW);
  header.values = ledgerHeaders(ledger);
  header.height = 2 * LINE_HEIGHT + CELL_PADDING; // 完成时限 (自8月29日起) wraps
  header.eachCell((cell) => {
    cell.font = { name: FONT, size: 11, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
    cell.border = BORDER;
  });

  const rows = ledgerRows(ledger);
  rows.forEach(({ values }, i) => {
    const row = sheet.getRow(LEDGER_HEADER_ROW + 1 + i);
    row.values = LEDGER_COLUMN_ORDER.map((key) => values[key]);
    LEDGER_COLUMN_ORDER.forEach((key, c) => {
      const cell = row.getCell(c + 1);
      cell.font = { name: FONT, size: 10.5 };
      cell.border = BORDER;
      const centred = key === 'number' || key === 'leadLeader' || key === 'department' || key === 'deadline';
      cell.alignment = { vertical: 'middle', horizontal: centred ? 'center' : 'left', wrapText: true };
    });
  });

  setRowHeights(sheet, rows, merge);

  if (merge) {
    // A problem's rows are consecutive: span its own columns over them.
    let first = LEDGER_HEADER_ROW + 1;
    for (let i = 0; i < rows.length; i++) {
      const last = LEDGER_HEADER_ROW + 1 + i;
      if (rows[i + 1]?.problem === rows[i]!.problem) continue;
      if (last > first) {
        for (const key of PROBLEM_COLUMNS) {
          const column = LEDGER_COLUMN_ORDER.indexOf(key) + 1;
          sheet.mergeCells(first, column, last, column);
        }
      }
      first = last + 1;
    }
  } else if (rows.length > 0) {
    sheet.autoFilter = {
      from: { row: LEDGER_HEADER_ROW, column: 1 },
      to: { row: LEDGER_HEADER_ROW + rows.length, column: columnCount },
    };
  }

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
