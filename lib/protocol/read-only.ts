import { messageFlags } from './messages';

// Read by the background after every message it answers, to know whether the sidebar's data may
// need publishing again (lib/sidebar/data-publisher.ts). It lives with the protocol, not in
// lib/sidebar/, because the flags are declared with the zod specs and lib/sidebar/ stays zod-free.

/**
 * True when handling this (untrusted, not yet parsed) message may change what the sidebar shows:
 * anything but a message its flags declare read-only.
 */
export function mayChangeSidebar(message: unknown): boolean {
  const type = (message as { type?: unknown } | null)?.type;
  return messageFlags(type)?.readOnly !== true;
}
