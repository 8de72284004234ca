import tokensCss from '../../shared/tokens.css?inline';
import frameCss from './frame.css?inline';
import { TAB_SIZE } from './layout';
import panelButtonCss from './panel-button.css?inline';
import tabEdgeCss from './tab-edge.css?inline';

// Plain DOM, no React: on a site whose surface is the browser's side panel, the page gets only
// this small button on the docked edge (where the collapsed tab would be). The browser opens a
// side panel only while it handles the agent's gesture, so the page cannot open it by itself.

/** The button's stylesheet alone: WXT's host reset, the colours, the host frame, the button's rules. */
export const PANEL_BUTTON_STYLES = `:host{all:initial !important;}\n${tokensCss}\n${frameCss}\n${panelButtonCss}\n${tabEdgeCss}`;

/** Where the button sits: the side and position of the site's collapsed tab. */
export interface PanelButtonPlace {
  side: 'left' | 'right';
  tabTop: number;
}

/**
 * The "Open Earmark side panel" button, appended to `target`; a trusted click asks the worker to
 * open the panel (a page script's click() is not the agent's gesture). Returns a remover.
 */
export function showPanelButton(
  target: HTMLElement,
  place: PanelButtonPlace,
  openPanel: () => Promise<unknown>,
  onError: (error: unknown) => void,
): () => void {
  const doc = target.ownerDocument;
  const root = doc.createElement('div');
  root.className = 'em-root';
  const button = doc.createElement('button');
  button.type = 'button';
  button.className = `em-tab em-tab-${place.side}`;
  button.setAttribute('aria-label', 'Open Earmark side panel');
  button.title = "Open Earmark in the browser's side panel";
  // The CSSOM, not a style attribute, so a strict page CSP does not block it.
  button.style.top = `calc((100% - ${TAB_SIZE.height}px) * ${place.tabTop})`;
  const label = doc.createElement('span');
  label.className = 'em-tab-label';
  label.setAttribute('aria-hidden', 'true');
  label.textContent = 'Earmark';
  button.append(label);
  button.addEventListener('click', (event) => {
    if (!event.isTrusted) return;
    openPanel().catch(onError);
  });
  root.append(button);
  target.append(root);
  return () => root.remove();
}
