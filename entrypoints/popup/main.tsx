import '@/components/pages.css';
import { createRoot } from 'react-dom/client';
import { QueueHealthPanel } from '@/components/QueueHealthPanel';
import { SiteToggle } from '@/components/SiteToggle';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <main>
      <h1>Earmark</h1>
      <SiteToggle />
      <QueueHealthPanel />
    </main>,
  );
}
