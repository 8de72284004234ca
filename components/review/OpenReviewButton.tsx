import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { loadConfig } from '@/lib/config/store';

/** "Open review page" in the popup, for a lead: a hub with a lead token, or a lead signed in. */
export function OpenReviewButton() {
  const [lead, setLead] = useState(false);

  useEffect(() => {
    loadConfig().then(
      (config) => setLead(Boolean(config.hub?.leadToken) || config.signedIn?.person.role === 'lead'),
      () => setLead(false),
    );
  }, []);

  if (!lead) return null;
  return (
    <button
      type="button"
      onClick={() => {
        void browser.tabs.create({ url: browser.runtime.getURL('/review.html') });
        window.close();
      }}
    >
      Open review page
    </button>
  );
}
