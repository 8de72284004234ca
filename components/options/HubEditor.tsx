import { useEffect, useState } from 'react';
import { withSignInToken } from '@/lib/auth/page-token';
import { draftOfHub, type HubDraft, parseHubDraft } from '@/lib/config/hub-settings';
import { updateLocalSettings } from '@/lib/config/store';
import { hasAccess, originPattern, requestAccess } from '@/lib/http/host-access';
import { type HubCheck, testHubConnection } from '@/lib/hub/check';
import type { PollRecord } from '@/lib/hub/status/poll';
import { sendToBackground } from '@/lib/protocol/client';
import { Confirm } from '../shared/Confirm';
import { ago } from '../shared/format-time';
import { SignInPanel } from '../shared/SignInPanel';
import { LockableControls } from './OptionsParts';
import { SettingsSection } from './SettingsSection';
import { TokenField } from './TokenField';
import { type HubState, useHubState } from './useHubState';

/** "Last checked 2 min ago: 3 captures checked" (or what went wrong), for the agent token. */
function describeRecord(record: PollRecord | null): string {
  if (!record) return 'Review statuses not checked yet.';
  return `Review statuses last checked ${ago(record.at)}: ${record.message}.`;
}

/** The "Hub" section: URL and personal tokens, saved, tested against the hub, or removed. */
export function HubSettings() {
  const state = useHubState();
  return (
    <SettingsSection
      id="hub"
      title="Hub"
      locked={state?.locks.url ?? false}
      summary={
        <>
          The Earmark hub your team lead reviews captures in. With your agent token, Recent captures shows
          what leads did with yours, and deliveries to this hub carry it so the hub knows they are yours; a
          lead token opens the review page.
        </>
      }
    >
      {state ? <HubEditor state={state} /> : <p>Loading…</p>}
    </SettingsSection>
  );
}

/** The hub form; saving asks for host access to an https hub (the worker's requests need it). */
export function HubEditor({ state }: { state: HubState }) {
  const { hub, locks, policyHub, record } = state;
  const [draft, setDraft] = useState<HubDraft>(draftOfHub(hub));
  const [message, setMessage] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [checks, setChecks] = useState<HubCheck[]>([]);
  const [access, setAccess] = useState(true);
  const [busy, setBusy] = useState(false);
  const set = (change: Partial<HubDraft>) => setDraft((d) => ({ ...d, ...change }));
  // Follows changes made elsewhere (import, policy, another tab), not every storage write.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the hub's values, not its identity.
  useEffect(() => setDraft(draftOfHub(hub)), [hub?.url, hub?.agentToken, hub?.leadToken]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the hub's values, not its identity.
  useEffect(() => {
    if (hub) void hasAccess(hub.url).then(setAccess);
  }, [hub?.url]);

  const report = (text: string, problem: string | null = null) => {
    setMessage(text);
    setError(problem);
  };
  const checked = (failure: string) => {
    const result = parseHubDraft(draft, locks, policyHub);
    if (!result.ok) report('', `${failure}: ${result.error}`);
    return result.ok ? result.hub : null;
  };
  const save = () => {
    const next = checked('Not saved');
    if (!next) return;
    // Asked before anything else is awaited: Chrome only prompts during the user gesture.
    const asked = requestAccess(next.url).catch(() => false);
    void (async () => {
      const granted = await asked;
      setAccess(granted);
      await updateLocalSettings((s) => ({ ...s, hub: next }));
      const note = granted
        ? ''
        : ` Access to ${originPattern(next.url)} was not granted: nothing is fetched.`;
      report(`Saved the hub ${next.url}.${note}`);
    })().catch((e: unknown) => report('', `Not saved: ${e instanceof Error ? e.message : String(e)}`));
  };
  const test = () => {
    const target = checked('Not tested');
    if (!target) return;
    const asked = requestAccess(target.url).catch(() => false);
    setBusy(true);
    setChecks([]);
    report(`Testing ${target.url}…`);
    void (async () => {
      if (!(await asked))
        return report('', `Not tested: access to ${originPattern(target.url)} was refused.`);
      const access = await sendToBackground('hub-access', {}).catch(() => null);
      const results = await testHubConnection(withSignInToken(target, access), (input, init) =>
        fetch(input, init),
      );
      setChecks(results);
      report(`Tested ${target.url}: ${results.map((r) => r.text).join('; ')}.`);
    })().finally(() => setBusy(false));
  };
  const [removing, setRemoving] = useState(false);
  const remove = () => {
    setRemoving(false);
    void updateLocalSettings((s) => ({ ...s, hub: null })).then(() => {
      setChecks([]);
      report(
        locks.url ? 'Removed your tokens; the hub URL is set by your organization.' : 'Removed the hub.',
      );
    });
  };

  const everything = locks.url && locks.agentToken && locks.leadToken;
  return (
    <div>
      <p>{describeRecord(hub?.agentToken ? record : null)}</p>
      <SignInPanel ask />
      <form
        aria-label="Hub settings"
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <LockableControls locked={everything} id="hub-locked" label="Hub connection">
          {locks.url && !everything ? (
            <p id="hub-url-locked">The hub URL is set by your organization; your tokens are your own.</p>
          ) : null}
          <label>
            Hub URL{' '}
            <input
              inputMode="url"
              size={40}
              value={draft.url}
              readOnly={locks.url}
              aria-describedby={locks.url && !everything ? 'hub-url-locked' : undefined}
              placeholder="https://hub.example.com"
              onChange={(e) => set({ url: e.target.value })}
            />
          </label>
          <TokenField
            label="Agent token"
            value={draft.agentToken}
            readOnly={locks.agentToken}
            onChange={(agentToken) => set({ agentToken })}
          />
          <TokenField
            label="Lead token"
            value={draft.leadToken}
            readOnly={locks.leadToken}
            onChange={(leadToken) => set({ leadToken })}
          />
          <button type="submit">Save hub</button>
          <button type="button" onClick={test} disabled={busy}>
            Test connection
          </button>
          <button
            type="button"
            id="em-remove-hub"
            onClick={() => setRemoving(true)}
            disabled={!hub}
            aria-expanded={removing}
          >
            Remove hub
          </button>
          {hub && !access ? (
            <button type="button" onClick={() => void requestAccess(hub.url).then(setAccess)}>
              Grant hub access
            </button>
          ) : null}
        </LockableControls>
      </form>
      {removing ? (
        <Confirm
          name="Remove the hub?"
          consequence={
            locks.url
              ? 'Your agent and lead tokens are forgotten on this computer (the hub URL is set by your organization).'
              : 'Its URL and your agent and lead tokens are forgotten on this computer: Recent captures no longer shows what leads did with yours.'
          }
          confirm="Yes, remove"
          onConfirm={remove}
          onCancel={() => {
            setRemoving(false);
            document.getElementById('em-remove-hub')?.focus();
          }}
        />
      ) : null}
      {checks.length > 0 ? (
        <ul aria-label="Connection test">
          {checks.map((c) => (
            <li key={c.what} className={c.ok === false ? 'em-check-failed' : undefined}>
              {c.text}
            </li>
          ))}
        </ul>
      ) : null}
      {error ? <p role="alert">{error}</p> : null}
      <p role="status">{message}</p>
    </div>
  );
}
