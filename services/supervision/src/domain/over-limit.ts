/**
 * 超限报告: the over-limit reports an item has had. A monthly report counts once when, as first
 * received, it broke its template's limits (annex 1's 500/300/200 characters); the officer also
 * enters the over-limit reports the district platform raises. One period counts once either way.
 */
export function overLimitReportCount(
  reports: readonly { period: string; overLimitFields: readonly string[] }[],
  platformNotices: readonly { id: string; period: string | null }[],
): number {
  const periods = new Set(reports.filter((r) => r.overLimitFields.length > 0).map((r) => r.period));
  for (const notice of platformNotices) periods.add(notice.period ?? `notice:${notice.id}`);
  return periods.size;
}
