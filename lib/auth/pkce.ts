// The extension's side of PKCE (RFC 7636) toward the hub: the hub hands its one-time code only to
// whoever holds the verifier behind the challenge sent at the start, so a code caught on the way
// back (another extension reading the redirect) is of no use.

/** base64url without padding, as PKCE and the hub expect. */
function base64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A random base64url string of `bytes` random bytes (32 give a 43-character verifier). */
export function randomToken(bytes = 32): string {
  return base64Url(crypto.getRandomValues(new Uint8Array(bytes)));
}

/** The S256 challenge of a verifier: base64url(sha256(verifier)). */
export async function challengeOf(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64Url(new Uint8Array(digest));
}

/** A fresh verifier, its challenge and a state value for one sign-in. */
export async function newPkce(): Promise<{ verifier: string; challenge: string; state: string }> {
  const verifier = randomToken();
  return { verifier, challenge: await challengeOf(verifier), state: randomToken(16) };
}
