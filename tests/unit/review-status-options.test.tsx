// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { HubEditor } from '../../components/options/HubEditor';
import type { Hub } from '../../lib/config/settings';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const policyHub: Hub = { url: 'https://hub.corp.example' };
const hub: Hub = { ...policyHub, agentToken: 'agent-token-0123456789abcdef' };
let root: Root | null = null;

async function render(locks: { url: boolean; agentToken: boolean; leadToken: boolean }) {
  const host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  const record = {
    at: Date.now() - 120_000,
    ok: false,
    message: 'Agent token refused (HTTP 401)',
    checked: 3,
  };
  await act(async () => root?.render(<HubEditor state={{ hub, locks, policyHub, record }} />));
  return host;
}
const input = (host: HTMLElement, label: string) =>
  [...host.querySelectorAll('label')].find((l) => l.textContent?.startsWith(label))?.querySelector('input');

afterEach(async () => {
  await act(async () => root?.unmount());
  document.body.replaceChildren();
});

describe('Hub editor when policy sets the hub', () => {
  it('shows the policy URL read-only and keeps personal tokens editable', async () => {
    const host = await render({ url: true, agentToken: false, leadToken: false });
    const url = input(host, 'Hub URL');
    expect(url?.value).toBe('https://hub.corp.example');
    expect(url?.readOnly).toBe(true);
    expect(host.querySelector(`#${url?.getAttribute('aria-describedby')}`)?.textContent).toBe(
      'The hub URL is set by your organization; your tokens are your own.',
    );
    expect(input(host, 'Agent token')?.readOnly).toBe(false);
    expect(input(host, 'Agent token')?.value).toBe(hub.agentToken);
    expect(host.querySelector('fieldset')?.disabled).toBe(false);
    // The last poll's failure is where the agent looks for it.
    expect(host.textContent).toContain(
      'Review statuses last checked 2 min ago: Agent token refused (HTTP 401).',
    );
  });

  it('locks every control, with the reason, when the organization locks all settings', async () => {
    const host = await render({ url: true, agentToken: true, leadToken: true });
    const fieldset = host.querySelector('fieldset');
    expect(fieldset?.disabled).toBe(true);
    expect(host.querySelector(`#${fieldset?.getAttribute('aria-describedby')}`)?.textContent).toMatch(
      /^Set by your organization/,
    );
  });
});
