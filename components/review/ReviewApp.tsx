import { useCallback, useEffect, useMemo, useState } from 'react';
import { browser } from 'wxt/browser';
import { pageTokenSource } from '@/lib/auth/page-token';
import type { TaxonomyTag } from '@/lib/config/settings';
import { loadConfig } from '@/lib/config/store';
import { hasAccess, requestAccess } from '@/lib/http/host-access';
import { createReviewClient } from '@/lib/hub/review/client';
import { sendToBackground } from '@/lib/protocol/client';
import { SETTINGS_CHANGED_KEY } from '@/lib/storage-keys';
import { SignInPanel } from '../shared/SignInPanel';
import { ReviewPage } from './ReviewPage';

type Setup =
  | { state: 'loading' }
  | { state: 'unconfigured'; reason: string }
  | { state: 'no-access'; url: string }
  | { state: 'ready'; url: string; token: string | null; taxonomy: TaxonomyTag[] };

async function readSetup(): Promise<Setup> {
  const config = await loadConfig();
  if (!config.hub) return { state: 'unconfigured', reason: 'No hub is configured in Earmark settings.' };
  // A lead's sign-in (its token asked of the worker per request) or a lead token from the CLI.
  const signedInLead = config.signedIn?.person.role === 'lead';
  if (!config.hub.leadToken && !signedInLead) {
    return {
      state: 'unconfigured',
      reason: `The hub ${config.hub.url} is configured, but you are not signed in as a lead.`,
    };
  }
  if (!(await hasAccess(config.hub.url))) return { state: 'no-access', url: config.hub.url };
  const token = signedInLead ? null : (config.hub.leadToken ?? null);
  return { state: 'ready', url: config.hub.url, token, taxonomy: config.taxonomy };
}

/** The review page: reads the hub and lead token from the effective config, then shows the review. */
export function ReviewApp() {
  const [setup, setSetup] = useState<Setup>({ state: 'loading' });
  const [problem, setProblem] = useState<string | null>(null);

  const refresh = useCallback(() => {
    readSetup().then(setSetup, (error: unknown) =>
      setProblem(`Could not read Earmark settings: ${String(error)}`),
    );
  }, []);

  useEffect(() => {
    refresh();
    // A lead who adds the token in the options page sees the review without reloading this tab.
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'managed' || SETTINGS_CHANGED_KEY in changes) refresh();
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, [refresh]);

  const url = setup.state === 'ready' ? setup.url : null;
  const token = setup.state === 'ready' ? setup.token : null;
  // One client per hub and token: an unrelated settings change must not reload the review.
  const client = useMemo(() => {
    if (!url) return null;
    if (token) return createReviewClient({ url, token });
    const ask = () => sendToBackground('hub-access', {});
    return createReviewClient({ url, token: null, tokenSource: pageTokenSource(ask) });
  }, [url, token]);

  const grant = (url: string) => {
    // The permission prompt needs the click's user gesture: request before any other await.
    requestAccess(url).then(
      (granted) => (granted ? refresh() : setProblem(`Access to ${new URL(url).origin} was not granted.`)),
      (error: unknown) => setProblem(String(error)),
    );
  };

  return (
    <main className="em-review">
      <h1>Earmark review</h1>
      {problem && <p role="alert">{problem}</p>}
      {setup.state === 'loading' && <p>Loading settings…</p>}
      {setup.state === 'unconfigured' && (
        <section className="em-empty" aria-labelledby="em-connect">
          <h2 id="em-connect">Connect a hub</h2>
          <p>
            {setup.reason} Sign in with your company account, or add your lead token (from{' '}
            <code>npm run hub -- token create --role lead</code>) in the settings.
          </p>
          <SignInPanel ask />
          <a href={browser.runtime.getURL('/options.html')} target="_blank" rel="noreferrer">
            Open settings
          </a>
        </section>
      )}
      {setup.state === 'no-access' && (
        <section className="em-empty" aria-labelledby="em-access">
          <h2 id="em-access">Allow Earmark to reach the hub</h2>
          <p>The browser needs your permission before this page can read from {new URL(setup.url).origin}.</p>
          <button type="button" onClick={() => grant(setup.url)}>
            Grant access to {new URL(setup.url).origin}
          </button>
        </section>
      )}
      {setup.state === 'ready' && client && <ReviewPage client={client} taxonomy={setup.taxonomy} />}
    </main>
  );
}
