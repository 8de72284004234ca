import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import { REVIEW_POLL_KEY, storageItemKey } from '../../storage-keys';
import type { PollRecord } from './poll';

/** How the last status poll went; the options page shows it next to the hub settings. */
export const reviewPollRecord = storage.defineItem<PollRecord | null>(storageItemKey(REVIEW_POLL_KEY), {
  fallback: null,
});

const PollRecordSchema = z.strictObject({
  at: z.number(),
  ok: z.boolean(),
  message: z.string().max(1000),
  checked: z.int().min(0),
});

/** Reads the last poll's record; anything malformed reads as "no poll yet". */
export async function readPollRecord(): Promise<PollRecord | null> {
  const parsed = PollRecordSchema.safeParse(await reviewPollRecord.getValue());
  return parsed.success ? parsed.data : null;
}
