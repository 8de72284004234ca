import { uuidv7 } from 'uuidv7';
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createBackgroundHandlers } from '@/lib/background-handlers';
import { handleCommand } from '@/lib/commands';
import { type EarmarkDatabase, openEarmarkDB } from '@/lib/db';
import { flush } from '@/lib/delivery';
import { createFlushScheduler, FLUSH_ALARM } from '@/lib/flush-scheduler';
import { dispatch } from '@/lib/messages';
import { loadConfig } from '@/lib/settings-store';

export default defineBackground(() => {
  let database: Promise<EarmarkDatabase> | undefined;
  const db = () => {
    database ??= openEarmarkDB();
    return database;
  };
  const scheduler = createFlushScheduler(async () =>
    flush({
      db: await db(),
      endpoints: (await loadConfig()).endpoints,
      fetch: (input, init) => fetch(input, init),
      now: Date.now,
      newBatchId: uuidv7,
    }),
  );
  const handlers = createBackgroundHandlers({
    db,
    loadConfig,
    now: Date.now,
    newId: uuidv7,
    onQueued: () => scheduler.request(),
  });

  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    if (sender.id !== browser.runtime.id) return false;
    void dispatch(handlers, message, sender).then(sendResponse);
    return true;
  });

  // Timers die with the worker: the alarm is the backstop that wakes it to retry.
  void browser.alarms.get(FLUSH_ALARM).then((alarm) => {
    if (!alarm) void browser.alarms.create(FLUSH_ALARM, { periodInMinutes: 0.5 });
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === FLUSH_ALARM) scheduler.request();
  });
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'local' || area === 'managed') scheduler.request();
  });
  browser.commands.onCommand.addListener((command) => void handleCommand(command, browser.tabs));
  self.addEventListener('online', () => scheduler.request());

  // Every worker start (install, browser start, wake-up) flushes whatever is due.
  scheduler.request();
});
