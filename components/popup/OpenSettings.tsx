import { browser } from 'wxt/browser';
import { Icon } from '@/components/shared/Icon';

/** The popup's way to the settings page (the browser opens or focuses its tab). */
export function OpenSettings() {
  return (
    <button
      type="button"
      className="em-icon-button"
      aria-label="Open settings"
      data-tip="Settings"
      onClick={() => void browser.runtime.openOptionsPage().then(() => window.close())}
    >
      <Icon name="settings" />
    </button>
  );
}
