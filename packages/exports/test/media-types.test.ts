import { attachmentDisposition, EXPORT_MEDIA_TYPES } from '../src';

describe('how the gateway sends an export', () => {
  it('names a Chinese file for every browser: an ASCII fallback and the UTF-8 name', () => {
    expect(attachmentDisposition('整改台账-2023-09-20.xlsx')).toBe(
      `attachment; filename="____-2023-09-20.xlsx"; filename*=UTF-8''%E6%95%B4%E6%94%B9%E5%8F%B0%E8%B4%A6-2023-09-20.xlsx`,
    );
    expect(attachmentDisposition('a"b\\(c).csv')).toBe(
      `attachment; filename="a_b_(c).csv"; filename*=UTF-8''a%22b%5C%28c%29.csv`,
    );
  });

  it('names a file whose name holds half a surrogate pair, instead of throwing (found in review)', () => {
    expect(attachmentDisposition('台账\ud800.csv')).toBe(
      `attachment; filename="___.csv"; filename*=UTF-8''%E5%8F%B0%E8%B4%A6%EF%BF%BD.csv`,
    );
    expect(attachmentDisposition('😀.csv')).toContain(`filename*=UTF-8''%F0%9F%98%80.csv`);
  });

  it('gives each format its registered media type', () => {
    expect(EXPORT_MEDIA_TYPES.xlsx).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(EXPORT_MEDIA_TYPES.docx).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(EXPORT_MEDIA_TYPES.csv).toBe('text/csv; charset=utf-8');
  });
});
