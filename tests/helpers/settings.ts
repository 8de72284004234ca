import { SETTINGS_VERSION } from '../../lib/config/settings';
import { changeSettingsRecord, readSettingsRecord } from '../../lib/config/settings-db';

/** Stores a settings value as is (valid or not) in the current version, as a saved one would be. */
export async function storeSettings(value: unknown, version = SETTINGS_VERSION): Promise<void> {
  await changeSettingsRecord(() => ({ version, value }));
}

/** The stored settings value as is, undefined when none is stored. */
export async function storedSettings(): Promise<unknown> {
  return (await readSettingsRecord())?.value;
}
