import { createRoot, type Root } from 'react-dom/client';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { Sidebar } from '@/components/Sidebar';
import { waitForFirstData } from '@/components/sidebar-first-data';
import { provideSidebarApp } from '@/components/sidebar-handoff';
import { createSidebarApi, readPageSelection } from '@/components/sidebar-wiring';

// The sidebar app (React components, built with Preact's preact/compat in their place: see
// wxt.config.ts; and zod through the message protocol): never a manifest content script.
// The launcher (entrypoints/content) imports this file into its isolated world on the CRM page
// when the sidebar is open or opened; it then mounts into the launcher's shadow root, rendering
// once its config and recent captures are in (see waitForFirstData).
export default defineUnlistedScript(() => {
  provideSidebarApp({
    mount(options) {
      const api = createSidebarApi(options.context, options.setSiteRules, options.prefetched);
      let root: Root | null = null;
      let removed = false;
      void waitForFirstData(api).then((first) => {
        if (removed) return;
        root = createRoot(options.container);
        root.render(
          <Sidebar
            api={api}
            readSelection={readPageSelection}
            onToggle={options.onToggle}
            initialLayout={options.layout}
            initialOpen={options.open}
            saveLayout={options.saveLayout}
            first={first}
          />,
        );
      });
      return () => {
        removed = true;
        root?.unmount();
      };
    },
  });
});
