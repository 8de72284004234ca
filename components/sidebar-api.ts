import type { TaxonomyTag } from '@/lib/config';
import type { RecentEntry } from '@/lib/messages';

/** What the sidebar needs from the extension; the content script wires it to messages. */
export interface SidebarApi {
  config(): Promise<{ taxonomy: TaxonomyTag[]; agentName: string }>;
  capture(
    tagId: string,
    note: string | null,
    quote: string | null,
  ): Promise<{ id: string; tagLabel: string }>;
  undo(id: string): Promise<void>;
  recent(): Promise<RecentEntry[]>;
}
