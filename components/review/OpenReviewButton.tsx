import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { loadConfig } from '@/lib/config/store';

/** "Open review page" in the popup, for a lead: shown only when a hub with a lead token is set. */
export function OpenReviewButton() {
  const [lead, setLead] = useState(false);

  useEffect(() => {
    loadConfig().then(
      (config) => setLead(Boolean(config.hub?.leadToken)),
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
