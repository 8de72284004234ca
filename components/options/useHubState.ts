import type { Hub } from '@/lib/config';
import { type HubLocks, hubLocks } from '@/lib/hub-settings';
import { parsePolicy } from '@/lib/policy';
import type { PollRecord } from '@/lib/review-status';
import { readPollRecord } from '@/lib/review-status/poll-record';
import { loadConfig, readPolicy } from '@/lib/settings-store';
import { useStorageValue } from '../useStorageValue';

/** What the Hub section shows. */
export interface HubState {
  hub: Hub | null;
  locks: HubLocks;
  policyHub: Hub | undefined;
  record: PollRecord | null;
}

/** Reads the hub in force, what policy decides of it, and the last status poll. */
async function readHubState(): Promise<HubState> {
  const [config, policy, record] = await Promise.all([
    loadConfig(),
    readPolicy().then(parsePolicy),
    readPollRecord(),
  ]);
  return { hub: config.hub, locks: hubLocks(policy), policyHub: policy.hub, record };
}

/** The hub in force, what policy decides of it, and the last status poll; live on any change. */
export function useHubState(): HubState | null {
  return useStorageValue(readHubState).value;
}
