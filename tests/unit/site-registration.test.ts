import { describe, expect, it } from 'vitest';
import { adapterFor } from '../../lib/sites/adapters';
import { ADMIN_SITES_SCRIPT_ID, type RegistrationApis, syncAdminSites } from '../../lib/sites/registration';

function fakeApis(granted: string[]) {
  const scripts = new Map<string, { id: string; matches?: string[]; runAt?: string }>();
  const calls: string[] = [];
  const apis: RegistrationApis = {
    contains: async ([origin]) => granted.includes(origin ?? ''),
    registered: async () => [...scripts.values()],
    register: async (script) => {
      calls.push(`register ${script.matches.join(',')}`);
      scripts.set(script.id, script);
    },
    unregister: async (ids) => {
      calls.push(`unregister ${ids.join(',')}`);
      for (const id of ids) scripts.delete(id);
    },
  };
  return { apis, scripts, calls };
}

const crm = { match: 'https://support.acme.example/*', adapter: 'zendesk' } as const;
const other = { match: 'https://*.tickets.example/*', adapter: 'generic' } as const;

describe('admin-added sites', () => {
  it('registers the content script only where access is granted, and reports the rest', async () => {
    const { apis, scripts } = fakeApis([crm.match]);
    const access = await syncAdminSites([crm, other], apis);
    expect(access).toEqual([
      { ...crm, granted: true },
      { ...other, granted: false },
    ]);
    expect(scripts.get(ADMIN_SITES_SCRIPT_ID)?.matches).toEqual([crm.match]);
  });

  it('is idempotent and unregisters when no granted site is left', async () => {
    const { apis, calls } = fakeApis([crm.match]);
    await syncAdminSites([crm], apis);
    await syncAdminSites([crm], apis);
    expect(calls).toEqual([`register ${crm.match}`]);
    await syncAdminSites([], apis);
    expect(calls.at(-1)).toBe(`unregister ${ADMIN_SITES_SCRIPT_ID}`);
  });

  it('runs at document_start like the manifest script, replacing an older document_idle registration', async () => {
    const { apis, scripts, calls } = fakeApis([crm.match]);
    scripts.set(ADMIN_SITES_SCRIPT_ID, {
      id: ADMIN_SITES_SCRIPT_ID,
      matches: [crm.match],
      runAt: 'document_idle',
    });
    await syncAdminSites([crm], apis);
    expect(calls).toEqual([`unregister ${ADMIN_SITES_SCRIPT_ID}`, `register ${crm.match}`]);
    expect(scripts.get(ADMIN_SITES_SCRIPT_ID)?.runAt).toBe('document_start');
  });

  it('reads an admin-added site with the adapter the admin named', () => {
    expect(adapterFor(new URL('https://support.acme.example/agent/tickets/12'), [crm]).site).toBe('zendesk');
    expect(adapterFor(new URL('https://a.tickets.example/x'), [other]).site).toBe('generic');
    expect(adapterFor(new URL('https://acme.zendesk.com/agent/tickets/1'), [other]).site).toBe('zendesk');
    expect(
      adapterFor(new URL('https://x.example/'), [{ match: 'not a pattern', adapter: 'zendesk' }]).site,
    ).toBe('generic');
  });
});
