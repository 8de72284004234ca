import type { Item } from '../../schema';
import { type BatchLimits, batchBody, JSON_BATCH_LIMITS, MAX_BATCH_BYTES } from '../batching';
import { SLACK_MAX_ITEMS, slackMessage } from './slack';
import { TEAMS_ITEMS_BUDGET, teamsItemBytes, teamsMessage } from './teams';

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

/**
 * How much one batch of this format may carry so that every item renders in full (a chat message
 * that said "and N more" would drop items a 2xx then settles). Teams is measured in rendered
 * bytes (renderedSize), the others in item JSON bytes.
 */
export function batchLimits(format: BodyFormat): BatchLimits {
  switch (format) {
    case 'json':
      return JSON_BATCH_LIMITS;
    case 'slack':
      return { maxItems: SLACK_MAX_ITEMS, maxBytes: MAX_BATCH_BYTES };
    case 'teams':
      return { maxItems: JSON_BATCH_LIMITS.maxItems, maxBytes: TEAMS_ITEMS_BUDGET };
  }
}

/** The size batchLimits counts for an item of this format, or null where it is the item's JSON. */
export function renderedSize(format: BodyFormat, item: Item): number | null {
  return format === 'teams' ? teamsItemBytes(item) : null;
}
