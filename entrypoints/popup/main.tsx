import '@/components/pages.css';
import { createRoot } from 'react-dom/client';
import { QueueHealthPanel } from '@/components/QueueHealthPanel';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <main>
      <h1>Earmark</h1>
      <QueueHealthPanel />
    </main>,
  );
}
