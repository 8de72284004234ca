import '@/components/shared/pages.css';
import { createRoot } from 'react-dom/client';
import { ConfigSummary } from '@/components/options/ConfigSummary';
import { ConfigTransfer } from '@/components/options/ConfigTransfer';
import { HubSettings } from '@/components/options/HubEditor';
import { SitesEditor } from '@/components/options/SitesEditor';
import { QueueHealthPanel } from '@/components/shared/QueueHealthPanel';
import { SurfaceSwitch } from '@/components/shared/SurfaceSwitch';
import { ANY_SITE } from '@/lib/sidebar/surface-choice';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <main>
      <h1>Earmark settings</h1>
      <section aria-labelledby="delivery-title">
        <h2 id="delivery-title">Delivery</h2>
        <QueueHealthPanel />
      </section>
      <section aria-labelledby="config-title">
        <h2 id="config-title">Configuration in force</h2>
        <ConfigSummary />
      </section>
      <HubSettings />
      <section aria-labelledby="transfer-title">
        <h2 id="transfer-title">Import and export</h2>
        <ConfigTransfer />
      </section>
      <section aria-labelledby="sites-title">
        <h2 id="sites-title">Sites</h2>
        <p>Pages beyond the built-in CRMs where agents get the sidebar.</p>
        <SitesEditor />
        <SurfaceSwitch
          host={ANY_SITE}
          label="Side panel on every site (unless chosen per site in the popup)"
        />
      </section>
    </main>,
  );
}
