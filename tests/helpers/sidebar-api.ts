import type { SidebarApi } from '../../components/sidebar/app/sidebar-api';

/** A sidebar api that answers every call harmlessly (no tags, nothing listed); override what a test needs. */
export function fakeSidebarApi(overrides: Partial<SidebarApi> = {}): SidebarApi {
  return {
    config: async () => ({ taxonomy: [], agentName: 'Ada', sites: [] }),
    recent: async () => [],
    onConfigChanged: () => () => {},
    capture: async () => ({ id: 'x', tagLabel: 'Bug', routed: true }),
    adoptCapture: async (reply) => (await reply) as { id: string; tagLabel: string; routed: boolean },
    undo: async () => {},
    revise: async () => ({ revision: 2 }),
    refreshReviews: async () => false,
    reviewsSeen: async () => {},
    signIn: async () => null,
    ...overrides,
  };
}
