import { HubError } from '../hub/errors';
import { hubJson } from '../hub/http';
import { newPkce } from './pkce';
import { type StoredSession, sessionOf, TokenResponseSchema } from './session';

// Signing in through the hub (docs/hub-api.md, Sign-in): the browser's auth window opens the
// hub's /v1/auth/start, which sends the person to the organisation's identity provider; the hub's
// callback sends the window to the extension's redirect URL with a one-time code, which only this
// flow's PKCE verifier can exchange for tokens. No OAuth is done here: the hub is the client.

/** What the flow needs from the browser and the network (injectable for tests). */
export interface SignInFlowDeps {
  /** The browser's auth window (`identity.launchWebAuthFlow`, interactive): resolves with the final URL. */
  launch: (url: string) => Promise<string | undefined>;
  /** The extension's redirect URL (`identity.getRedirectURL('sign-in')`), asked when a sign-in starts. */
  redirectUrl: () => string;
  fetch: typeof fetch;
  now: () => number;
}

/** A sign-in that did not give a session, with words to show the person. */
export class SignInError extends Error {
  constructor(
    readonly reason: 'cancelled' | 'refused' | 'failed',
    message: string,
  ) {
    super(message);
  }
}

/** The hub's /v1/auth/start URL for this flow. */
export function startUrl(hubUrl: string, redirectUrl: string, challenge: string, state: string): string {
  const query = new URLSearchParams({ return_to: redirectUrl, code_challenge: challenge, state });
  return `${hubUrl}/v1/auth/start?${query}`;
}

/** The one-time code in the URL the auth window ended on; a refusal or a mismatched state throws. */
export function codeFromRedirect(finalUrl: string, redirectUrl: string, state: string): string {
  let url: URL;
  try {
    url = new URL(finalUrl);
  } catch {
    throw new SignInError('failed', 'The sign-in window ended on an address Earmark cannot read.');
  }
  const expected = new URL(redirectUrl);
  if (url.origin !== expected.origin || url.searchParams.get('state') !== state) {
    throw new SignInError('failed', 'The sign-in answer was not for this sign-in; please try again.');
  }
  const error = url.searchParams.get('error');
  if (error) {
    const described = url.searchParams.get('error_description')?.slice(0, 300);
    throw new SignInError(
      error === 'access_denied' ? 'cancelled' : 'refused',
      described || `The hub refused the sign-in (${error.slice(0, 50)}).`,
    );
  }
  const code = url.searchParams.get('code');
  if (!code || code.length > 200) throw new SignInError('failed', 'The hub sent no sign-in code back.');
  return code;
}

/** Signs in to the hub at `hubUrl` in the browser's auth window; resolves with the new session. */
export async function signInWithHub(hubUrl: string, deps: SignInFlowDeps): Promise<StoredSession> {
  const { verifier, challenge, state } = await newPkce();
  const redirectUrl = deps.redirectUrl();
  let finalUrl: string | undefined;
  try {
    finalUrl = await deps.launch(startUrl(hubUrl, redirectUrl, challenge, state));
  } catch (error) {
    // Chrome rejects when the person closes the window ("The user did not approve access.").
    const detail = error instanceof Error ? error.message : String(error);
    throw new SignInError('cancelled', `The sign-in window was closed before it finished (${detail}).`);
  }
  if (!finalUrl) throw new SignInError('cancelled', 'The sign-in window was closed before it finished.');
  const code = codeFromRedirect(finalUrl, redirectUrl, state);
  try {
    const answer = await hubJson(
      { url: hubUrl, token: null, fetch: deps.fetch },
      '/v1/auth/token',
      TokenResponseSchema,
      {
        method: 'POST',
        json: { code, code_verifier: verifier },
      },
    );
    return sessionOf(answer, hubUrl, deps.now());
  } catch (error) {
    const detail = error instanceof HubError ? error.message : String(error);
    throw new SignInError('failed', `The hub did not complete the sign-in: ${detail}`);
  }
}
