import ExcelJS from 'exceljs';

/** The seed's 2023 list header, in the required column order. */
export const HEADER = ['序号', '类别', '项目', '检查内容', '人员安排'];

/** An .xlsx workbook with the rows on its first sheet; merges cells like the seed's table when asked. */
export async function xlsxOf(rows: (string | number | null)[][], merges: string[] = []): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('检查项目清单');
  for (const row of rows) sheet.addRow(row);
  for (const range of merges) sheet.mergeCells(range);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A CSV file as Excel writes it: quoted where needed, CRLF line ends, UTF-8 with a BOM. */
export function csvOf(rows: (string | number | null)[][]): Buffer {
  const cell = (value: string | number | null) => {
    const text = value === null ? '' : String(value);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return Buffer.from(`\uFEFF${rows.map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`, 'utf8');
}
