import '@/components/pages.css';
import { createRoot } from 'react-dom/client';
import { QueueHealthPanel } from '@/components/QueueHealthPanel';
import { OpenReviewButton } from '@/components/review/OpenReviewButton';
import { SiteToggle } from '@/components/SiteToggle';
import { sendToBackground } from '@/lib/messaging-client';

// Opening the popup counts as noticing the toolbar badge: actioned captures are marked seen.
void sendToBackground('reviews-seen', { ids: 'all' }).catch(() => {});

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <main>
      <h1>Earmark</h1>
      <SiteToggle />
      <QueueHealthPanel />
      <OpenReviewButton />
    </main>,
  );
}
