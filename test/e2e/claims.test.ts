// Claims in the app: a task an agent claimed (over `taskdeck mcp`, another process) shows
// "claimed by <agent>" on its board card and its backlog row, in words; a released or
// expired claim shows nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { openStore } from '../../src/main/store/index';
import { claimOwnerId } from '../../src/main/engine/claimOwner';
import { hostSampleProject } from './support/webHostFixture';
import type { HostedProject } from './support/webHostFixture';
import { launchBrowser, openPage, screenshot } from './support/browser';
import { BoardPage } from './pages/BoardPage';
import { BacklogPage } from './pages/BacklogPage';

let project: HostedProject;
let browser: Browser;
let page: Page;

/** What an agent's MCP server does when it claims a task: a row in the project's run record. */
function claim(taskId: string, agent: string, ttlMs: number, now = Date.now()): void {
  const opened = openStore(project.dir);
  if (!opened.ok) throw new Error(opened.error.message);
  try {
    const r = opened.value.claimTask(taskId, claimOwnerId(agent, 'e2e'), ttlMs, now);
    if (!r.ok) throw new Error(`claim refused: ${JSON.stringify(r.holder)}`);
  } finally {
    opened.value.close();
  }
}

beforeAll(async () => {
  project = await hostSampleProject();
  claim('B-104', 'claude-code', 3600_000);
  // Claimed long ago and expired: free, so nothing is shown.
  claim('B-105', 'old-agent', 1000, Date.now() - 60_000);
  browser = await launchBrowser();
  ({ page } = await openPage(browser, project.host.url));
});

afterAll(async () => {
  await browser?.close();
  await project?.close();
});

describe('claims in the app', () => {
  it('shows the agent\'s name on the claimed card and row, and nothing on an expired claim', async () => {
    const board = new BoardPage(page);
    await board.open('By status');
    await expect.poll(() => board.card('B-104').locator('.badge.claim').textContent(), { timeout: 15_000 }).toBe('claimed by claude-code');
    expect(await board.card('B-104').locator('.badge.claim').getAttribute('title')).toMatch(/^Claimed by claude-code until /);
    expect(await board.card('B-105').locator('.badge.claim').count()).toBe(0);
    await screenshot(page, 'board-claimed');

    const backlog = new BacklogPage(page);
    await backlog.goTo('Backlog');
    await backlog.search('B-104');
    const row = page.locator('.tt-body [data-task-id="B-104"]');
    await expect.poll(() => row.locator('.badge.claim').textContent(), { timeout: 15_000 }).toBe('claimed by claude-code');
  });
});
