import type { RecentEntry, ReplyOf, RequestOf } from '@/lib/protocol/messages';

/** A change to a capture already made: a new note (null clears it), or deletion. */
export type CaptureChange = RequestOf<'revise'>['change'];

/** What the sidebar needs from the extension; the content script wires it to messages. */
export interface SidebarApi {
  /** What a content script may know of the configuration: tags, agent name, admin-added sites. */
  config(): Promise<ReplyOf<'sidebar-config'>>;
  /** Calls back when settings or policy change (e.g. the taxonomy); returns the unsubscribe function. */
  onConfigChanged(listener: () => void): () => void;
  /** Stores a capture; `routed` false: saved, but no endpoint takes its tag yet (it waits for one). */
  capture(tagId: string, note: string | null, quote: string | null): Promise<ReplyOf<'capture'>>;
  /** Validates the reply to a capture the launcher sent from the painted sidebar (raw reply). */
  adoptCapture(reply: Promise<unknown>): Promise<ReplyOf<'capture'>>;
  undo(id: string): Promise<void>;
  recent(): Promise<RecentEntry[]>;
  /** Stores a new revision of a capture (edited note, or deleted); resolves with its revision. */
  revise(id: string, change: CaptureChange): Promise<{ revision: number }>;
  /** Asks the hub whether leads triaged the agent's captures (debounced); true when anything changed. */
  refreshReviews(): Promise<boolean>;
  /** Tells the background the agent has seen these reviews (clears the toolbar badge). */
  reviewsSeen(ids: string[]): Promise<void>;
  /**
   * Asks the worker to open Earmark in the browser's side panel for this window; absent where the
   * browser has no side panel (Firefox's sidebar comes later).
   */
  openSidePanel?(): Promise<void>;
  /** Signs in through the hub in the browser's auth window; resolves with why not, or null. */
  signIn(): Promise<string | null>;
}
