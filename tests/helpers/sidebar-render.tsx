import { act, type ComponentProps } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { Sidebar } from '../../components/sidebar/app/Sidebar';
import { DEFAULT_LAYOUT } from '../../lib/sidebar/site-prefs';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

type SidebarProps = ComponentProps<typeof Sidebar>;
const roots: Root[] = [];

/** The sidebar's element for a test: its api and what else the test sets; the rest are no-ops. */
function element(props: Partial<SidebarProps> & Pick<SidebarProps, 'api'>) {
  return (
    <Sidebar
      readSelection={() => null}
      onToggle={() => () => {}}
      initialLayout={DEFAULT_LAYOUT}
      saveLayout={async () => {}}
      {...props}
    />
  );
}

/**
 * Renders the sidebar into a fresh element of the document and waits for its effects; with
 * `firstFrame`, only the first render is flushed (what the first frame shows, effects not yet run).
 */
export async function renderSidebar(
  props: Partial<SidebarProps> & Pick<SidebarProps, 'api'>,
  options: { firstFrame?: boolean } = {},
): Promise<HTMLElement> {
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  roots.push(root);
  if (options.firstFrame) act(() => root.render(element(props)));
  else await act(async () => root.render(element(props)));
  return host;
}

/** Unmounts every sidebar rendered so far and empties the document (for afterEach). */
export async function unmountSidebars(): Promise<void> {
  for (const root of roots.splice(0)) await act(async () => root.unmount());
  document.body.replaceChildren();
}
