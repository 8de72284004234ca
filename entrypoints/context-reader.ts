import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { CONTEXT_READER_SLOT, type ContextReader } from '@/components/sidebar/launcher/modules';
import { provideToWorld } from '@/lib/sidebar/world-slot';
import { adapterFor } from '@/lib/sites/adapters';

// The site adapters alone, for a page without the overlay launcher (a side-panel site, a site
// switched off, a window whose side panel is open): the eager stub (entrypoints/content) imports
// this file by URL on the first message that needs the ticket context (the side panel's
// 'ticket-context'), so a page load there compiles none of the twelve CRM readers.

export default defineUnlistedScript(() => {
  const reader: ContextReader = {
    readContext(rules) {
      const url = new URL(location.href);
      return adapterFor(url, rules).context(document, url);
    },
  };
  provideToWorld(CONTEXT_READER_SLOT, reader);
});
