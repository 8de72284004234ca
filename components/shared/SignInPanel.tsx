import { useCallback, useEffect, useState } from 'react';
import { z } from 'zod';
import { awaitingSignIn } from '@/lib/auth/hold';
import { displayName } from '@/lib/auth/session';
import type { EffectiveConfig } from '@/lib/config/policy';
import { loadConfig } from '@/lib/config/store';
import { requestAccess } from '@/lib/http/host-access';
import { hubJson } from '@/lib/hub/http';
import { sendToBackground } from '@/lib/protocol/client';
import { useStorageValue } from './useStorageValue';

/** The hub's host as people know it (the button says "Sign in to hub.example.com"). */
function hostOf(url: string): string {
  return new URL(url).host;
}

/**
 * Starts the sign-in in the worker, which keeps the tokens. Access to the hub is asked for first,
 * within the click (the browser's prompt needs the gesture); the worker exchanges the code there.
 */
async function startSignIn(hubUrl: string): Promise<string | null> {
  // Already granted: answered at once, without a prompt.
  if (!(await requestAccess(hubUrl))) return `Earmark needs access to ${hostOf(hubUrl)} to sign you in.`;
  const answer = await sendToBackground('sign-in', {});
  return answer.error;
}

/** The hub's /healthz: whether it signs people in (older hubs say nothing: they do not). */
const HealthSchema = z.object({ signIn: z.boolean().optional() });

/** True when the hub at `url` says it signs people in; false when it does not or cannot be asked. */
function useHubOffersSignIn(url: string | null): boolean {
  const [offers, setOffers] = useState(false);
  useEffect(() => {
    setOffers(false);
    if (!url) return;
    const controller = new AbortController();
    hubJson({ url, token: null }, '/healthz', HealthSchema, { signal: controller.signal }).then(
      (health) => setOffers(health.signIn === true),
      () => setOffers(false),
    );
    return () => controller.abort();
  }, [url]);
  return offers;
}

/**
 * Who is signed in to the hub with their company account, "Sign in to <hub>" or "Sign out"
 * (popup, options page, review page). Shown where the policy names sign-in, or (`ask`) where the
 * hub itself says it signs people in.
 */
export function SignInPanel({ ask = false }: { ask?: boolean }) {
  const read = useCallback((): Promise<EffectiveConfig> => loadConfig(), []);
  const { value: config } = useStorageValue(read);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const hub = config?.hub;
  const offered = useHubOffersSignIn(ask && hub ? hub.url : null);
  if (!config || !hub || (!offered && !hub.signIn && !config.signedIn)) return null;
  const run = (work: () => Promise<string | null>) => {
    setBusy(true);
    setProblem(null);
    work()
      .then(setProblem, (error: unknown) =>
        setProblem(error instanceof Error ? error.message : String(error)),
      )
      .finally(() => setBusy(false));
  };
  const person = config.signedIn?.person;
  return (
    <section className="em-sign-in" aria-label="Sign-in">
      {person ? (
        <p>
          Signed in as <strong>{displayName(person)}</strong>
          {person.team ? ` (${person.team}, ${person.role})` : ` (${person.role})`}
        </p>
      ) : (
        <p>
          {awaitingSignIn(config)
            ? 'Sign in to send: your organisation requires it, and captures wait until then.'
            : 'Sign in with your company account.'}
        </p>
      )}
      {person ? (
        <button
          type="button"
          disabled={busy}
          onClick={() => run(() => sendToBackground('sign-out', {}).then(() => null))}
        >
          Sign out
        </button>
      ) : (
        <button type="button" disabled={busy} onClick={() => run(() => startSignIn(hub.url))}>
          Sign in to {hostOf(hub.url)}
        </button>
      )}
      {problem && <p role="alert">{problem}</p>}
    </section>
  );
}
