import { type ComponentChild, render } from 'preact';
import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { waitForFirstData } from '@/components/sidebar/app/first-data';
import { Sidebar } from '@/components/sidebar/app/Sidebar';
import { createSidebarApi, readPageSelection } from '@/components/sidebar/app/wiring';
import { replayEarlyInput } from '@/components/sidebar/launcher/early-input';
import { provideSidebarApp } from '@/components/sidebar/launcher/handoff';
import { SNAPSHOT_ATTRIBUTE } from '@/components/sidebar/launcher/painted';
import { snapshotEnvironment } from '@/lib/sidebar/snapshot-environment';

// The sidebar app (React components, built with Preact's preact/compat in their place: see
// wxt.config.ts; and zod through the message protocol): never a manifest content script.
// The launcher (entrypoints/sidebar-launcher.ts) imports this file into its isolated world on the CRM page
// when the sidebar is opened, reached for, or its painted snapshot is stale; it then mounts into
// the launcher's shadow root once its config and recent captures are in (see waitForFirstData).
// It renders with Preact's own render(), not compat's createRoot (which empties the container
// first): over a painted snapshot, Preact reuses the snapshot's elements and only changes what
// differs, so the agent's focus and typed note stay, and then the agent's early input is replayed.
export default defineUnlistedScript(() => {
  provideSidebarApp({
    mount(options) {
      const api = createSidebarApi(options.context, options.setSiteRules, options.prefetched);
      const { container, painted } = options;
      let removed = false;
      void waitForFirstData(api).then((first) => {
        if (removed) return;
        const early = painted?.early.take() ?? null;
        painted?.element.removeAttribute(SNAPSHOT_ATTRIBUTE);
        const sidebar = (
          <Sidebar
            api={api}
            readSelection={readPageSelection}
            onToggle={options.onToggle}
            initialLayout={options.layout}
            initialOpen={options.open}
            saveLayout={options.saveLayout}
            first={first}
            early={early ?? undefined}
            snapshots={{
              save: options.saveSnapshot,
              environment: snapshotEnvironment(browser.runtime.getManifest().version),
              paintedKey: painted?.key ?? null,
            }}
          />
        );
        render(sidebar as unknown as ComponentChild, container);
        const root = container.querySelector('.em-root');
        if (early && root) replayEarlyInput(root, early);
      });
      return () => {
        removed = true;
        render(null, container);
      };
    },
  });
});
