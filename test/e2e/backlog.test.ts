// The backlog view in Chromium against the real backend (web host, temp copy of the sample).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { hostSampleProject } from './support/webHostFixture';
import type { HostedProject } from './support/webHostFixture';
import { launchBrowser, openPage, screenshot } from './support/browser';
import { BacklogPage } from './pages/BacklogPage';
import { lineDiff } from './support/lineDiff';
import type { BacklogSnapshot } from '../../src/shared/api';

let project: HostedProject;
let browser: Browser;
let page: Page;
let problems: string[];
let backlog: BacklogPage;

async function backendSnapshot(): Promise<BacklogSnapshot> {
  const res = await fetch(`http://127.0.0.1:${project.host.port}/api/backlog:get`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Taskdeck-Token': project.host.token, Host: `127.0.0.1:${project.host.port}` },
    body: '{}',
  });
  const body = (await res.json()) as { ok: true; value: BacklogSnapshot };
  return body.value;
}

beforeAll(async () => {
  project = await hostSampleProject();
  browser = await launchBrowser();
  ({ page, problems } = await openPage(browser, project.host.url));
  backlog = new BacklogPage(page);
});

afterAll(async () => {
  await browser?.close();
  await project?.close();
});

describe('backlog view', () => {
  it('shows every task of the file, in file order, with the project in the top bar', async () => {
    const snapshot = await backendSnapshot();
    expect(snapshot.tasks.length).toBeGreaterThan(20);
    const ids = await backlog.visibleIds();
    // The table is virtualised: the rows on screen are the file's first tasks, in order.
    expect(ids.length).toBeGreaterThan(10);
    expect(ids).toEqual(snapshot.tasks.slice(0, ids.length).map((t) => t.id));
    await expect.poll(() => page.locator('.count').textContent()).toBe(`${snapshot.tasks.length} tasks`);
    expect(await page.locator('.project-file').textContent()).toBe('backlog.md');
    // The token went from the URL into a cookie: the address bar no longer shows it.
    expect(page.url()).not.toContain('token=');
    await screenshot(page, 'backlog');
  });

  it('filters by status, by text and by readiness', async () => {
    const snapshot = await backendSnapshot();
    await backlog.toggleStatus('Blocked');
    expect(await backlog.visibleIds()).toEqual(snapshot.tasks.filter((t) => t.status === 'blocked').map((t) => t.id));
    await backlog.clearFilters();
    await backlog.search('shopping list');
    expect(await backlog.visibleIds()).toEqual(['B-104', 'B-105']);
    await backlog.search('');
    await backlog.setReadyOnly();
    const ready = await backlog.visibleIds();
    expect(ready).toEqual(snapshot.ready.slice(0, ready.length));
    await backlog.clearFilters();
  });

  it('opens a task drawer with its Markdown description and linked dependencies', async () => {
    await backlog.openTask('B-121');
    const drawer = backlog.drawer('B-121');
    await expect.poll(() => drawer.locator('.drawer-title').textContent()).toBe('Photo uploads with resizing');
    expect(await drawer.locator('.markdown').first().textContent()).toContain('resize on device');
    const deps = await drawer.locator('.ref-list').first().locator('button.link-button').allTextContents();
    expect(deps).toEqual(['B-101', 'B-120']);
    await screenshot(page, 'drawer');
    await drawer.getByRole('button', { name: 'B-120' }).click();
    await backlog.drawer('B-120').waitFor();
    // B-120's dependents include the task we came from.
    expect(await backlog.drawer('B-120').locator('.ref-list').nth(1).textContent()).toContain('B-121');
    await backlog.drawer('B-120').getByRole('button', { name: 'Close' }).click();
  });

  it('edits a task\'s status from the drawer: one line of the file changes', async () => {
    const before = project.readBacklog();
    await backlog.openTask('B-123');
    const drawer = backlog.drawer('B-123');
    await drawer.getByLabel('Status').selectOption('in_progress');
    await expect.poll(() => project.readBacklog() !== before).toBe(true);
    const diff = lineDiff(before, project.readBacklog());
    expect(diff.removed).toHaveLength(1);
    expect(diff.added).toHaveLength(1);
    expect(diff.removed[0]).toContain('**Status**');
    expect(diff.added[0]).toMatch(/\*\*Status\*\*.*in progress/i);
    await expect.poll(() => page.locator('.tt-body [data-task-id="B-123"] .chip').last().textContent()).toBe('In progress');
    await drawer.getByRole('button', { name: 'Close' }).click();
  });

  it('shows a diagnostic for an external edit that adds a missing dependency, and jumps to the task', async () => {
    const text = project.readBacklog();
    const row = text.split('\n').find((l) => l.startsWith('| B-108 |'))!;
    project.writeBacklog(text.replace(row, row.replace('| None |', '| B-999 |')));
    const diag = page.getByRole('region', { name: 'Diagnostics' });
    await diag.waitFor({ timeout: 3000 });
    const item = diag.locator('li', { hasText: 'B-999' });
    expect(await item.locator('.diag-line').textContent()).toMatch(/^L\d+$/);
    await item.getByRole('button', { name: 'B-108' }).click();
    await backlog.drawer('B-108').waitFor();
    expect(await backlog.drawer('B-108').locator('.missing').textContent()).toBe('B-999');
    await screenshot(page, 'backlog-diagnostics');
    await backlog.drawer('B-108').getByRole('button', { name: 'Close' }).click();
  });

  it('ran without console errors or CSP violations', () => {
    expect(problems).toEqual([]);
  });
});
