import { generateSecret } from '../../../lib/config/secret';
import type { Endpoint } from '../../../lib/config/settings';
import type { Item } from '../../../lib/schema';
import { type CrmServer, startCrmServer } from '../../../scripts/harness/crm-server';
import { type ExtensionBrowser, launchWithExtension } from '../../../scripts/harness/launch';
import { configure, uniqueRevisions, verifiedItems } from './extension';
import { type Receiver, startReceiver } from './receiver';

/** A browser with the extension, CRM pages, and one receiver configured as its endpoint. */
export interface Session {
  crm: CrmServer;
  receiver: Receiver;
  browser: ExtensionBrowser;
  endpoint: Endpoint;
  secret: string;
  /** Every item the receiver stored, duplicates included (signatures verified). */
  received(): Item[];
  /** Distinct item revisions the receiver stored (signatures verified). */
  delivered(): number;
  close(): Promise<void>;
}

/**
 * Starts a session; `retryScale` shrinks the retry schedule so tests wait seconds, not hours;
 * `windowSize` gives pages the real window (launchWithExtension).
 */
export async function startSession(
  options: { retryScale?: number; userDataDir?: string; windowSize?: { width: number; height: number } } = {},
): Promise<Session> {
  const secret = generateSecret();
  const crm = await startCrmServer();
  const receiver = await startReceiver();
  const browser = await launchWithExtension({
    hostResolverRules: crm.hostResolverRules,
    userDataDir: options.userDataDir,
    windowSize: options.windowSize,
  });
  const endpoint: Endpoint = { id: 'receiver', name: 'Test receiver', url: receiver.url, secret };
  await configure(browser.worker, [endpoint], options.retryScale ?? 0.02);
  const received = () => verifiedItems(receiver.committed(), secret);
  return {
    crm,
    receiver,
    browser,
    endpoint,
    secret,
    received,
    delivered: () => uniqueRevisions(received()).size,
    async close() {
      await browser.close();
      await receiver.close();
      await crm.close();
    },
  };
}
