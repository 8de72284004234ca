import { useState } from 'react';
import type { Endpoint } from '@/lib/config/settings';
import { exportAndDelete } from './endpoint-actions';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * Shown when an endpoint to delete still has captures queued: deleting is refused unless the admin
 * exports them first, so no capture is ever lost silently.
 */
export function EndpointDelete({
  endpoint,
  queued,
  onDone,
}: {
  endpoint: Endpoint;
  queued: number;
  onDone(message: string): void;
}) {
  const [working, setWorking] = useState(false);
  const run = async () => {
    setWorking(true);
    try {
      const result = await exportAndDelete(endpoint.id);
      const files = result.files === 1 ? 'a file' : `${result.files} files`;
      onDone(
        result.deleted
          ? `Exported ${plural(result.exported, 'queued capture')} to ${files} in your downloads and deleted ${endpoint.name}.`
          : `Exported ${plural(result.exported, 'queued capture')}, but ${plural(result.remaining, 'more capture')} ` +
              `arrived meanwhile: ${endpoint.name} was kept. Delete it again to export those too.`,
      );
    } catch (error) {
      onDone(`Nothing deleted: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setWorking(false);
    }
  };
  return (
    <div className="em-delete">
      <p role="alert">
        {plural(queued, 'capture')} {queued === 1 ? 'is' : 'are'} still queued for {endpoint.name}. Deleting
        the endpoint now would lose {queued === 1 ? 'it' : 'them'}, so it was not deleted.
      </p>
      <button type="button" disabled={working} onClick={() => void run()}>
        Export queued items and delete {endpoint.name}
      </button>
      <button type="button" disabled={working} onClick={() => onDone(`Kept ${endpoint.name}.`)}>
        Keep {endpoint.name}
      </button>
    </div>
  );
}
