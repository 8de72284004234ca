import { useCallback, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';

/**
 * A value read from extension storage, read again on every storage change (settings and policy
 * apply live, also when another tab or the policy file changed them). `read` must be stable.
 */
export function useStorageValue<T>(read: () => Promise<T>): { value: T | null; reload: () => Promise<void> } {
  const [value, setValue] = useState<T | null>(null);
  const reload = useCallback(async () => setValue(await read()), [read]);
  useEffect(() => {
    const onChange = () => void reload();
    onChange();
    browser.storage.onChanged.addListener(onChange);
    return () => browser.storage.onChanged.removeListener(onChange);
  }, [reload]);
  return { value, reload };
}
