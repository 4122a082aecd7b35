/**
 * The check-item list (检查项目清单) as seed 000 lays it out: numbered rows of 序号 (category number),
 * 类别, 项目, 检查内容 and 人员安排, in that column order. A category spans several rows: the rows after
 * its first leave 序号 and 类别 empty (or repeat them, as merged cells read back), and an empty 人员安排
 * means the same staff as the row above within the category (a merged cell). Everything is checked
 * before anything is kept: one bad row rejects the whole list, naming each bad row.
 */
export const CHECKLIST_COLUMNS = ['number', 'category', 'item', 'checks', 'staff'] as const;
export type ChecklistColumn = (typeof CHECKLIST_COLUMNS)[number];

const COLUMN_HEADINGS: Record<ChecklistColumn, RegExp> = {
  number: /^(序号|no\.?|number|#)$/i,
  category: /^(类别|category)$/i,
  item: /^(项目|item)$/i,
  checks: /^(检查内容|checks|what is checked)$/i,
  staff: /^(人员安排|staff|assigned staff)$/i,
};

const COLUMN_LABELS: Record<ChecklistColumn, string> = {
  number: '序号 (number)',
  category: '类别 (category)',
  item: '项目 (item)',
  checks: '检查内容 (what is checked)',
  staff: '人员安排 (assigned staff)',
};

const MAX_LENGTH: Record<ChecklistColumn, number> = {
  number: 6,
  category: 200,
  item: 300,
  checks: 5_000,
  staff: 300,
};

export const MAX_CHECKLIST_ROWS = 500;
/** Enough to fix a file in one go without flooding the answer. */
export const MAX_REPORTED_ROW_ERRORS = 50;

/** One row of the file as read: its number in the file (1-based, as a spreadsheet shows it) and cells. */
export interface RawRow {
  rowNumber: number;
  cells: string[];
}

export interface ChecklistRow {
  /** Order in the list, 1-based. */
  position: number;
  categoryNumber: number;
  category: string;
  /** Order within its category, 1-based. */
  itemNumber: number;
  item: string;
  checks: string;
  assignedStaff: string[];
  /** The row of the file it came from. */
  sourceRow: number;
}

export interface RowError {
  /** 0 for the file as a whole. */
  rowNumber: number;
  column: ChecklistColumn | null;
  message: string;
}

export type ChecklistParse = { ok: true; rows: ChecklistRow[] } | { ok: false; errors: RowError[] };

const isBlank = (cells: string[]) => cells.every((c) => c === '');
const splitStaff = (staff: string) => staff.split(/[\s、，,;；]+/u).filter((name) => name.length > 0);

function headingProblem(cells: string[]): string | null {
  const mismatched = CHECKLIST_COLUMNS.filter((column, i) => !COLUMN_HEADINGS[column].test(cells[i] ?? ''));
  if (mismatched.length === 0) return null;
  return `the columns must be ${CHECKLIST_COLUMNS.map((c) => COLUMN_LABELS[c]).join(', ')} in that order`;
}

/** Normalises the rows of an imported list, or lists every problem found with its row number. */
export function parseChecklistRows(input: readonly RawRow[]): ChecklistParse {
  const rows = input
    .map((row) => ({ rowNumber: row.rowNumber, cells: row.cells.map((c) => c.trim()) }))
    .filter((row) => !isBlank(row.cells));
  const errors: RowError[] = [];
  const fail = (rowNumber: number, column: ChecklistColumn | null, message: string) => {
    errors.push({ rowNumber, column, message: `row ${rowNumber}: ${message}` });
  };

  // An optional header row (and any title rows above it) is skipped; its columns must be in order.
  const headerIndex = rows.findIndex((row) => COLUMN_HEADINGS.number.test(row.cells[0] ?? ''));
  if (headerIndex >= 0) {
    const problem = headingProblem(rows[headerIndex]!.cells);
    if (problem) fail(rows[headerIndex]!.rowNumber, null, problem);
  }
  const data = rows.slice(headerIndex + 1);
  if (data.length === 0)
    return { ok: false, errors: [{ rowNumber: 0, column: null, message: 'the file has no check items' }] };
  if (data.length > MAX_CHECKLIST_ROWS) {
    return {
      ok: false,
      errors: [
        {
          rowNumber: 0,
          column: null,
          message: `at most ${MAX_CHECKLIST_ROWS} check items, got ${data.length}`,
        },
      ],
    };
  }

  const parsed: ChecklistRow[] = [];
  let current: { number: number; category: string; items: number; staff: string[] } | null = null;
  for (const { rowNumber, cells } of data) {
    const [numberCell = '', categoryCell = '', item = '', checks = '', staffCell = ''] = cells;
    const errorsBefore = errors.length;
    CHECKLIST_COLUMNS.forEach((column, i) => {
      if ((cells[i] ?? '').length > MAX_LENGTH[column]) {
        fail(rowNumber, column, `${COLUMN_LABELS[column]} is longer than ${MAX_LENGTH[column]} characters`);
      }
    });
    const extra = cells.findIndex((cell, i) => i >= CHECKLIST_COLUMNS.length && cell !== '');
    if (extra >= 0)
      fail(rowNumber, null, `unexpected value in column ${extra + 1}; the list has five columns`);

    let startsCategory = false;
    let number: number = current?.number ?? 0;
    const badNumber = numberCell !== '' && (!/^\d{1,4}$/.test(numberCell) || Number(numberCell) < 1);
    if (numberCell !== '') {
      if (badNumber) {
        fail(rowNumber, 'number', `${COLUMN_LABELS.number} must be a whole number, got "${numberCell}"`);
      } else if (Number(numberCell) !== number) {
        const expected: number = number + 1;
        number = Number(numberCell);
        startsCategory = true;
        if (number !== expected)
          fail(rowNumber, 'number', `${COLUMN_LABELS.number} should be ${expected}, got ${number}`);
      }
    }
    if (badNumber) {
      // Which category the row meant is unknown: the number's error says it all.
    } else if (startsCategory) {
      if (categoryCell === '') fail(rowNumber, 'category', `${COLUMN_LABELS.category} is empty`);
    } else if (current === null) {
      if (numberCell === '') fail(rowNumber, 'number', `the first item needs a ${COLUMN_LABELS.number}`);
      if (categoryCell === '')
        fail(rowNumber, 'category', `the first item needs a ${COLUMN_LABELS.category}`);
    } else if (categoryCell !== '' && categoryCell !== current.category) {
      fail(rowNumber, 'category', `a new ${COLUMN_LABELS.category} needs its own ${COLUMN_LABELS.number}`);
    }
    if (item === '') fail(rowNumber, 'item', `${COLUMN_LABELS.item} is empty`);
    if (checks === '') fail(rowNumber, 'checks', `${COLUMN_LABELS.checks} is empty`);

    if (startsCategory || current === null) {
      current = { number, category: categoryCell, items: 0, staff: [] };
    }
    current.items += 1;
    // An empty staff cell under a category's first row is a merged cell: the same staff.
    if (staffCell !== '' || current.items === 1) current.staff = splitStaff(staffCell);
    if (errors.length === errorsBefore) {
      parsed.push({
        position: parsed.length + 1,
        categoryNumber: current.number,
        category: current.category,
        itemNumber: current.items,
        item,
        checks,
        assignedStaff: current.staff,
        sourceRow: rowNumber,
      });
    }
  }
  return errors.length > 0
    ? { ok: false, errors: errors.slice(0, MAX_REPORTED_ROW_ERRORS) }
    : { ok: true, rows: parsed };
}
