import { createServer } from 'node:net';
import type { OidcSettings } from '../server/auth/oidc';
import { type DemoHub, startDemoHub } from './demo-hub';
import { freePort, type IdpPerson, isPortTaken, startIdpForHub, type TestIdp } from './harness/dev-idp';

// `npm start -- --sign-in`: the demo with sign-in through the hub, against a development identity
// provider on loopback (oidc-provider; any password is accepted). Its people sign in as the demo
// team's agent or lead through the IdP groups the hub maps to the team.

/** The IdP groups the demo hub maps to the demo team. */
export const DEMO_GROUPS = { agents: 'earmark-agents', leads: 'earmark-leads' } as const;

/** Who can sign in at the development IdP (login name → person). */
export const DEMO_PEOPLE: Record<'ana' | 'lee', IdpPerson> = {
  ana: { email: 'ana@acme.example', name: 'Ana Agent', groups: [DEMO_GROUPS.agents] },
  lee: { email: 'lee@acme.example', name: 'Lee Lead', groups: [DEMO_GROUPS.leads] },
};

/** The development IdP and the hub settings that sign in against it. */
export interface DemoSignIn {
  idp: TestIdp;
  /** The port the hub must listen on: its callback is registered at the IdP. */
  hubPort: number;
  oidc: OidcSettings;
}

/** `preferred` when it is free (0: any), else a free port. */
async function portOr(preferred: number): Promise<number> {
  if (preferred === 0) return freePort();
  const server = createServer();
  const free = await new Promise<boolean>((resolve) => {
    server.once('error', () => resolve(false));
    server.listen(preferred, '127.0.0.1', () => server.close(() => resolve(true)));
  });
  return free ? preferred : freePort();
}

/** Starts the development IdP for a hub that will listen on `preferredPort` (or a free port). */
export async function startDemoSignIn(preferredPort: number): Promise<DemoSignIn> {
  const hubPort = await portOr(preferredPort);
  const { idp, oidc } = await startIdpForHub(hubPort, DEMO_PEOPLE);
  return { idp, hubPort, oidc };
}

/**
 * The demo hub with sign-in: the development IdP first (it must know the hub's callback), then the
 * hub on that port; if another process took the port in between, both start again on a free one.
 */
export async function startDemoHubWithSignIn(
  dataDir: string,
  preferredPort: number,
  say: (line: string) => void,
): Promise<{ demo: DemoHub; signIn: DemoSignIn }> {
  for (let attempt = 1; ; attempt++) {
    const signIn = await startDemoSignIn(attempt === 1 ? preferredPort : 0);
    try {
      const demo = await startDemoHub(dataDir, signIn.hubPort, say, {
        oidc: signIn.oidc,
        groups: DEMO_GROUPS,
      });
      return { demo, signIn };
    } catch (error) {
      await signIn.idp.close();
      if (!isPortTaken(error) || attempt >= 5) throw error;
    }
  }
}
