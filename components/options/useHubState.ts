import { useCallback, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import type { Hub } from '@/lib/config';
import { type HubLocks, hubLocks } from '@/lib/hub-settings';
import { parsePolicy } from '@/lib/policy';
import type { PollRecord } from '@/lib/review-status';
import { readPollRecord } from '@/lib/review-status/poll-record';
import { loadConfig, readPolicy } from '@/lib/settings-store';

/** What the Hub section shows. */
export interface HubState {
  hub: Hub | null;
  locks: HubLocks;
  policyHub: Hub | undefined;
  record: PollRecord | null;
}

/** The hub in force, what policy decides of it, and the last status poll; live on any change. */
export function useHubState(): HubState | null {
  const [state, setState] = useState<HubState | null>(null);
  const reload = useCallback(async () => {
    const [config, policy, record] = await Promise.all([
      loadConfig(),
      readPolicy().then(parsePolicy),
      readPollRecord(),
    ]);
    setState({ hub: config.hub, locks: hubLocks(policy), policyHub: policy.hub, record });
  }, []);
  useEffect(() => {
    const onChange = () => void reload();
    onChange();
    browser.storage.onChanged.addListener(onChange);
    return () => browser.storage.onChanged.removeListener(onChange);
  }, [reload]);
  return state;
}
