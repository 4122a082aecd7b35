// Spreadsheets do not grow a row for wrapped text in merged cells, and Excel does not on opening
// a generated file either, so the ledger sets row heights from an estimate of the wrapped lines.

/** Width in Excel's column units (one '0'): a CJK or full-width character takes about two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    width += code >= 0x2e80 || (code >= 0x2000 && code <= 0x206f) ? 2 : 1;
  }
  return width;
}

/** Lines the text wraps to in a column of the given width (each hard line break starts one). */
export function wrappedLines(text: string, columnWidth: number): number {
  const usable = Math.max(1, columnWidth - 1);
  return text
    .split(/\r?\n/)
    .reduce((lines, line) => lines + Math.max(1, Math.ceil(displayWidth(line) / usable)), 0);
}
