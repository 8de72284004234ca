import { signBatch } from '../../lib/delivery/signing';
import type { Digest } from './build';
import { digestSlackMessage } from './slack';
import type { DigestFormat } from './store';
import { digestTeamsMessage } from './teams';

/** The event type of a JSON digest (Standard Webhooks payload shape: type, timestamp, data). */
export const DIGEST_EVENT_TYPE = 'digest.created';

/** The JSON a json target receives. */
export interface DigestEvent {
  type: typeof DIGEST_EVENT_TYPE;
  timestamp: string;
  data: Digest;
}

/** One digest message ready to POST: its body and headers. */
export interface RenderedDigest {
  body: string;
  headers: Record<string, string>;
}

/** The body for a format: a Slack or Teams message, or the digest.created event. */
export function digestBody(format: DigestFormat, digest: Digest, createdAt: Date): string {
  switch (format) {
    case 'slack':
      return JSON.stringify(digestSlackMessage(digest));
    case 'teams':
      return JSON.stringify(digestTeamsMessage(digest));
    case 'json': {
      const event: DigestEvent = {
        type: DIGEST_EVENT_TYPE,
        timestamp: createdAt.toISOString(),
        data: digest,
      };
      return JSON.stringify(event);
    }
  }
}

/**
 * Headers of one attempt. A json target's body is signed per Standard Webhooks (webhook-id = the
 * message id, the same on every retry so the receiver can dedupe; webhook-timestamp per attempt);
 * chat webhooks take the plain JSON (their URL is their secret).
 */
export function digestHeaders(
  format: DigestFormat,
  secret: string | null,
  messageId: string,
  body: string,
  nowMs: number,
): Record<string, string> {
  if (format !== 'json') return { 'content-type': 'application/json' };
  if (!secret) throw new Error('a json digest target needs its signing secret');
  return signBatch(secret, messageId, body, nowMs);
}
