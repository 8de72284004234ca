import type { Item } from '../../schema';
import { batchBody } from '../batching';
import { slackMessage } from './slack';
import { teamsMessage } from './teams';

export type { SlackBlock, SlackMessage } from './slack';
export { slackMessage } from './slack';
export type { AdaptiveCard, CardElement, TeamsMessage } from './teams';
export { teamsMessage } from './teams';

/** What an endpoint receives: the signed Earmark JSON batch, or a chat message. */
export type BodyFormat = 'json' | 'slack' | 'teams';
/** The formats that post a human-readable message into a chat channel. */
export type ChatFormat = Exclude<BodyFormat, 'json'>;

/** True for slack/teams; an endpoint without a format gets json. */
export function isChatFormat(format: BodyFormat | undefined): format is ChatFormat {
  return format === 'slack' || format === 'teams';
}

/**
 * The JSON string to POST for one batch. Chat payloads are read by people, so they carry neither
 * batch id nor send time; chat webhooks cannot deduplicate, so a retried batch posts again.
 */
export function renderBody(format: BodyFormat, batchId: string, items: Item[], sentAtMs: number): string {
  switch (format) {
    case 'json':
      return batchBody(batchId, items, sentAtMs);
    case 'slack':
      return JSON.stringify(slackMessage(items));
    case 'teams':
      return JSON.stringify(teamsMessage(items));
  }
}
