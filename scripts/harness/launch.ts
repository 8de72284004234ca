import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Worker } from 'playwright-core';
import { DEFAULT_SETTINGS, type LocalSettings } from '../../lib/config/settings';
import { ensureChromium } from './chromium';
import { EXTENSION_DIR } from './paths';

/** A browser with the built extension loaded. */
export interface ExtensionBrowser {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  userDataDir: string;
  close(options?: { keepProfile?: boolean }): Promise<void>;
}

/**
 * Flags for every Chromium we drive: CRM hostnames mapped to loopback, the self-signed certificate
 * accepted, and none of the background traffic this closed network refuses (browser-notes.md).
 */
export function chromiumArgs(hostResolverRules: string): string[] {
  return [
    `--host-resolver-rules=${hostResolverRules}`,
    '--ignore-certificate-errors',
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
}

/**
 * Launches Chromium (headless unless told otherwise) with the built extension loaded. With
 * `windowSize` the page gets the real window instead of a fixed 1280 × 800 viewport, so it
 * reflows when the browser's side panel takes room beside it.
 */
export async function launchWithExtension(options: {
  hostResolverRules: string;
  headless?: boolean;
  userDataDir?: string;
  extensionDir?: string;
  windowSize?: { width: number; height: number };
}): Promise<ExtensionBrowser> {
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension in ${extensionDir}: run \`npm run build\` first.`);
  }
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'earmark-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: ensureChromium(),
    headless: options.headless ?? true,
    ignoreHTTPSErrors: true,
    viewport: options.windowSize ? null : { width: 1280, height: 800 },
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      ...chromiumArgs(options.hostResolverRules),
      ...(options.windowSize
        ? [`--window-size=${options.windowSize.width},${options.windowSize.height}`]
        : []),
    ],
  });
  const worker =
    context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    userDataDir,
    async close({ keepProfile = false } = {}) {
      await context.close();
      if (!keepProfile && !options.userDataDir) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** What the worker exposes to the harness (entrypoints/background/index.ts): its settings store. */
interface SettingsHook {
  earmarkSettings: { read(): Promise<LocalSettings>; write(value: LocalSettings): Promise<LocalSettings> };
}

/** Writes local settings into the extension's settings database, as the options page would. */
export async function seedSettings(worker: Worker, settings: Partial<LocalSettings>): Promise<void> {
  const value: LocalSettings = { ...DEFAULT_SETTINGS, ...settings };
  await worker.evaluate(async (stored) => {
    await (globalThis as unknown as SettingsHook).earmarkSettings.write(stored);
  }, value);
}

/** The local settings as stored, read in the worker (not through any page under test). */
export function readSettings(worker: Worker): Promise<LocalSettings> {
  return worker.evaluate(() => (globalThis as unknown as SettingsHook).earmarkSettings.read());
}
