// The sidebar's place on the CRM page: an <earmark-sidebar> element with an open shadow root that
// holds html > head (our stylesheet) + body (the container), the structure WXT's
// createShadowRootUi makes. Built here instead, because on every CRM page load that helper
// fetched the stylesheet from the extension (a request, and a mount one task later than the
// DOMContentLoaded it waited for) and ran it through regular expressions: measured at a few ms of
// the page's main thread per load. The stylesheet is given at each mount: the sidebar's
// (sidebar-styles.ts, in the launcher module) or the side panel's button's alone (panel-button.ts,
// in the eager stub), since parsing the whole sidebar's for one button costs the page's main thread.

/** Keys typed in the sidebar stop at its shadow root, so the CRM's own shortcuts stay quiet. */
const ISOLATED_EVENTS = ['keydown', 'keyup', 'keypress'] as const;

/** The sidebar's shadow root on the page, mounted and removed as the site is switched on and off. */
export interface SidebarHost {
  /** Appends the host to the page's body with this stylesheet (bundled text: no request). */
  mount(styles: string): void;
  /** Takes the host off the page and empties it. */
  remove(): void;
}

/** Creates the host (not yet on the page); onMount gets the container the sidebar renders into. */
export function createSidebarHost(
  doc: Document,
  handlers: { onMount(container: HTMLElement): void; onRemove(): void },
): SidebarHost {
  const host = doc.createElement('earmark-sidebar');
  const shadow = host.attachShadow({ mode: 'open' });
  const html = doc.createElement('html');
  const head = doc.createElement('head');
  const style = doc.createElement('style');
  head.append(style);
  /**
   * A fresh container for each showing. The app's renderer (Preact) keeps its last tree on the
   * container it rendered into; rendering there again after a remove, it diffs against that tree
   * and appends a new sidebar beside a painted snapshot instead of taking the snapshot's nodes
   * over: two sidebars on the page.
   */
  const newBody = () => {
    const body = doc.createElement('body');
    for (const type of ISOLATED_EVENTS) body.addEventListener(type, (event) => event.stopPropagation());
    return body;
  };
  let body = newBody();
  html.append(head, body);
  shadow.append(html);
  let mounted = false;
  return {
    mount(styles) {
      if (mounted) return;
      mounted = true;
      if (style.textContent !== styles) style.textContent = styles;
      (doc.body ?? doc.documentElement).append(host);
      handlers.onMount(body);
    },
    remove() {
      if (!mounted) return;
      mounted = false;
      handlers.onRemove();
      host.remove();
      const fresh = newBody();
      body.replaceWith(fresh);
      body = fresh;
    },
  };
}
