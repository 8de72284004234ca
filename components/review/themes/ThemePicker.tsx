import { useState } from 'react';
import { asHubError, type HubError } from '@/lib/hub/errors';
import type { Theme } from '@/lib/hub/review/theme-schemas';
import { ErrorNotice } from '../ErrorNotice';
import { Field } from '../Field';

/** The longest title a picker option shows; the hub's titles are notes and can be long. */
const OPTION_CHARS = 90;

/**
 * A form that picks another theme by name (a native select: typing a title's first letters jumps
 * to it) and sends it; `except` is left out (the theme itself).
 */
export function ThemePicker(props: {
  name: string;
  label: string;
  submit: string;
  choices: Theme[];
  except: string;
  onPick: (theme: Theme) => Promise<void>;
  onCancel?: () => void;
}) {
  const options = props.choices.filter((t) => t.id !== props.except);
  const [target, setTarget] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<HubError | null>(null);
  const chosen = options.find((t) => t.id === target);

  const send = async () => {
    if (!chosen) return;
    setBusy(true);
    setError(null);
    try {
      await props.onPick(chosen);
    } catch (thrown) {
      setError(asHubError(thrown));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="em-theme-picker"
      aria-label={props.name}
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
    >
      <Field label={props.label} wide>
        {(id) => (
          <select id={id} value={target} onChange={(e) => setTarget(e.target.value)}>
            <option value="">{options.length ? 'Choose a theme' : 'No other themes'}</option>
            {options.map((t) => (
              <option key={t.id} value={t.id}>
                {t.title.length > OPTION_CHARS ? `${t.title.slice(0, OPTION_CHARS - 1)}…` : t.title} (
                {t.count})
              </option>
            ))}
          </select>
        )}
      </Field>
      <button type="submit" disabled={busy || !chosen}>
        {props.submit}
      </button>
      {props.onCancel && (
        <button type="button" onClick={props.onCancel} disabled={busy}>
          Cancel
        </button>
      )}
      {error && (
        <ErrorNotice
          what={`Could not ${props.name.toLowerCase()}`}
          error={error}
          onRetry={() => void send()}
        />
      )}
    </form>
  );
}
