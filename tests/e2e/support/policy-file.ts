import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Worker } from 'playwright-core';
import { EXTENSION_ID } from '../../../lib/config/extension-id';

/** Where Debian's Chromium reads mandatory policies (root only). */
export const MANAGED_POLICY_DIR = '/etc/chromium/policies/managed';

/** A managed-policy file for Earmark that a test writes, rewrites and always removes. */
export interface PolicyFile {
  write(policy: Record<string, unknown>): void;
  remove(): void;
}

/**
 * A policy file handle if this machine lets us write policies (probed, then removed: nothing is
 * left in place until `write`); null, with a loud message, when it does not.
 */
export function policyFile(name = `earmark-e2e-${process.pid}.json`): PolicyFile | null {
  const path = join(MANAGED_POLICY_DIR, name);
  try {
    mkdirSync(MANAGED_POLICY_DIR, { recursive: true });
    writeFileSync(path, '{}');
    rmSync(path);
  } catch (error) {
    console.warn(
      `\n*** SKIPPING managed-policy tests: cannot write ${path} (${String(error)}). Run as root. ***\n`,
    );
    return null;
  }
  return {
    write(policy) {
      writeFileSync(
        path,
        JSON.stringify({ '3rdparty': { extensions: { [EXTENSION_ID]: policy } } }, null, 2),
      );
    },
    remove() {
      rmSync(path, { force: true });
    },
  };
}

/**
 * Waits until Chromium answers the extension's first managed-storage read (the policy file is
 * loaded), before a test opens pages. Checked on Chromium 156, headless: the first read takes about
 * 2.5 s on a quiet browser, but when tabs are opened and closed in a row from the start (a test
 * polling fresh pages) the policy was not loaded within 60 s, with or without our content script.
 */
export async function waitForPolicyLoaded(
  worker: Worker,
  timeoutMs = 30_000,
): Promise<Record<string, unknown>> {
  return worker.evaluate(async (ms) => {
    const { chrome } = globalThis as unknown as {
      chrome: { storage: { managed: { get(): Promise<Record<string, unknown>> } } };
    };
    const late = new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`managed policy not loaded within ${ms} ms`)), ms),
    );
    return Promise.race([chrome.storage.managed.get(), late]);
  }, timeoutMs);
}
