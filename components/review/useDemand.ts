import { useCallback, useEffect, useState } from 'react';
import { asHubError, type HubError } from '@/lib/hub/errors';
import type { ReviewClient } from '@/lib/hub/review/client';
import { demandRange } from '@/lib/hub/review/demand-data';
import type { Demand } from '@/lib/hub/review/demand-schema';
import type { ReviewFilters } from '@/lib/hub/review/query';

/** GET /v1/demand for the filter bar's From/To (the last 12 weeks when From is empty), with a retry. */
export function useDemand(client: ReviewClient, range: Pick<ReviewFilters, 'from' | 'to'>) {
  const { from, to } = range;
  const [demand, setDemand] = useState<Demand | null>(null);
  const [error, setError] = useState<HubError | null>(null);

  const load = useCallback(
    (signal?: AbortSignal) => {
      setError(null);
      setDemand(null);
      client.demand(demandRange({ from, to }, new Date()), signal).then(setDemand, (thrown: unknown) => {
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

  return { demand, error, retry: () => load() };
}
