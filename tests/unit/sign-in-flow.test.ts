import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { oidcSettingsFromEnv } from '../../server/auth/oidc';
import { isExtensionRedirect, personFor, pkceMatches } from '../../server/auth/sign-in-flow';

// The pure parts of the hub's sign-in (server/auth/sign-in-flow.ts).

describe('where a sign-in code may go', () => {
  it("takes only an extension's redirect URL", () => {
    expect(isExtensionRedirect('https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/hub')).toBe(true);
    expect(isExtensionRedirect('https://0123abcd.extensions.allizom.org/')).toBe(true);
    for (const url of [
      'http://abcdefghijklmnop.chromiumapp.org/',
      'https://chromiumapp.org/',
      'https://a.b.chromiumapp.org/',
      'https://abc.chromiumapp.org.evil.example/',
      'https://user:pw@abc.chromiumapp.org/',
      'https://abc.chromiumapp.org:8443/',
      'https://evil.example/?x=.chromiumapp.org',
      'not a url',
    ])
      expect(isExtensionRedirect(url), url).toBe(false);
  });

  it('takes only the allowed extensions when the admin names them (EARMARK_EXTENSION_IDS)', () => {
    const ours = 'nddfakhimacgilcjhgnjangfgifholbb';
    const allowed =
      oidcSettingsFromEnv({
        EARMARK_OIDC_ISSUER: 'https://idp.example',
        EARMARK_OIDC_CLIENT_ID: 'hub',
        EARMARK_OIDC_CLIENT_SECRET: 'secret',
        EARMARK_PUBLIC_URL: 'https://hub.example',
        EARMARK_EXTENSION_IDS: `${ours}, 0123abcd`,
      })?.extensionIds ?? null;
    expect(allowed).toEqual(new Set([ours, '0123abcd']));
    expect(isExtensionRedirect(`https://${ours}.chromiumapp.org/sign-in`, allowed)).toBe(true);
    expect(isExtensionRedirect('https://0123abcd.extensions.allizom.org/sign-in', allowed)).toBe(true);
    expect(isExtensionRedirect('https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/', allowed)).toBe(
      false,
    );
  });
});

describe('the team a sign-in gives', () => {
  const identity = { subject: 's-1', email: 'ana@corp.example', name: 'Ana', groups: [] };
  it('makes a lead group win over an agent group, and the email the agent id', () => {
    expect(
      personFor(identity, [
        { teamId: 't1', role: 'agent' },
        { teamId: 't1', role: 'lead' },
      ]),
    ).toEqual({
      subject: 's-1',
      email: 'ana@corp.example',
      name: 'Ana',
      agentId: 'ana@corp.example',
      teamId: 't1',
      role: 'lead',
    });
    expect(personFor({ ...identity, email: null }, [{ teamId: 't1', role: 'agent' }])).toMatchObject({
      agentId: 's-1',
      role: 'agent',
    });
  });
  it('refuses no team and several teams with words for the person', () => {
    expect(personFor(identity, [])).toMatchObject({ error: 'no_team' });
    const several = personFor(identity, [
      { teamId: 't1', role: 'agent' },
      { teamId: 't2', role: 'agent' },
    ]);
    expect(several).toMatchObject({ error: 'several_teams' });
    expect('description' in several && several.description).toContain('an agent of several Earmark teams');
  });
});

describe("the extension's PKCE check", () => {
  it('matches S256 of the verifier only', () => {
    const verifier = 'v'.repeat(43);
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    expect(pkceMatches(verifier, challenge)).toBe(true);
    expect(pkceMatches(`${verifier}x`, challenge)).toBe(false);
    expect(pkceMatches(verifier, verifier)).toBe(false); // "plain" is not accepted
  });
});
