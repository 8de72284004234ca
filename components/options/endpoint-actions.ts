import { applyDraft, type EndpointDraft } from '@/lib/config/endpoint-edit';
import type { Endpoint } from '@/lib/config/settings';
import { updateLocalSettings } from '@/lib/config/store';
import { sendToBackground } from '@/lib/protocol/client';
import type { ReplyOf } from '@/lib/protocol/messages';
import { datedName, downloadJson } from '../shared/download';

/** Saves a draft against the settings as stored now (not as the page last saw them). */
export async function saveDraft(draft: EndpointDraft, editingId: string | null): Promise<Endpoint> {
  let saved: Endpoint | undefined;
  await updateLocalSettings((s) => {
    const result = applyDraft(s.endpoints, draft, editingId);
    if (!result.ok) throw new Error(result.error);
    saved = result.endpoint;
    return { ...s, endpoints: result.endpoints };
  });
  if (!saved) throw new Error('not saved');
  return saved;
}

/** Captures still owed to an endpoint (waiting or parked), as the worker counts them. */
export async function countQueued(endpointId: string): Promise<number> {
  return (await sendToBackground('endpoint-queued-count', { endpointId })).count;
}

/** Switches delivery to an endpoint off or on (queued captures wait while it is off). */
export async function setEndpointEnabled(endpointId: string, enabled: boolean): Promise<void> {
  await updateLocalSettings((s) => ({
    ...s,
    endpoints: s.endpoints.map((e) => {
      if (e.id !== endpointId) return e;
      const { enabled: _previous, ...rest } = e;
      return enabled ? rest : { ...rest, enabled: false };
    }),
  }));
}

/** Removes an endpoint from the local settings. */
export async function removeEndpoint(endpointId: string): Promise<void> {
  await updateLocalSettings((s) => ({ ...s, endpoints: s.endpoints.filter((e) => e.id !== endpointId) }));
}

/** What "Export queued items and delete" did. */
export interface ExportDeleteResult {
  exported: number;
  files: number;
  deleted: boolean;
  /** Rows queued or revised after the export; when > 0 the endpoint was kept. */
  remaining: number;
}

/**
 * Downloads the items still owed to an endpoint, then deletes exactly those rows and the endpoint.
 * Rows that appear meanwhile are never dropped unexported: either the endpoint is kept, or (if
 * they arrive after it was removed) they are exported in a second file.
 */
export async function exportAndDelete(endpointId: string): Promise<ExportDeleteResult> {
  // Every read and write goes through the worker: it alone opens the database, so its running
  // count of waiting items (the queue cap, the health panel) stays right.
  const first = await sendToBackground('endpoint-queued-export', { endpointId });
  downloadJson(datedName(`earmark-queued-${endpointId}`), first);
  const remaining = await dropExportedItems(first);
  if (remaining > 0) return { exported: first.items.length, files: 1, deleted: false, remaining };
  await removeEndpoint(endpointId);
  // A capture routed with the old settings just before they changed may still have queued a row.
  const late = await sendToBackground('endpoint-queued-export', { endpointId });
  if (late.items.length === 0) return { exported: first.items.length, files: 1, deleted: true, remaining: 0 };
  downloadJson(datedName(`earmark-queued-${endpointId}-late`), late);
  const left = await dropExportedItems(late);
  return { exported: first.items.length + late.items.length, files: 2, deleted: true, remaining: left };
}

/** Asks the worker to drop exactly the exported revisions; returns the rows it kept. */
async function dropExportedItems(exported: ReplyOf<'endpoint-queued-export'>): Promise<number> {
  const items = exported.items.map(({ id, revision }) => ({ id, revision }));
  return (await sendToBackground('endpoint-queued-drop', { endpointId: exported.endpointId, items }))
    .remaining;
}
