import { useState } from 'react';
import type { PolicyProblem } from '@/lib/config/policy';
import { readLocalSettings } from '@/lib/config/store';
import {
  exportConfig,
  type ImportPlan,
  importConfig,
  planImport,
  policyFileFor,
} from '@/lib/config/transfer';
import { requestAccess } from '@/lib/http/host-access';
import { datedName, downloadJson } from '../shared/download';

/** Every problem of a refused import, by path, so the file can be fixed in one pass. */
function ImportProblems({ name, problems }: { name: string; problems: PolicyProblem[] }) {
  return (
    <div>
      <p role="alert">
        Not imported: {name} has {problems.length} {problems.length === 1 ? 'problem' : 'problems'}. Nothing
        was changed.
      </p>
      <ul aria-label="Import problems">
        {problems.map((p, index) => (
          // Paths can repeat (two problems in one field), so the index keeps keys unique.
          // biome-ignore lint/suspicious/noArrayIndexKey: the list is replaced, never reordered
          <li key={`${index}:${p.path}`}>
            <code>{p.path}</code>: {p.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Largest configuration file read; a real one is a few kilobytes. */
const MAX_FILE_BYTES = 1_000_000;

/**
 * Export and import of the local configuration, and the same configuration as a managed-policy
 * file. An import is checked completely when the file is chosen and applied only on a second click,
 * which is also the user gesture Chrome needs to ask for the endpoints' host access.
 */
export function ConfigTransfer() {
  const [includeSecrets, setIncludeSecrets] = useState(false);
  const [pending, setPending] = useState<{ name: string; text: string; plan: ImportPlan } | null>(null);
  const [message, setMessage] = useState('');

  const exportFile = async () => {
    const settings = await readLocalSettings();
    downloadJson(datedName('earmark-config'), exportConfig(settings, { includeSecrets }));
    setMessage(
      includeSecrets ? 'Exported, secrets included: keep the file safe.' : 'Exported without secrets.',
    );
  };
  const exportPolicy = async () => {
    downloadJson('policy.json', policyFileFor(await readLocalSettings()));
    setMessage('Downloaded policy.json. It contains the endpoint secrets: keep it safe.');
  };
  const choose = async (file: File | undefined) => {
    setMessage('');
    if (!file) return setPending(null);
    const text = file.size > MAX_FILE_BYTES ? '' : await file.text();
    const plan: ImportPlan =
      file.size > MAX_FILE_BYTES
        ? { ok: false, problems: [{ path: '(file)', message: 'larger than 1 MB: not a configuration file' }] }
        : planImport(text, await readLocalSettings());
    setPending({ name: file.name, text, plan });
  };
  const apply = () => {
    if (!pending?.plan.ok) return;
    // First thing in the click: Chrome shows the prompt only during the user gesture.
    const asked = requestAccess({ urls: pending.plan.settings.endpoints.map((e) => e.url) });
    void (async () => {
      const granted = await asked.catch(() => false);
      const result = await importConfig(pending.text);
      setPending(result.ok ? null : { ...pending, plan: result });
      if (result.ok) {
        setMessage(
          `Imported ${pending.name}.${granted ? '' : ' Host access was not granted: deliveries wait.'}`,
        );
      }
    })();
  };

  return (
    <div>
      <div className="em-actions">
        <label>
          <input
            type="checkbox"
            checked={includeSecrets}
            onChange={(e) => setIncludeSecrets(e.target.checked)}
          />{' '}
          Include secrets
        </label>
        <button type="button" onClick={() => void exportFile()}>
          Export configuration
        </button>
        <button type="button" onClick={() => void exportPolicy()}>
          Download policy.json
        </button>
      </div>
      <div className="em-fields">
        <label>
          Import configuration file{' '}
          <input
            type="file"
            accept="application/json,.json"
            onChange={(e) => void choose(e.target.files?.[0])}
          />
        </label>
      </div>
      {pending && !pending.plan.ok ? (
        <ImportProblems name={pending.name} problems={pending.plan.problems} />
      ) : null}
      {pending?.plan.ok ? (
        <p>
          {pending.name} is valid: {pending.plan.settings.endpoints.length} endpoints,{' '}
          {pending.plan.settings.taxonomy?.length ?? 'starter'} tags. Importing replaces the whole local
          configuration.{' '}
          <button type="button" onClick={apply}>
            Apply import
          </button>
        </p>
      ) : null}
      <p role="status">{message}</p>
    </div>
  );
}
