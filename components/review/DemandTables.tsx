import { changeText, percent, weekLabel } from '@/lib/hub/review/demand-data';
import type { DemandBucket, DemandCauseChange } from '@/lib/hub/review/demand-schema';

const n = (count: number) => count.toLocaleString('en-GB');

/** The share chart's numbers: one row per week. */
export function ShareTable({ buckets }: { buckets: DemandBucket[] }) {
  return (
    <table className="em-data-table">
      <caption>Failure-demand share data</caption>
      <thead>
        <tr>
          <th scope="col">Week starting</th>
          <th scope="col">Captures</th>
          <th scope="col">Failure demand</th>
          <th scope="col">Share</th>
          <th scope="col">Value demand</th>
        </tr>
      </thead>
      <tbody>
        {buckets.map((b) => (
          <tr key={b.start}>
            <th scope="row">
              <time dateTime={b.start.slice(0, 10)}>{weekLabel(b.start)}</time>
            </th>
            <td>{n(b.total)}</td>
            <td>{n(b.failure.count)}</td>
            <td>{b.total ? percent(b.failure.share) : '–'}</td>
            <td>{n(b.value.count)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The causes' numbers: this period, the previous one, the change and the top theme. */
export function CausesTable({ causes }: { causes: DemandCauseChange[] }) {
  return (
    <table className="em-data-table">
      <caption>Failure-demand causes data</caption>
      <thead>
        <tr>
          <th scope="col">Cause</th>
          <th scope="col">This period</th>
          <th scope="col">Previous period</th>
          <th scope="col">Change</th>
          <th scope="col">Top theme</th>
        </tr>
      </thead>
      <tbody>
        {causes.map((c) => (
          <tr key={c.id}>
            <th scope="row">{c.label}</th>
            <td>{n(c.count)}</td>
            <td>{n(c.previous)}</td>
            <td>{changeText(c.count, c.previous)}</td>
            <td className="em-cell-text">
              {c.themes[0] ? `${c.themes[0].title} (${n(c.themes[0].count)})` : '–'}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
