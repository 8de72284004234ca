import './style.css';
import { useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { defineContentScript } from 'wxt/utils/define-content-script';

function Overlay() {
  const [count, setCount] = useState(0);
  return (
    <aside className="overlay" aria-label="Reference overlay">
      <button type="button" onClick={() => setCount(count + 1)}>
        Clicked {count} times
      </button>
    </aside>
  );
}

export default defineContentScript({
  matches: ['https://*.zendesk.com/*'],
  cssInjectionMode: 'ui',
  async main(ctx) {
    const ui = await createShadowRootUi<Root>(ctx, {
      name: 'reference-overlay',
      position: 'inline',
      anchor: 'body',
      onMount(container) {
        const root = createRoot(container);
        root.render(<Overlay />);
        return root;
      },
      onRemove: (root) => root?.unmount(),
    });
    ui.mount();
  },
});
