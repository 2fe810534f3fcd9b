// Every view, with a backlog and a run history loaded, checked with axe-core's WCAG 2 A and
// AA rules in Chromium, in the light and the dark theme: no violation of impact serious or
// critical; moderate and minor ones are printed for review.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { writeHistory } from './support/seedHistory';
import { hostSampleProject, type HostedProject } from './support/webHostFixture';
import { launchBrowser, screenshot } from './support/browser';
import { seriousViolations } from './support/axe';
import { BoardPage } from './pages/BoardPage';
import { DashboardPage } from './pages/DashboardPage';
import { RunsPage } from './pages/RunsPage';
import { PlanPage } from './pages/PlanPage';

let project: HostedProject;
let browser: Browser;
let configDir: string;
const previousConfig = process.env['TASKDECK_CONFIG_DIR'];

beforeAll(async () => {
  // The folder stays untrusted (a temp config dir), so the trust dialog can be checked too.
  configDir = mkdtempSync(join(tmpdir(), 'taskdeck-e2e-config-'));
  process.env['TASKDECK_CONFIG_DIR'] = configDir;
  project = await hostSampleProject();
  writeHistory(project.dir, Date.now());
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await project?.close();
  if (previousConfig === undefined) delete process.env['TASKDECK_CONFIG_DIR'];
  else process.env['TASKDECK_CONFIG_DIR'] = previousConfig;
  rmSync(configDir, { recursive: true, force: true });
});

async function openApp(colorScheme: 'light' | 'dark'): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme, reducedMotion: 'reduce' });
  const page = await context.newPage();
  await page.goto(project.host.url);
  await page.getByRole('row', { name: /B-1\d\d/ }).first().waitFor();
  // Audit the settled view: the run button turns from disabled to enabled once its plan
  // arrives, and axe must not catch it halfway (it skips disabled controls).
  await page.getByRole('button', { name: /Run \d+ shown/ }).waitFor();
  return { context, page };
}

/** Walks every view and state, collecting what axe finds serious or critical. */
async function auditEveryView(page: Page, theme: string): Promise<string[]> {
  const found: string[] = [];
  const check = async (view: string) => found.push(...(await seriousViolations(page, `${theme} ${view}`)));
  const views = page.getByRole('navigation', { name: 'Views' });

  await check('backlog');
  await page.getByRole('row', { name: /B-207/ }).click();
  await page.getByRole('complementary', { name: 'Task B-207' }).waitFor();
  // The drawer's Run button is disabled (dimmed) until runs:plan answers whether the task
  // can run; audit it once it has settled (enabled, or disabled with its reason), not while
  // it switches, which axe once caught half-way as a contrast failure.
  const run = page.locator('.drawer-chips .run-button');
  await expect.poll(async () => (await run.isEnabled()) || (await run.getAttribute('title')) !== null, { timeout: 15_000 }).toBe(true);
  await check('backlog with the task drawer');
  await page.keyboard.press('Escape');

  const plan = new PlanPage(page);
  await plan.openFormWithKey();
  await check('new-task form');
  await plan.form().getByRole('tab', { name: 'Preview' }).click();
  await check('new-task form, description preview');
  await page.keyboard.press('Escape');
  await plan.form().waitFor({ state: 'detached' });

  const board = new BoardPage(page);
  await board.open('By status');
  await check('board by status');
  // Mid-drag: the target column outlined and the placeholder in it, mouse still down.
  await board.holdOver('B-111', { card: 'B-109' });
  await board.placeholder().waitFor();
  await check('board mid-drag');
  await page.keyboard.press('Escape');
  await page.mouse.up();
  const palette = await board.openPalette();
  await palette.getByRole('combobox').fill('B-10');
  await check('command palette');
  await page.keyboard.press('Enter');
  await check('command palette, actions for a task');
  await page.keyboard.press('Escape');
  await board.open('By sprint');
  await check('board by sprint');

  const runs = new RunsPage(page);
  await runs.open();
  await check('run console');
  await page.getByRole('button', { name: 'History' }).click();
  await page.locator('.history-panel, table').first().waitFor();
  await check('run history');
  await page.getByRole('button', { name: /^Live/ }).click();
  await runs.startAuto(1);
  await runs.trustDialog().waitFor();
  await check('trust dialog');
  if (theme === 'dark') await screenshot(page, 'dark-trust-dialog');
  await runs.trustDialog().getByRole('button', { name: 'Cancel' }).click();

  const dashboard = new DashboardPage(page);
  await dashboard.open();
  await dashboard.card(/Are runs succeeding/).locator('canvas').waitFor({ timeout: 15_000 });
  await check('analytics');
  if (theme === 'dark') await screenshot(page, 'dark-analytics');
  const durations = dashboard.card(/How long does each task take/);
  await durations.getByRole('button', { name: 'Table' }).click();
  await check("a chart's table view");
  await durations.getByRole('button', { name: 'Chart' }).click();

  await views.getByRole('button', { name: 'Backlog' }).click();
  if (theme === 'dark') await screenshot(page, 'dark-backlog');
  return found;
}

/**
 * Tabs through the view from the top and returns every element that took keyboard focus
 * without showing it (no outline and no box shadow), and how many elements were reached.
 */
async function tabWithoutVisibleFocus(page: Page, presses: number): Promise<{ reached: number; invisible: string[] }> {
  await page.locator('body').click({ position: { x: 1, y: 1 } });
  const seen = new Set<string>();
  const invisible: string[] = [];
  for (let i = 0; i < presses; i++) {
    await page.keyboard.press('Tab');
    const focus = await page.evaluate(() => {
      // Runs in the page; the Node-side type-check has no DOM library, hence the shapes.
      interface Focused { tagName: string; className: unknown; textContent: string | null; getAttribute(name: string): string | null }
      const win = globalThis as unknown as { document: { activeElement: Focused | null; body: Focused }; getComputedStyle(el: Focused): { outlineStyle: string; outlineWidth: string; boxShadow: string } };
      const el = win.document.activeElement;
      if (!el || el === win.document.body) return null;
      const style = win.getComputedStyle(el);
      const shown = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
      const name = `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ').join('.')}` : ''} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 30)}"`;
      return { name, shown };
    });
    if (!focus) continue;
    seen.add(focus.name);
    if (!focus.shown) invisible.push(focus.name);
  }
  return { reached: seen.size, invisible: [...new Set(invisible)] };
}

describe('keyboard', () => {
  it('shows where the focus is on everything Tab reaches, in every view', async () => {
    const { context, page } = await openApp('light');
    try {
      for (const view of ['Backlog', 'Board', 'Runs', 'Analytics']) {
        await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: view }).click();
        const { reached, invisible } = await tabWithoutVisibleFocus(page, 30);
        expect(reached, view).toBeGreaterThan(8);
        expect(invisible, view).toEqual([]);
      }
    } finally {
      await context.close();
    }
  }, 120_000);
});

describe('accessibility (axe-core, WCAG 2 A and AA)', () => {
  for (const theme of ['light', 'dark'] as const) {
    it(`has no serious or critical violation in any view, ${theme} theme`, async () => {
      const { context, page } = await openApp(theme);
      try {
        expect(await auditEveryView(page, theme)).toEqual([]);
      } finally {
        await context.close();
      }
    }, 180_000);
  }
});
