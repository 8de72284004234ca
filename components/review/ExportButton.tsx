import { useState } from 'react';
import { asHubError, type HubError } from '@/lib/hub/errors';
import type { ReviewClient } from '@/lib/hub/review/client';
import { csvFilename, saveBlob } from '@/lib/hub/review/csv-download';
import type { ReviewFilters } from '@/lib/hub/review/query';
import { ErrorNotice } from './ErrorNotice';

/** Downloads the CSV export of exactly what the view's filters select (the hub caps it at 50,000 rows). */
export function ExportButton({ client, filters }: { client: ReviewClient; filters: ReviewFilters }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<HubError | null>(null);

  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      saveBlob(await client.exportCsv(filters), csvFilename());
    } catch (thrown) {
      setError(asHubError(thrown));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="em-export">
      <button
        type="button"
        onClick={() => void run()}
        disabled={busy}
        aria-describedby={busy ? 'em-export-busy' : undefined}
      >
        Export CSV
      </button>
      {busy && (
        <span id="em-export-busy" className="em-muted">
          Preparing the export…
        </span>
      )}
      {error && <ErrorNotice what="Could not export CSV" error={error} onRetry={() => void run()} />}
    </div>
  );
}
