// Run state where people plan, in Chromium against the real backend on a temp copy of the
// sample project: a task whose command fails shows a failed badge on its backlog row and
// its board card (and no green ready dot), the Failed filter finds it; the run console
// survives a reload during a run and after it, rebuilt from the record with the logs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { trustProjectCommands } from './support/trustCommands';
import type { HostedProject } from './support/webHostFixture';
import { openHostedApp, type HostedApp } from './support/hostedApp';
import { screenshot } from './support/browser';
import { BacklogPage } from './pages/BacklogPage';
import { BoardPage } from './pages/BoardPage';
import { RunsPage } from './pages/RunsPage';

let project: HostedProject;
let browser: Browser;
let page: Page;
let problems: string[];
let app: HostedApp;

// A task that runs until cancelled, so a reload surely happens while it runs.
const LONG_TASK = '\n## Long jobs\n\n| ID | Title | Priority | Points | Status |\n|----|-------|----------|--------|--------|\n| L-1 | Long job | P3 | 1 | todo |\n<!-- run: node -e "console.log(\'long: started\'); setInterval(() => {}, 1000)" -->\n';

beforeAll(async () => {
  app = await openHostedApp(async (p) => {
    p.writeBacklog(p.readBacklog() + LONG_TASK);
    // The trust prompt has its own test (runs.test.ts); here the folder is trusted already.
    await trustProjectCommands(p.dir);
  });
  ({ project, browser, page, problems } = app);
}, 120_000);

afterAll(() => app?.close());

describe('a failed run on the board and the backlog', () => {
  it('shows the failure on the backlog row, with the exact time and the error in its tooltip', async () => {
    const backlog = new BacklogPage(page);
    await backlog.goTo('Backlog');
    await backlog.rows().first().waitFor();
    // Fresh: no badge, and the green ready dot of a task nobody ran.
    expect(await backlog.runBadge('B-205').count()).toBe(0);
    expect(await page.locator('.tt-body [data-task-id="B-205"] .ready-dot').count()).toBe(1);
    await backlog.runFromDrawer('B-205');
    await expect.poll(() => backlog.runBadge('B-205').innerText(), { timeout: 30_000 }).toMatch(/^Failed · just now$/);
    const title = (await backlog.runBadge('B-205').getAttribute('title')) ?? '';
    expect(title).toMatch(/^Last run failed at .+: permission: EACCES/);
    expect(await page.locator('.tt-body [data-task-id="B-205"] .ready-dot').count()).toBe(0);
    // The file still says todo: only a success writes back.
    expect(project.readBacklog()).toMatch(/\| B-205 \| Publish the offline bundle \| P3 \| 1 \| todo \|/);
  }, 60_000);

  it('the Failed filter finds it', async () => {
    const backlog = new BacklogPage(page);
    await page.keyboard.press('Escape');
    await backlog.search('');
    await backlog.toggleStatus('Failed');
    await expect.poll(() => backlog.visibleIds(), { timeout: 10_000 }).toEqual(['B-205']);
    await screenshot(page, 'run-state-backlog-failed');
    await backlog.clearFilters();
  }, 30_000);

  it('shows a failed badge on its board card, not a fresh To do card', async () => {
    const board = new BoardPage(page);
    await board.open('By status');
    await board.filter('B-20');
    await expect.poll(() => board.idsIn('To do'), { timeout: 10_000 }).toContain('B-205');
    await expect.poll(() => board.runBadge('B-205').innerText(), { timeout: 10_000 }).toMatch(/^Failed · /);
    expect(await board.card('B-205').locator('.ready-dot').count()).toBe(0);
    expect(await board.card('B-205').getAttribute('class')).toContain('run-failed');
    // A task that never ran keeps its plain card.
    expect(await board.runBadge('B-201').count()).toBe(0);
    await board.card('B-205').scrollIntoViewIfNeeded();
    await screenshot(page, 'run-state-board-failed');
  }, 30_000);

  it('keeps the badge after a reload: it comes from the record', async () => {
    await page.reload();
    const board = new BoardPage(page);
    await board.open('By status');
    await board.filter('B-205');
    await expect.poll(() => board.runBadge('B-205').innerText(), { timeout: 10_000 }).toMatch(/^Failed · /);
  }, 30_000);
});

