import { useEffect, useState } from 'react';
import { changedFields, describeChanged, ENDPOINT_FIELDS } from '@/lib/config/changes';
import { applyDraft, draftOf, EMPTY_DRAFT, type EndpointDraft } from '@/lib/config/endpoint-edit';
import { fieldErrors } from '@/lib/config/field-errors';
import type { Endpoint, TaxonomyTag } from '@/lib/config/settings';
import { hasAccess, originPattern, requestAccess } from '@/lib/http/host-access';
import { sendToBackground } from '@/lib/protocol/client';
import { Confirm } from '../shared/Confirm';
import { useQueueHealth } from '../shared/useQueueHealth';
import { EndpointDelete } from './EndpointDelete';
import { EndpointForm } from './EndpointForm';
import { EndpointRow, type RowActions } from './EndpointRow';
import { countQueued, removeEndpoint, saveDraft, setEndpointEnabled } from './endpoint-actions';
import { LockableControls } from './OptionsParts';

type Mode = { kind: 'list' } | { kind: 'add' } | { kind: 'edit'; endpoint: Endpoint };

/** Endpoints: add, edit, delete (never losing queued captures), grant access, send a test. */
export function EndpointsEditor({
  endpoints,
  taxonomy,
  locked,
  onChanged,
}: {
  endpoints: Endpoint[];
  taxonomy: TaxonomyTag[];
  locked: boolean;
  onChanged(): Promise<void>;
}) {
  const [mode, setMode] = useState<Mode>({ kind: 'list' });
  const [message, setMessage] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [access, setAccess] = useState<Record<string, boolean>>({});
  const { health } = useQueueHealth();
  const [deleting, setDeleting] = useState<{ endpoint: Endpoint; queued: number } | null>(null);

  useEffect(() => {
    let live = true;
    void Promise.all(endpoints.map(async (e) => [e.id, await hasAccess(e.url)] as const)).then((pairs) => {
      if (live) setAccess(Object.fromEntries(pairs));
    });
    return () => {
      live = false;
    };
  }, [endpoints]);

  const report = (text: string, problem: string | null = null) => {
    setMessage(text);
    setError(problem);
  };

  const submit = (draft: EndpointDraft) => {
    const editingId = mode.kind === 'edit' ? mode.endpoint.id : null;
    const check = applyDraft(endpoints, draft, editingId);
    if (!check.ok) return report('', check.error);
    // Asked before anything else is awaited: Chrome only prompts during the user gesture.
    const asked = requestAccess(check.endpoint.url);
    void (async () => {
      const granted = await asked.catch(() => false);
      try {
        const saved = await saveDraft(draft, editingId);
        setMode({ kind: 'list' });
        const note = granted
          ? ''
          : ` Access to ${originPattern(saved.url)} was not granted: deliveries wait.`;
        const before = mode.kind === 'edit' ? mode.endpoint : null;
        const what = before
          ? `Saved ${saved.name}: ${describeChanged(changedFields(before, saved, ENDPOINT_FIELDS))}`
          : `Added ${saved.name}`;
        report(`${what}.${note}`);
      } catch (e) {
        report('', e instanceof Error ? e.message : String(e));
      }
      await onChanged();
    })();
  };

  const actions: RowActions = {
    onEdit: (endpoint) => setMode({ kind: 'edit', endpoint }),
    onToggleEnabled: (endpoint) => {
      const enable = endpoint.enabled === false;
      void setEndpointEnabled(endpoint.id, enable).then(async () => {
        report(enable ? `${endpoint.name} enabled: queued captures are sent.` : `${endpoint.name} disabled.`);
        await onChanged();
      });
    },
    onGrant: (endpoint) => {
      void requestAccess(endpoint.url).then((granted) => {
        setAccess((a) => ({ ...a, [endpoint.id]: granted }));
        report(granted ? `Access granted for ${endpoint.name}.` : `Access for ${endpoint.name} was refused.`);
      });
    },
    onTest: (endpoint) => {
      setBusy(true);
      report(`Sending a test to ${endpoint.name}…`);
      // The worker sends it, the way it sends deliveries (signed, same timeout, no redirects).
      void sendToBackground('endpoint-test', { endpoint })
        .then((r) => {
          const answer = r.status === null ? (r.error ?? 'no answer') : `HTTP ${r.status}`;
          const body = r.excerpt ? ` Response: ${r.excerpt}` : '';
          report(`Test to ${endpoint.name}: ${answer} in ${r.latencyMs} ms.${body}`);
        })
        .catch((e: unknown) =>
          report(`Test to ${endpoint.name}: ${e instanceof Error ? e.message : String(e)}`),
        )
        .finally(() => setBusy(false));
    },
    onDelete: (endpoint) => {
      setBusy(true);
      void (async () => {
        try {
          // Nothing queued: confirm and delete. Something queued: offer export first (EndpointDelete).
          setDeleting({ endpoint, queued: await countQueued(endpoint.id) });
        } finally {
          setBusy(false);
        }
      })();
    },
  };

  return (
    <div>
      {endpoints.length === 0 ? (
        <p className="em-empty">
          No endpoint yet. Add one, or ask your admin for a policy: until then captures wait on this computer.
        </p>
      ) : null}
      <ul aria-label="Endpoints" className="em-endpoint-cards">
        {endpoints.map((endpoint) => (
          <EndpointRow
            key={endpoint.id}
            endpoint={endpoint}
            taxonomy={taxonomy}
            locked={locked}
            access={access[endpoint.id]}
            health={health?.endpoints.find((h) => h.id === endpoint.id)}
            busy={busy}
            actions={actions}
          />
        ))}
      </ul>
      {deleting?.queued === 0 ? (
        <Confirm
          name={`Delete ${deleting.endpoint.name}?`}
          consequence={`Its URL and secret are forgotten on this computer. Nothing is queued for it, so no capture is lost.`}
          confirm="Yes, delete"
          onConfirm={() => {
            const { endpoint } = deleting;
            setDeleting(null);
            void removeEndpoint(endpoint.id).then(async () => {
              report(`Deleted ${endpoint.name}.`);
              await onChanged();
            });
          }}
          onCancel={() => {
            setDeleting(null);
            report(`Kept ${deleting.endpoint.name}.`);
          }}
        />
      ) : null}
      {deleting && deleting.queued > 0 ? (
        <EndpointDelete
          {...deleting}
          onDone={(text) => {
            setDeleting(null);
            report(text);
            void onChanged();
          }}
        />
      ) : null}
      {mode.kind === 'list' ? (
        <LockableControls locked={locked} id="endpoints-locked" label="Endpoint changes">
          <button type="button" onClick={() => setMode({ kind: 'add' })}>
            Add an endpoint
          </button>
        </LockableControls>
      ) : (
        <EndpointForm
          key={mode.kind === 'edit' ? mode.endpoint.id : 'new'}
          initial={mode.kind === 'edit' ? draftOf(mode.endpoint) : EMPTY_DRAFT}
          editing={mode.kind === 'edit' ? mode.endpoint : null}
          taxonomy={taxonomy}
          errors={fieldErrors(error)}
          onSubmit={submit}
          onCancel={() => setMode({ kind: 'list' })}
        />
      )}
      {error ? <p role="alert">Not saved: {error}</p> : null}
      <p role="status">{message}</p>
    </div>
  );
}
