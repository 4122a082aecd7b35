import type { CompletionPoint } from '../model/overview-stats';

const WIDTH = 640;
const HEIGHT = 240;
const PAD = { left: 44, right: 16, top: 16, bottom: 36 };

/** Completion over the campaign's weeks: measures done (solid) against deadlines passed (dashed), in %. */
export function CompletionChart({ points, total }: { points: CompletionPoint[]; total: number }) {
  if (points.length === 0 || total === 0) return <p className="empty">暂无整改措施。</p>;
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (points.length === 1 ? plotW / 2 : (i * plotW) / (points.length - 1));
  const y = (n: number) => PAD.top + plotH - (plotH * n) / total;
  const path = (value: (p: CompletionPoint) => number) =>
    points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(value(p)).toFixed(1)}`).join(' ');
  const tickEvery = Math.max(1, Math.ceil(points.length / 8));
  const last = points[points.length - 1]!;
  return (
    <figure className="chart" data-testid="completion-chart" data-points={points.length}>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label="整改措施完成进度（按周）">
        {[0, 0.25, 0.5, 0.75, 1].map((f) => (
          <g key={f}>
            <line className="grid" x1={PAD.left} x2={WIDTH - PAD.right} y1={y(f * total)} y2={y(f * total)} />
            <text className="axis" x={PAD.left - 6} y={y(f * total) + 4} textAnchor="end">
              {Math.round(f * 100)}%
            </text>
          </g>
        ))}
        {points.map((p, i) =>
          i % tickEvery === 0 || i === points.length - 1 ? (
            <text
              key={p.weekStart}
              className="axis"
              x={x(i)}
              y={HEIGHT - 12}
              textAnchor={i === points.length - 1 && points.length > 1 ? 'end' : 'middle'}
            >
              {p.weekStart.slice(2).replace(/-/g, '/')}
            </text>
          ) : null,
        )}
        <path className="line-planned" d={path((p) => p.planned)} />
        <path className="line-completed" d={path((p) => p.completed)} />
        {points.map((p, i) => (
          <circle key={p.weekStart} className="dot-completed" cx={x(i)} cy={y(p.completed)} r={3}>
            <title>
              {p.weekStart} 当周末：已完成 {p.completed}/{total}，应完成 {p.planned}
            </title>
          </circle>
        ))}
      </svg>
      <figcaption>
        <span className="legend legend-completed">实际完成</span>
        <span className="legend legend-planned">时限已到（应完成）</span>
        <span className="muted">
          截至本周：已完成 {last.completed}/{total} 条（{Math.round((100 * last.completed) / total)}%）
        </span>
      </figcaption>
    </figure>
  );
}
