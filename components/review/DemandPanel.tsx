import type { ReviewClient } from '@/lib/hub/review/client';
import { percent, shareChangeText, weekLabel } from '@/lib/hub/review/demand-data';
import type { Demand } from '@/lib/hub/review/demand-schema';
import type { ReviewFilters } from '@/lib/hub/review/query';
import { DataFigure } from './DataFigure';
import { DemandCauses } from './DemandCauses';
import { DemandShareChart } from './DemandShareChart';
import { CausesTable, ShareTable } from './DemandTables';
import { ErrorNotice } from './ErrorNotice';
import { useDemand } from './useDemand';

const n = (count: number) => count.toLocaleString('en-GB');
const DAY_MS = 86_400_000;

/** The range in words: its first and last day (the hub's `to` is exclusive). */
function rangeText(d: Demand): string {
  const last = new Date(Date.parse(d.to) - 1).toISOString();
  return `${weekLabel(d.from)} to ${weekLabel(last)}`;
}

/** The headline: the share in the range, against the period of equal length before it. */
function Headline({ demand }: { demand: Demand }) {
  const { failure, value, total, previousTotal } = demand.summary;
  const days = Math.round((Date.parse(demand.to) - Date.parse(demand.from)) / DAY_MS);
  return (
    <p className="em-demand-headline">
      <strong className="em-demand-share">{percent(failure.share)}</strong> of {n(total)} captures from{' '}
      {rangeText(demand)} were failure demand ({n(failure.count)}),{' '}
      {previousTotal
        ? `${shareChangeText(failure.share, failure.previousShare)} on the ${days} days before (${percent(failure.previousShare)} of ${n(previousTotal)})`
        : `with no captures in the ${days} days before to compare with`}
      . Value demand: {n(value.count)} ({percent(value.share)}).
    </p>
  );
}

/**
 * Failure demand for the filter bar's range: its share per week as a line, the causes ranked with
 * their change against the previous period, each opening its themes and their words.
 */
export function DemandPanel(props: { client: ReviewClient; range: Pick<ReviewFilters, 'from' | 'to'> }) {
  const { demand, error, retry } = useDemand(props.client, props.range);
  return (
    <section className="em-demand" aria-labelledby="em-demand-title">
      <h2 id="em-demand-title">Failure demand</h2>
      {!demand && !error && <p>Loading failure demand…</p>}
      {error && <ErrorNotice what="Could not load failure demand" error={error} onRetry={retry} />}
      {demand && demand.summary.total === 0 && <p>No captures in these weeks.</p>}
      {demand && demand.summary.total > 0 && (
        <>
          <Headline demand={demand} />
          <div className="em-demand-grid">
            <DataFigure
              caption="Failure-demand share per week"
              chart={<DemandShareChart buckets={demand.buckets} />}
              table={<ShareTable buckets={demand.buckets} />}
            />
            <DataFigure
              caption="Causes against the previous period"
              chart={<DemandCauses causes={demand.summary.failure.causes} />}
              table={<CausesTable causes={demand.summary.failure.causes} />}
            />
          </div>
        </>
      )}
    </section>
  );
}
