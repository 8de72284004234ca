import { useState } from 'react';

/**
 * Shown while the organisation requires a sign-in and nobody is signed in: captures still work
 * (they wait, "Sign in to send"), and one click opens the company sign-in.
 */
export function SignInNotice({
  host,
  signIn,
}: {
  host: string | undefined;
  signIn: () => Promise<string | null>;
}) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  if (!host) return null;
  const start = () => {
    setBusy(true);
    setProblem(null);
    signIn()
      .then(setProblem, (error: unknown) =>
        setProblem(error instanceof Error ? error.message : String(error)),
      )
      .finally(() => setBusy(false));
  };
  return (
    <section className="em-sign-in-note" aria-label="Sign-in required">
      <p>Sign in to send: captures wait until you sign in with your company account.</p>
      <button type="button" disabled={busy} onClick={start}>
        Sign in to {host}
      </button>
      {problem ? <p role="alert">{problem}</p> : null}
    </section>
  );
}
