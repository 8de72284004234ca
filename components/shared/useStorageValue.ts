import { useCallback, useEffect, useRef, useState } from 'react';
import { browser } from 'wxt/browser';

/**
 * A value read from extension storage, read again on every storage change (settings and policy
 * apply live, also when another tab or the policy file changed them). `read` must be stable.
 */
export function useStorageValue<T>(read: () => Promise<T>): { value: T | null; reload: () => Promise<void> } {
  const [value, setValue] = useState<T | null>(null);
  // A read still under way when the page closes the component answers into nothing: set no state
  // then (in tests the document may be gone by that time, and React needs it to schedule).
  const mounted = useRef(false);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const reload = useCallback(async () => {
    const next = await read();
    if (mounted.current) setValue(next);
  }, [read]);
  useEffect(() => {
    const onChange = () => void reload();
    onChange();
    browser.storage.onChanged.addListener(onChange);
    return () => browser.storage.onChanged.removeListener(onChange);
  }, [reload]);
  return { value, reload };
}
