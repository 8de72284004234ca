import type { Locator, Page } from 'playwright-core';
import type { ExtensionBrowser } from '../../../scripts/harness/launch';

/** Opens a CRM page in a new tab and waits until the Earmark sidebar's tags are there. */
export async function openWithSidebar(
  browser: ExtensionBrowser,
  url: string,
): Promise<{ page: Page; sidebar: Locator }> {
  const page = await browser.context.newPage();
  await page.goto(url);
  const sidebar = page.getByRole('complementary', { name: 'Earmark' });
  await sidebar.getByRole('button', { name: 'Bug', exact: true }).waitFor();
  return { page, sidebar };
}
