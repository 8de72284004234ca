import { type TrendsModel, weekLabel } from '@/lib/hub/review/trends-data';

const sum = (counts: number[]) => counts.reduce((a, b) => a + b, 0);

/** The chart's numbers as a table: one row per tag, one column per week, demand totals last. */
export function TrendsTable({ model, id }: { model: TrendsModel; id: string }) {
  return (
    <div className="em-table-wrap" id={id}>
      <table className="em-trends-table">
        <caption>Trends data</caption>
        <thead>
          <tr>
            <th scope="col">Tag</th>
            <th scope="col">Category</th>
            {model.weeks.map((w) => (
              <th key={w} scope="col">
                <time dateTime={w.slice(0, 10)}>{weekLabel(w)}</time>
              </th>
            ))}
            <th scope="col">Total</th>
          </tr>
        </thead>
        <tbody>
          {model.series.map((s) => (
            <tr key={s.tag}>
              <th scope="row">{s.label}</th>
              <td>{s.category}</td>
              {s.counts.map((n, i) => (
                <td key={model.weeks[i]}>{n}</td>
              ))}
              <td>{sum(s.counts)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          {(
            [
              ['Failure demand', model.failure],
              ['Value demand', model.value],
            ] as const
          ).map(([name, counts]) => (
            <tr key={name}>
              <th scope="row" colSpan={2}>
                {name}
              </th>
              {counts.map((n, i) => (
                <td key={model.weeks[i]}>{n}</td>
              ))}
              <td>{sum(counts)}</td>
            </tr>
          ))}
        </tfoot>
      </table>
    </div>
  );
}
