// Every message's flags, next to its zod spec in ./messages.ts and keyed alike (the compiler holds
// the two to the same set of types). They live apart from the specs because they are read where
// no schema should be built, or where zod may not be bundled at all (lib/sidebar/).

/** Who answers a message: the background service worker, or the content script in a CRM tab. */
export type Receiver = 'worker' | 'tab';

/** What a message is, apart from its request and reply shapes. */
export interface MessageFlags {
  receiver: Receiver;
  /**
   * Refused unless it comes from an extension page (popup, options): a content script runs inside
   * the CRM page's renderer and must not manage delivery.
   */
  pageOnly?: true;
  /** Answering it only reads: nothing the sidebar shows can have changed after it. */
  readOnly?: true;
}

/** Every message between extension parts; a type is declared here and in PROTOCOL's specs. */
export const MESSAGE_FLAGS = {
  capture: { receiver: 'worker' },
  undo: { receiver: 'worker' },
  recent: { receiver: 'worker', readOnly: true },
  'sidebar-config': { receiver: 'worker', readOnly: true },
  revise: { receiver: 'worker' },
  'ticket-context': { receiver: 'tab', readOnly: true },
  'toggle-sidebar': { receiver: 'tab', readOnly: true },
  'queue-health': { receiver: 'worker', pageOnly: true, readOnly: true },
  'endpoint-resume': { receiver: 'worker', pageOnly: true },
  'reviews-refresh': { receiver: 'worker' },
  'reviews-seen': { receiver: 'worker' },
  'reviews-unseen': { receiver: 'worker', pageOnly: true, readOnly: true },
  'dead-letters': { receiver: 'worker', pageOnly: true },
  'endpoint-queued-count': { receiver: 'worker', pageOnly: true, readOnly: true },
  'endpoint-queued-export': { receiver: 'worker', pageOnly: true, readOnly: true },
  'endpoint-queued-drop': { receiver: 'worker', pageOnly: true },
  'endpoint-test': { receiver: 'worker', pageOnly: true, readOnly: true },
} as const satisfies Record<string, MessageFlags>;

/** Every message type. */
export type MessageType = keyof typeof MESSAGE_FLAGS;

/** The message types a receiver answers. */
export type MessageTo<R extends Receiver> = {
  [T in MessageType]: (typeof MESSAGE_FLAGS)[T]['receiver'] extends R ? T : never;
}[MessageType];

/** What the background answers. */
export type WorkerMessage = MessageTo<'worker'>;

/** What the content script in a tab answers. */
export type TabMessage = MessageTo<'tab'>;

/** The flags of a message type; undefined for anything else (also for Object's own members). */
export function messageFlags(type: unknown): MessageFlags | undefined {
  return typeof type === 'string' && Object.hasOwn(MESSAGE_FLAGS, type)
    ? MESSAGE_FLAGS[type as MessageType]
    : undefined;
}
