import '@/components/pages.css';
import { createRoot } from 'react-dom/client';
import { ActionedCaptures } from '@/components/ActionedCaptures';
import { QueueHealthPanel } from '@/components/QueueHealthPanel';
import { OpenReviewButton } from '@/components/review/OpenReviewButton';
import { SiteToggle } from '@/components/SiteToggle';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <main>
      <h1>Earmark</h1>
      <ActionedCaptures />
      <SiteToggle />
      <QueueHealthPanel />
      <OpenReviewButton />
    </main>,
  );
}
