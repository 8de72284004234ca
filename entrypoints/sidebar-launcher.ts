import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { LAUNCHER_SLOT, type LauncherModule } from '@/components/sidebar/launcher/modules';
import { startOverlay } from '@/components/sidebar/launcher/overlay';
import { SIDEBAR_STYLES } from '@/components/sidebar/launcher/sidebar-styles';
import { provideToWorld } from '@/lib/sidebar/world-slot';
import { adapterFor } from '@/lib/sites/adapters';

// The in-page sidebar's launcher (painted snapshot, collapsed tab, loading the sidebar app) and the
// site adapters: never a manifest content script. The eager stub (entrypoints/content) imports this
// file by URL at document_start on a page whose surface is the overlay; a side-panel site never
// loads it. It runs in the stub's isolated world and hands itself over there (world-slot.ts).

/** Reads the ticket context at call time, so SPA navigation is always reflected. */
function readContext(rules: Parameters<typeof adapterFor>[1]) {
  const url = new URL(location.href);
  return adapterFor(url, rules).context(document, url);
}

export default defineUnlistedScript(() => {
  const launcherModule: LauncherModule = {
    readContext,
    styles: SIDEBAR_STYLES,
    startOverlay: (options) => startOverlay(options, () => readContext(options.siteRules())),
  };
  provideToWorld(LAUNCHER_SLOT, launcherModule);
});
