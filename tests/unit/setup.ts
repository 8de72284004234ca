import 'fake-indexeddb/auto';
import { deleteDB } from 'idb';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { SETTINGS_DB_NAME } from '../../lib/config/settings-db';

beforeEach(async () => {
  fakeBrowser.reset();
  // Local settings live in IndexedDB now: every test starts from a fresh install, as with storage.
  await deleteDB(SETTINGS_DB_NAME);
});
