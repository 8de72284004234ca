import { describe, expect, it } from 'vitest';
import { SIDE_PANEL_MENU } from '../../lib/capture/context-menu';
import { rebuildMenus } from '../../lib/capture/menu-actions';

// "Open Earmark side panel" in the context menu wherever the browser has a panel to open.

/** A browser whose context menu records the ids created, with the panel API given. */
function browserWith(panel: object) {
  const created: string[] = [];
  const api = {
    ...panel,
    contextMenus: {
      removeAll: async () => {},
      create: (entry: { id: string }) => created.push(entry.id),
    },
  };
  return { api: api as unknown as Parameters<typeof rebuildMenus>[0], created };
}

const config = { taxonomy: [], sites: [] } as unknown as Parameters<typeof rebuildMenus>[1];

describe('context menu: the side panel entry', () => {
  it('is there in Chrome (sidePanel) and in Firefox (sidebarAction), not where there is neither', async () => {
    const chrome = browserWith({ sidePanel: { open: async () => {} } });
    const firefox = browserWith({ sidebarAction: { open: async () => {} } });
    const neither = browserWith({});
    for (const b of [chrome, firefox, neither]) await rebuildMenus(b.api, config);
    expect(chrome.created).toContain(SIDE_PANEL_MENU);
    expect(firefox.created).toContain(SIDE_PANEL_MENU);
    expect(neither.created).not.toContain(SIDE_PANEL_MENU);
  });
});
