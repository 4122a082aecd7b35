/** What the gateway sends each export as. */
export const EXPORT_MEDIA_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  csv: 'text/csv; charset=utf-8',
} as const;

export type ExportFormat = keyof typeof EXPORT_MEDIA_TYPES;

/** Half of a UTF-16 surrogate pair with no other half: no character at all. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Content-Disposition for a Chinese file name (RFC 6266 / RFC 5987): an ASCII fallback for old
 * clients and the UTF-8 name for the rest, e.g. 整改台账-2023-09-20.xlsx.
 */
export function attachmentDisposition(fileName: string): string {
  // encodeURIComponent throws on a lone surrogate (a caller's name can hold one): a 500 otherwise.
  fileName = fileName.replace(LONE_SURROGATE, '\uFFFD');
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
