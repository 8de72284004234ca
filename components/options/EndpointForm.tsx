import { useState } from 'react';
import type { EndpointDraft } from '@/lib/config/endpoint-edit';
import { generateSecret } from '@/lib/config/secret';
import type { Endpoint, TaxonomyTag } from '@/lib/config/settings';
import { FieldError, fieldErrorId } from './FieldError';
import { maskSecret } from './OptionsParts';
import { TagRouting } from './TagRouting';

const FORMATS: Array<{ value: EndpointDraft['format']; label: string }> = [
  { value: 'json', label: 'Earmark JSON (signed)' },
  { value: 'slack', label: 'Slack message' },
  { value: 'teams', label: 'Microsoft Teams message' },
];

/** Adds or edits one endpoint. The saved secret is never put back in the form, only its mask. */
export function EndpointForm({
  initial,
  editing,
  taxonomy,
  errors,
  onSubmit,
  onCancel,
}: {
  initial: EndpointDraft;
  editing: Endpoint | null;
  taxonomy: TaxonomyTag[];
  /** The last refusal's message per field (fieldErrors), shown next to each field. */
  errors: Record<string, string>;
  /** Called synchronously from the submit event, so it may ask for a permission. */
  onSubmit(draft: EndpointDraft): void;
  onCancel(): void;
}) {
  const [draft, setDraft] = useState(initial);
  const [generated, setGenerated] = useState(false);
  const [copied, setCopied] = useState('');
  const set = (change: Partial<EndpointDraft>) => setDraft((d) => ({ ...d, ...change }));
  const title = editing ? `Edit ${editing.name}` : 'New endpoint';
  const invalid = (field: string) =>
    errors[field] ? { 'aria-invalid': true, 'aria-describedby': fieldErrorId('endpoint', field) } : {};

  return (
    <form
      aria-label={title}
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit(draft);
      }}
    >
      <fieldset>
        <legend>{title}</legend>
        <div className="em-field">
          <label>
            Endpoint name{' '}
            <input value={draft.name} onChange={(e) => set({ name: e.target.value })} {...invalid('name')} />
          </label>
          <FieldError form="endpoint" field="name" errors={errors} />
        </div>
        <div className="em-field">
          <label>
            Endpoint ID{' '}
            <input
              value={editing ? editing.id : draft.id}
              readOnly={editing !== null}
              placeholder="made from the name"
              onChange={(e) => set({ id: e.target.value })}
              {...invalid('id')}
            />
          </label>
          <FieldError form="endpoint" field="id" errors={errors} />
        </div>
        {editing ? <small> (fixed: queued captures refer to it)</small> : null}
        <div className="em-field">
          <label>
            URL{' '}
            <input
              inputMode="url"
              size={50}
              value={draft.url}
              placeholder="https://hub.example.com/v1/webhook"
              onChange={(e) => set({ url: e.target.value })}
              {...invalid('url')}
            />
          </label>
          <FieldError form="endpoint" field="url" errors={errors} />
        </div>
        <div className="em-field">
          <label>
            {editing ? 'New secret' : 'Secret'}{' '}
            <input
              value={draft.secret}
              size={50}
              autoComplete="off"
              spellCheck={false}
              placeholder={editing ? `empty: keep ${maskSecret(editing.secret)}` : 'whsec_…'}
              onChange={(e) => set({ secret: e.target.value })}
              {...invalid('secret')}
            />
          </label>
          <FieldError form="endpoint" field="secret" errors={errors} />
        </div>
        <button
          type="button"
          onClick={() => {
            set({ secret: generateSecret() });
            setGenerated(true);
          }}
        >
          Generate secret
        </button>
        <button
          type="button"
          disabled={!draft.secret}
          onClick={() =>
            void navigator.clipboard.writeText(draft.secret).then(
              () => setCopied('Copied the secret.'),
              () => setCopied('Could not copy: select the secret and copy it by hand.'),
            )
          }
        >
          Copy secret
        </button>
        <span aria-live="polite">{copied}</span>
        {generated ? (
          <p>Copy this secret to the receiver now: after saving it is never shown again, only masked.</p>
        ) : null}
        <br />
        <label>
          Format{' '}
          <select
            value={draft.format}
            onChange={(e) => set({ format: e.target.value as EndpointDraft['format'] })}
          >
            {FORMATS.map((f) => (
              <option key={f.value} value={f.value}>
                {f.label}
              </option>
            ))}
          </select>
        </label>
        <p>
          <small>
            Slack and Teams messages are not signed (chat webhooks check no signature): treat their URL as the
            secret. Only the JSON format carries a Standard Webhooks signature.
          </small>
        </p>
        <TagRouting draft={draft} taxonomy={taxonomy} onChange={set} />
        <FieldError form="endpoint" field="tags" errors={errors} />
        <button type="submit">{editing ? `Save ${editing.name}` : 'Add endpoint'}</button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </fieldset>
    </form>
  );
}
