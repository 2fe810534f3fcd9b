import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { chromiumPath } from '../../../scripts/chromium.mjs';
import { repoRoot } from './buildRenderer';

/** Tests write screenshots here (ignored by git); `npm run screenshots` copies the README's to docs/screenshots. */
export const screenshotDir = join(repoRoot, 'test-results', 'screenshots');

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** A page that records console errors and CSP violations, so a test can assert there were none. */
export async function openPage(browser: Browser, url: string): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(url);
  return { page, problems };
}

/** Saves a screenshot for review under test-results/screenshots; never into the tracked tree. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true });
  // Let layout animations (cards sliding to their new places after a drop) finish.
  await page.waitForTimeout(400);
  const path = join(screenshotDir, `${name}.png`);
  await page.screenshot({ path });
  return path;
}
