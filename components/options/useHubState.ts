import { type HubLocks, hubLocks } from '@/lib/config/hub-settings';
import { parsePolicy } from '@/lib/config/policy';
import type { Hub } from '@/lib/config/settings';
import { loadConfig, readPolicy } from '@/lib/config/store';
import type { PollRecord } from '@/lib/hub/status/poll';
import { readPollRecord } from '@/lib/hub/status/poll-record';
import { useStorageValue } from '../shared/useStorageValue';

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
