import type { EffectiveConfig } from '../config/policy';

// The policy's `hub.signIn: "required"`: captures are kept, but none leaves this browser before
// someone signs in, so the hub can trust who made each one (and the unknown agent never ships).

/** Words for a capture held until sign-in (its "Recent captures" line, the popup). */
export const SIGN_IN_TO_SEND = 'Sign in to send';

/** True while deliveries wait for a sign-in the policy requires. */
export function awaitingSignIn(config: Pick<EffectiveConfig, 'hub' | 'signedIn'>): boolean {
  return config.hub?.signIn === 'required' && config.signedIn === null;
}
