import '@/components/shared/pages.css';
import { createRoot } from 'react-dom/client';
import { ActionedCaptures } from '@/components/popup/ActionedCaptures';
import { MenuFailures } from '@/components/popup/MenuFailures';
import { OpenSidePanel } from '@/components/popup/OpenSidePanel';
import { SiteToggle } from '@/components/popup/SiteToggle';
import { WeekTally } from '@/components/popup/WeekTally';
import { OpenReviewButton } from '@/components/review/OpenReviewButton';
import { QueueHealthPanel } from '@/components/shared/QueueHealthPanel';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <main>
      <h1>Earmark</h1>
      <WeekTally />
      <OpenSidePanel />
      <MenuFailures />
      <ActionedCaptures />
      <SiteToggle />
      <QueueHealthPanel />
      <OpenReviewButton />
    </main>,
  );
}
