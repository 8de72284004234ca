import '@/components/pages.css';
import { createRoot } from 'react-dom/client';
import { QueueHealthPanel } from '@/components/QueueHealthPanel';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <main>
      <h1>Earmark settings</h1>
      <section aria-labelledby="delivery-title">
        <h2 id="delivery-title">Delivery</h2>
        <QueueHealthPanel />
      </section>
    </main>,
  );
}
