import type { Count } from '../model/overview-stats';
import { labelOf } from '../model/labels';

/** Counts as labelled horizontal bars, e.g. problems by status. */
export function CountBars({
  counts,
  labels,
  testId,
  tones = {},
}: {
  counts: Count[];
  labels: Record<string, string>;
  testId?: string;
  tones?: Record<string, string>;
}) {
  const max = Math.max(1, ...counts.map((c) => c.count));
  return (
    <ul className="count-bars" data-testid={testId}>
      {counts.map((c) => (
        <li key={c.key} data-key={c.key} data-count={c.count}>
          <span className="count-label">{labelOf(labels, c.key)}</span>
          <span className="count-track">
            <span
              className={`count-fill ${tones[c.key] ?? ''}`}
              style={{ width: `${(100 * c.count) / max}%` }}
            />
          </span>
          <span className="count-value">{c.count}</span>
        </li>
      ))}
    </ul>
  );
}
