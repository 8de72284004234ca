import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import { asHubError, type HubError } from '@/lib/hub/errors';
import type { ReviewClient } from '@/lib/hub/review/client';
import type { ReviewFilters } from '@/lib/hub/review/query';
import type { Trends } from '@/lib/hub/review/schemas';
import { trendsModel, trendsRange, weekLabel } from '@/lib/hub/review/trends-data';
import { ErrorNotice } from './ErrorNotice';
import { TrendsChart } from './TrendsChart';
import { TrendsTable } from './TrendsTable';

const share = (part: number, whole: number) => (whole ? Math.round((100 * part) / whole) : 0);

/** Weekly captures per tag for the team (date filters apply; the last 12 weeks by default). */
export function TrendsPanel(props: {
  client: ReviewClient;
  range: Pick<ReviewFilters, 'from' | 'to'>;
  categoryOf: (tag: string) => string | undefined;
}) {
  const { client, categoryOf } = props;
  const { from, to } = props.range;
  const [trends, setTrends] = useState<Trends | null>(null);
  const [error, setError] = useState<HubError | null>(null);
  const [showTable, setShowTable] = useState(false);
  const tableId = useId();

  const load = useCallback(
    (signal?: AbortSignal) => {
      setError(null);
      setTrends(null);
      client.trends(trendsRange({ from, to }, new Date()), signal).then(setTrends, (thrown: unknown) => {
        const e = asHubError(thrown);
        if (e.kind !== 'aborted') setError(e);
      });
    },
    [client, from, to],
  );

  useEffect(() => {
    const controller = new AbortController();
    load(controller.signal);
    return () => controller.abort();
  }, [load]);

  const model = useMemo(() => (trends ? trendsModel(trends, categoryOf) : null), [trends, categoryOf]);
  const failure = model ? model.failure.reduce((a, b) => a + b, 0) : 0;
  const value = model ? model.value.reduce((a, b) => a + b, 0) : 0;

  return (
    <section className="em-trends" aria-labelledby="em-trends-title">
      <h2 id="em-trends-title">Trends</h2>
      {!trends && !error && <p>Loading trends…</p>}
      {error && <ErrorNotice what="Could not load trends" error={error} onRetry={() => load()} />}
      {model && model.weeks.length === 0 && <p>No captures in these weeks.</p>}
      {model && model.weeks.length > 0 && (
        <>
          <p>
            Weeks from {weekLabel(model.weeks[0] ?? '')} to {weekLabel(model.weeks.at(-1) ?? '')}: failure
            demand {failure.toLocaleString('en-GB')} ({share(failure, failure + value)}%), value demand{' '}
            {value.toLocaleString('en-GB')} ({share(value, failure + value)}%).
          </p>
          <TrendsChart model={model} />
          <button
            type="button"
            aria-expanded={showTable}
            aria-controls={showTable ? tableId : undefined}
            onClick={() => setShowTable((v) => !v)}
          >
            Show data table
          </button>
          {showTable && <TrendsTable model={model} id={tableId} />}
        </>
      )}
    </section>
  );
}
