import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { SurfaceSwitch } from '@/components/shared/SurfaceSwitch';
import { PROTOCOL } from '@/lib/protocol/messages';
import { isSiteEnabled, setSiteEnabled } from '@/lib/sidebar/site-prefs';

/** The active tab's host, learned from Earmark's content script there (null: Earmark is not on this page). */
async function activeCrmHost(): Promise<string | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return null;
  try {
    const reply = (await browser.tabs.sendMessage(tab.id, { type: 'ticket-context' })) as {
      value?: unknown;
    } | null;
    const context = PROTOCOL['ticket-context'].reply.safeParse(reply?.value);
    return context.success ? new URL(context.data.url).hostname : null;
  } catch {
    return null;
  }
}

/** Whether Earmark is active on the current site, with a switch to turn it off there. */
export function SiteToggle() {
  const [host, setHost] = useState<string | null | undefined>(undefined);
  const [enabled, setEnabled] = useState(true);
  useEffect(() => {
    void activeCrmHost().then(async (h) => {
      setHost(h);
      if (h) setEnabled(await isSiteEnabled(h));
    });
  }, []);
  if (host === undefined) return null;
  if (host === null) return <p>Earmark is not active on this page.</p>;
  return (
    <>
      <label className="em-site-toggle">
        <input
          type="checkbox"
          role="switch"
          aria-checked={enabled}
          checked={enabled}
          onChange={(e) => {
            const next = e.target.checked;
            setEnabled(next);
            void setSiteEnabled(host, next);
          }}
        />{' '}
        Active on {host}
      </label>
      <SurfaceSwitch host={host} label={`Side panel on ${host}`} />
    </>
  );
}
