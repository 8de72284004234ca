import { percent, weekLabel } from '@/lib/hub/review/demand-data';
import type { DemandBucket } from '@/lib/hub/review/demand-schema';

const WIDTH = 760;
const HEIGHT = 250;
const PAD = { left: 48, right: 24, top: 26, bottom: 48 };

/** The y axis top: the highest share rounded up to the next 10%, at least 10%. */
function axisTop(buckets: DemandBucket[]): number {
  const max = Math.max(0, ...buckets.map((b) => b.failure.share));
  return Math.max(0.1, Math.ceil(max * 10) / 10);
}

/**
 * Failure-demand share per week as a line, each point labelled with its percentage, so the trend
 * and the numbers read at a glance; a week without captures is a gap, not a zero.
 */
export function DemandShareChart({ buckets }: { buckets: DemandBucket[] }) {
  const top = axisTop(buckets);
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const step = buckets.length > 1 ? plotW / (buckets.length - 1) : 0;
  const x = (i: number) => PAD.left + (buckets.length > 1 ? i * step : plotW / 2);
  const y = (share: number) => PAD.top + plotH - (share / top) * plotH;
  // Week labels thin out so they never overlap (about 60 px each).
  const every = Math.max(1, Math.ceil(buckets.length / Math.floor(plotW / 60)));
  // Point labels too: every point while there is room, else every few (the table has them all).
  const labelEvery = step > 0 ? Math.max(1, Math.ceil(34 / step)) : 1;
  const ticks = [0, top / 2, top];
  const segments: string[] = [];
  let path = '';
  buckets.forEach((b, i) => {
    if (b.total === 0) {
      if (path) segments.push(path);
      path = '';
      return;
    }
    path += `${path ? 'L' : 'M'}${x(i).toFixed(1)},${y(b.failure.share).toFixed(1)}`;
  });
  if (path) segments.push(path);

  return (
    <svg
      className="em-line-chart"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-label="Failure-demand share per week"
    >
      {ticks.map((t) => (
        <g key={t}>
          <line className="em-grid" x1={PAD.left} x2={WIDTH - PAD.right} y1={y(t)} y2={y(t)} />
          <text className="em-axis" x={PAD.left - 6} y={y(t) + 4} textAnchor="end">
            {percent(t)}
          </text>
        </g>
      ))}
      {segments.map((d) => (
        <path key={d} className="em-line" d={d} />
      ))}
      {buckets.map((b, i) =>
        b.total === 0 ? null : (
          <g key={b.start}>
            <circle className="em-point" cx={x(i)} cy={y(b.failure.share)} r={3.5} />
            {(i % labelEvery === 0 || i === buckets.length - 1) && (
              <text className="em-point-label" x={x(i)} y={y(b.failure.share) - 9} textAnchor="middle">
                {percent(b.failure.share)}
              </text>
            )}
          </g>
        ),
      )}
      {buckets.map((b, i) =>
        i % every === 0 ? (
          <text key={b.start} className="em-axis" x={x(i)} y={HEIGHT - PAD.bottom + 18} textAnchor="middle">
            {weekLabel(b.start)}
          </text>
        ) : null,
      )}
      <text className="em-axis" x={WIDTH - PAD.right} y={HEIGHT - 4} textAnchor="end">
        Week starting (UTC)
      </text>
    </svg>
  );
}
