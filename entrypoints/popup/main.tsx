import '@/components/shared/pages.css';
import '@/components/popup/popup.css';
import { createRoot } from 'react-dom/client';
import { ActionedCaptures } from '@/components/popup/ActionedCaptures';
import { MenuFailures } from '@/components/popup/MenuFailures';
import { OpenSettings } from '@/components/popup/OpenSettings';
import { OpenSidePanel } from '@/components/popup/OpenSidePanel';
import { SiteToggle } from '@/components/popup/SiteToggle';
import { WeekTally } from '@/components/popup/WeekTally';
import { OpenReviewButton } from '@/components/review/OpenReviewButton';
import { QueueHealthPanel } from '@/components/shared/QueueHealthPanel';
import { SignInPanel } from '@/components/shared/SignInPanel';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <main className="em-popup">
      <header className="em-popup-head">
        <h1>Earmark</h1>
        <OpenSettings />
      </header>
      <SignInPanel />
      <div className="em-popup-card">
        <SiteToggle />
        <OpenSidePanel />
      </div>
      <MenuFailures />
      <ActionedCaptures />
      <div className="em-popup-card">
        <QueueHealthPanel />
      </div>
      <div className="em-popup-foot">
        <WeekTally />
        <OpenReviewButton />
      </div>
    </main>,
  );
}
