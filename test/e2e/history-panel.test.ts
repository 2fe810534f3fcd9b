// The run history and the drawer's run list in Chromium, on a seeded history: IDs on one
// line, long messages opened in place, a log panel of at least a third of the view that
// can be resized, and the drawer's runs with headers that open an attempt's log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { openStore } from '../../src/main/store/index';
import { writeHistory } from './support/seedHistory';
import { hostSampleProject, type HostedProject } from './support/webHostFixture';
import { launchBrowser, openPage } from './support/browser';
import { RunsPage } from './pages/RunsPage';

const LONG = 'validation failure in B-206: the seed file names 14 ingredients the parser does not know, first of them "crème fraîche (full fat)", then "self-raising flour"';

let project: HostedProject;
let browser: Browser;
let page: Page;
let problems: string[];

beforeAll(async () => {
  project = await hostSampleProject();
  writeHistory(project.dir, Date.now() - 60_000);
  // One attempt with a long message, newest of all so it heads the table.
  const opened = openStore(project.dir);
  if (!opened.ok) throw new Error(opened.error.message);
  const store = opened.value;
  const at = Date.now() - 1000;
  const id = store.startAttempt({ runId: 'long-message', taskId: 'B-206', attempt: 1, trigger: 'manual', command: 'node scripts/validate.mjs', startedAt: at, logPath: null, ownerPid: process.pid });
  store.finishAttempt(id, { endedAt: at + 400, durationMs: 400, exitCode: 1, signal: null, outcome: 'failed', peakRssKb: 40_000, cpuMs: 100 });
  store.recordError({ attemptId: id, taskId: 'B-206', category: 'validation', severity: 'medium', message: LONG, exitCode: 1, signal: null, logExcerpt: null, at: at + 400 });
  store.close();
  browser = await launchBrowser();
  ({ page, problems } = await openPage(browser, project.host.url));
  await page.getByRole('row', { name: /B-1\d\d/ }).first().waitFor();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await project?.close();
});

describe('run history', () => {
  it('keeps task IDs on one line and opens a long message in place', async () => {
    await new RunsPage(page).open();
    await page.getByRole('button', { name: 'History' }).click();
    const first = page.locator('.history-table tbody tr').first();
    await first.waitFor();
    // Narrow the window: the ID cell still holds the ID on one line.
    await page.setViewportSize({ width: 900, height: 800 });
    const idButton = first.getByRole('button', { name: /^Log of B-206/ });
    const box = await idButton.boundingBox();
    const lineHeight = await idButton.evaluate((el) => parseFloat((globalThis as unknown as { getComputedStyle(e: unknown): { lineHeight: string } }).getComputedStyle(el).lineHeight) || 18);
    expect(box!.height).toBeLessThan(lineHeight * 1.6);
    const toggle = first.getByRole('button', { name: /Expand the message of B-206/ });
    const collapsed = (await first.locator('.message-cell').boundingBox())!.height;
    await toggle.click();
    expect(await first.getByRole('button', { name: /Collapse the message of B-206/ }).getAttribute('aria-expanded')).toBe('true');
    expect((await first.locator('.message-cell').boundingBox())!.height).toBeGreaterThan(collapsed * 1.5);
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  it('shows the log in a panel of at least a third of the view, which can be resized', async () => {
    await page.locator('.history-table tbody tr').first().getByRole('button', { name: /^Log of B-206/ }).click();
    const panel = page.locator('.history .attempt-log');
    await panel.waitFor();
    const viewport = page.viewportSize()!;
    await panel.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    const box = (await panel.boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(viewport.height / 3 - 1);
    expect(await panel.evaluate((el) => (globalThis as unknown as { getComputedStyle(e: unknown): { resize: string } }).getComputedStyle(el).resize)).toBe('vertical');
    // Drag its corner handle down: it grows.
    await page.mouse.move(box.x + box.width - 3, box.y + box.height - 3);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width - 3, box.y + box.height + 120, { steps: 6 });
    await page.mouse.up();
    await expect.poll(async () => (await panel.boundingBox())!.height).toBeGreaterThan(box.height + 60);
  });
});

describe("the drawer's runs", () => {
  it('have column headers and open the log of an attempt', async () => {
    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Backlog' }).click();
    await page.getByRole('row', { name: /B-206/ }).click();
    const drawer = page.getByRole('complementary', { name: 'Task B-206' });
    const table = drawer.getByRole('table', { name: 'Runs of B-206' });
    await table.waitFor();
    expect(await table.getByRole('columnheader').allInnerTexts()).toEqual(expect.arrayContaining(['Started', 'Try', 'Status', 'Duration', 'Exit', 'Category']));
    await table.getByRole('button', { name: /^Log of B-206 attempt/ }).first().click();
    await drawer.locator('.attempt-log').waitFor();
    expect(await drawer.locator('.attempt-log-head').textContent()).toContain('B-206');
  });

  it('ran without console errors', () => {
    expect(problems.filter((p) => !p.includes('api/events'))).toEqual([]);
  });
});
