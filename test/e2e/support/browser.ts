import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { repoRoot } from './buildRenderer';

export const screenshotDir = join(repoRoot, 'test-results');

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
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

/** The views the README shows; refreshed in docs/screenshots when TASKDECK_UPDATE_SCREENSHOTS=1. */
const PUBLISHED = new Set(['backlog', 'board', 'board-sprints', 'drawer', 'new-task-form', 'inline-editing', 'board-drag']);

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true });
  // Let layout animations (cards sliding to their new places after a drop) finish.
  await page.waitForTimeout(400);
  const path = join(screenshotDir, `${name}.png`);
  await page.screenshot({ path });
  if (process.env['TASKDECK_UPDATE_SCREENSHOTS'] === '1' && PUBLISHED.has(name)) {
    mkdirSync(join(repoRoot, 'docs/screenshots'), { recursive: true });
    copyFileSync(path, join(repoRoot, 'docs/screenshots', `${name}.png`));
  }
  return path;
}
