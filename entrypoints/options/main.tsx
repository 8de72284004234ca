import '@/components/shared/pages.css';
import '@/components/options/options.css';
import { createRoot } from 'react-dom/client';
import { ConfigSections } from '@/components/options/ConfigSections';
import { ConfigTransfer } from '@/components/options/ConfigTransfer';
import { HubSettings } from '@/components/options/HubEditor';
import { SettingsNav } from '@/components/options/SettingsNav';
import { SettingsSection } from '@/components/options/SettingsSection';
import { SitesEditor } from '@/components/options/SitesEditor';
import { QueueHealthPanel } from '@/components/shared/QueueHealthPanel';
import { SurfaceSwitch } from '@/components/shared/SurfaceSwitch';
import { ANY_SITE } from '@/lib/sidebar/surface-choice';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <div className="em-settings">
      <header className="em-settings-head">
        <h1>Earmark settings</h1>
      </header>
      <SettingsNav />
      <main>
        <SettingsSection
          id="delivery"
          title="Delivery"
          summary="What waits on this computer and how each endpoint is doing. Nothing is lost while an endpoint is down: captures wait and are retried."
        >
          <QueueHealthPanel />
        </SettingsSection>
        <ConfigSections />
        <HubSettings />
        <SettingsSection
          id="sites"
          title="Sites"
          summary="Pages beyond the built-in CRMs where agents get the sidebar, and where it shows."
        >
          <SitesEditor />
          <SurfaceSwitch
            host={ANY_SITE}
            label="Side panel on every site (unless chosen per site in the popup)"
          />
        </SettingsSection>
        <SettingsSection
          id="transfer"
          title="Import & export"
          summary="Move this configuration to another browser, or hand it to your admin as a managed policy."
        >
          <ConfigTransfer />
        </SettingsSection>
      </main>
    </div>,
  );
}
