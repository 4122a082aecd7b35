import { stringify } from 'csv-stringify/sync';

/** What a CSV cell may hold. Dates come as the local strings the caller wants printed. */
export type CsvValue = string | number | boolean | null | undefined | readonly (string | number)[];

export interface CsvColumn<Row> {
  header: string;
  /** A field of the row, or how to read the cell from it. */
  value: keyof Row | ((row: Row) => CsvValue);
}

/** Cells a spreadsheet would run as a formula (CSV injection): = + - @, and tab / CR before them. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Prefixes text that a spreadsheet would evaluate with an apostrophe (OWASP's advice), so
 * "=HYPERLINK(…)" from a user's note arrives as text. Numbers stay numbers: -3 is not a formula.
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function cellText(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (Array.isArray(value)) return neutraliseFormula(value.join('；'));
  return neutraliseFormula(value as string);
}

/**
 * Any list as CSV for Excel: UTF-8 with a byte-order mark (without it Excel reads Chinese as
 * GBK), RFC 4180 (CRLF records; fields with commas, quotes or line breaks quoted, quotes doubled),
 * a header row, and formula injection neutralised. Booleans print as 是/否, lists joined with ；.
 */
export function renderCsv<Row>(columns: readonly CsvColumn<Row>[], rows: readonly Row[]): Buffer {
  const records = rows.map((row) =>
    columns.map((column) =>
      cellText(typeof column.value === 'function' ? column.value(row) : (row[column.value] as CsvValue)),
    ),
  );
  const text = stringify([columns.map((c) => neutraliseFormula(c.header)), ...records], {
    bom: true,
    record_delimiter: 'windows',
    quoted_match: /^\s|\s$/, // keep leading/trailing spaces that some readers would trim
  });
  return Buffer.from(text, 'utf8');
}
