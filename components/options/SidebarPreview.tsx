import { useEffect, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { TaxonomyTag } from '@/lib/config/settings';
import tokensCss from '../shared/tokens.css?inline';
import { TagButtons } from '../sidebar/app/TagButtons';
import controlsCss from '../sidebar/launcher/controls.css?inline';
import { assignShortcuts } from '../sidebar/launcher/keys';

// The sidebar's own tag buttons and stylesheet, in a shadow root as on a CRM page, so the
// options page's styles and the sidebar's never meet.
const PREVIEW_CSS = `${tokensCss}
${controlsCss}
:host { display: block; }
.em-root {
  font: 13px / 1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: var(--em-fg);
  background: var(--em-bg);
  padding: 8px 10px 10px;
  box-sizing: border-box;
}
.em-root * { box-sizing: border-box; }`;

/**
 * What agents will see: the sidebar's tag buttons for the taxonomy as edited, with their keys
 * and colours, updated on every change. A picture only: inert, so it takes no focus or clicks and
 * screen readers skip it (the list beside it says the same).
 */
export function SidebarPreview({ taxonomy }: { taxonomy: readonly TaxonomyTag[] }) {
  const host = useRef<HTMLDivElement>(null);
  const [mount, setMount] = useState<HTMLElement | null>(null);
  const shortcuts = useMemo(() => assignShortcuts(taxonomy), [taxonomy]);
  useEffect(() => {
    const element = host.current;
    if (!element || element.shadowRoot) return;
    const shadow = element.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = PREVIEW_CSS;
    const root = document.createElement('div');
    root.className = 'em-root';
    shadow.append(style, root);
    setMount(root);
  }, []);
  return (
    <figure className="em-preview" aria-hidden="true">
      <figcaption>Sidebar preview</figcaption>
      <div ref={host} inert />
      {mount ? createPortal(<TagButtons shortcuts={shortcuts} onCapture={() => {}} />, mount) : null}
    </figure>
  );
}
