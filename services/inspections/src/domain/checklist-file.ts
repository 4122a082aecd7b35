import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { RawRow } from './checklist-rows';

/**
 * How a check-item list file arrives over GraphQL: its name (the extension says the format) and its
 * bytes base64-encoded in the mutation's input. The cap keeps a request under the gateway's body
 * limit (256 KiB by default); a 15-row list is a few kilobytes.
 */
export const MAX_CHECKLIST_FILE_BYTES = 128 * 1024;

export type ChecklistFileFormat = 'XLSX' | 'CSV';

export type FileProblem =
  | { kind: 'UNSUPPORTED_FORMAT' }
  | { kind: 'NOT_BASE64' }
  | { kind: 'TOO_LARGE'; bytes: number }
  | { kind: 'EMPTY' };

export function formatOfFileName(fileName: string): ChecklistFileFormat | null {
  const extension = /\.([a-z0-9]+)$/i.exec(fileName.trim())?.[1]?.toLowerCase();
  if (extension === 'xlsx') return 'XLSX';
  if (extension === 'csv') return 'CSV';
  return null;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** The file's bytes, or why they cannot be taken. Checks the size before decoding anything large. */
export function decodeChecklistFile(contentBase64: string): { bytes: Buffer } | { problem: FileProblem } {
  const text = contentBase64.replace(/\s+/g, '');
  if (text.length % 4 !== 0 || !BASE64.test(text)) return { problem: { kind: 'NOT_BASE64' } };
  const bytes = Math.floor((text.length * 3) / 4) - (text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0);
  if (bytes > MAX_CHECKLIST_FILE_BYTES) return { problem: { kind: 'TOO_LARGE', bytes } };
  if (bytes === 0) return { problem: { kind: 'EMPTY' } };
  return { bytes: Buffer.from(text, 'base64') };
}

/** A file that is not what its name says (not a workbook, broken CSV quoting, ...). */
export class UnreadableFileError extends Error {}

/** The first worksheet's rows, numbered as Excel numbers them; every cell as the text Excel shows. */
async function xlsxRows(bytes: Buffer): Promise<RawRow[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new UnreadableFileError('not a readable .xlsx workbook');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new UnreadableFileError('the workbook has no worksheet');
  const rows: RawRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    // Merged cells read back as their master's text: the parser takes a repeated 序号 as the same category.
    for (let column = 1; column <= row.cellCount; column++) cells.push(row.getCell(column).text ?? '');
    rows.push({ rowNumber, cells });
  });
  return rows;
}

/** UTF-8 (with or without BOM), or GB18030 as Excel saves a CSV on a Chinese Windows. */
function decodeText(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** Every record, numbered as a spreadsheet opening the file numbers its rows (blank lines count). */
function csvRows(bytes: Buffer): RawRow[] {
  let records: string[][];
  try {
    records = parseCsv(decodeText(bytes), { bom: true, relax_column_count: true, skip_empty_lines: false });
  } catch (error) {
    throw new UnreadableFileError(`not a readable .csv file: ${(error as Error).message}`);
  }
  return records.map((cells, i) => ({ rowNumber: i + 1, cells }));
}

export async function readChecklistFile(format: ChecklistFileFormat, bytes: Buffer): Promise<RawRow[]> {
  return format === 'XLSX' ? xlsxRows(bytes) : csvRows(bytes);
}