describe('what cannot run', () => {
  it('is not offered: Run N shown counts only what can run, a drawer says why a task cannot', async () => {
    const backlog = new BacklogPage(page);
    await backlog.goTo('Backlog');
    // B-101 … B-116: none has a command; B-113 needs a person.
    await backlog.search('B-1');
    await expect.poll(() => page.getByRole('button', { name: /Run \d+ shown/ }).innerText(), { timeout: 10_000 }).toBe('▶ Run 0 shown');
    expect(await page.getByRole('button', { name: /Run \d+ shown/ }).isDisabled()).toBe(true);
    // A task without a command, and one that needs a person: no Run, and the reason why.
    await backlog.search('B-108');
    await backlog.openTask('B-108');
    const manual = backlog.drawer('B-108').getByRole('button', { name: 'Run task (cannot run)' });
    await manual.waitFor({ timeout: 10_000 });
    expect(await manual.isDisabled()).toBe(true);
    expect(await manual.getAttribute('title')).toContain('B-108 has no command');
    await page.keyboard.press('Escape');
    await backlog.search('B-113');
    await backlog.openTask('B-113');
    const human = backlog.drawer('B-113').getByRole('button', { name: 'Run task (cannot run)' });
    await human.waitFor({ timeout: 10_000 });
    expect(await human.getAttribute('title')).toContain('needs a person');
    await screenshot(page, 'run-state-cannot-run');
    await page.keyboard.press('Escape');
    await backlog.search('');
  }, 30_000);
});

describe('the run console after a reload', () => {
  it('during a run: the running task with its log, and the batch before it', async () => {
    const backlog = new BacklogPage(page);
    await backlog.goTo('Backlog');
    await backlog.runFromDrawer('L-1');
    await expect.poll(() => backlog.runBadge('L-1').innerText(), { timeout: 30_000 }).toBe('Running');
    const runs = new RunsPage(page);
    await runs.open();
    await runs.select('L-1');
    await expect.poll(() => runs.logText(), { timeout: 30_000 }).toContain('long: started');

    await page.reload();
    await runs.open();
    await expect.poll(() => runs.row('L-1').innerText(), { timeout: 15_000 }).toMatch(/Long job[\s\S]*Running/);
    await runs.select('L-1');
    await expect.poll(() => runs.logText(), { timeout: 15_000 }).toContain('long: started');
    // The failed run a minute ago is part of the same batch: still there, with its log.
    await expect.poll(() => runs.row('B-205').innerText(), { timeout: 15_000 }).toMatch(/Failed/);
    await screenshot(page, 'run-state-console-reload-running');
    await runs.select('B-205');
    await expect.poll(() => runs.logText(), { timeout: 15_000 }).toMatch(/permission: EACCES/);
  }, 90_000);

  it('after the run: the last batch and its outcome, still with the log', async () => {
    const runs = new RunsPage(page);
    await runs.row('L-1').getByRole('button', { name: 'Cancel L-1' }).click();
    await expect.poll(() => runs.row('L-1').innerText(), { timeout: 20_000 }).toMatch(/Cancelled/);
    await page.reload();
    await runs.open();
    await expect.poll(() => runs.rowIds(), { timeout: 15_000 }).toEqual(['L-1', 'B-205']);
    await expect.poll(() => runs.row('L-1').innerText(), { timeout: 15_000 }).toMatch(/Cancelled/);
    await runs.select('L-1');
    await expect.poll(() => runs.logText(), { timeout: 15_000 }).toMatch(/long: started[\s\S]*■ Cancelled after 1 attempt/);
    await screenshot(page, 'run-state-console-reload-after');
    expect(problems).toEqual([]);
  }, 60_000);
});
