// An extension page's hub token while someone is signed in: asked of the worker (which alone
// refreshes it, lib/auth/session-keeper.ts) and kept until shortly before it expires, so a review
// page making many requests asks once per token, not once per request.

/** A token as the worker's `hub-access` answer gives it. */
export interface PageAccess {
  token: string;
  /** Epoch ms. */
  expiresAt: number;
}

/** Asked again this long before the token expires (the worker refreshes a minute before). */
const ASK_AGAIN_MS = 30_000;

/** A token source for HubConnection.tokenSource; concurrent callers share one question. */
export function pageTokenSource(
  ask: () => Promise<PageAccess | null>,
  now: () => number = Date.now,
): () => Promise<string | null> {
  let kept: PageAccess | null = null;
  let asking: Promise<PageAccess | null> | null = null;
  return async () => {
    if (kept && kept.expiresAt - now() > ASK_AGAIN_MS) return kept.token;
    asking ??= ask().finally(() => {
      asking = null;
    });
    kept = await asking;
    return kept?.token ?? null;
  };
}

/**
 * The hub to test (options page, Test connection) with the sign-in's token in the signed-in role's
 * place where no token is typed for it, so a signed-in person's test checks what is really used.
 */
export function withSignInToken<H extends { url: string; agentToken?: string; leadToken?: string }>(
  hub: H,
  access: (PageAccess & { url: string; role: 'agent' | 'lead' }) | null,
): H {
  if (!access || access.url !== hub.url) return hub;
  const key = access.role === 'agent' ? 'agentToken' : 'leadToken';
  return hub[key] ? hub : { ...hub, [key]: access.token };
}
