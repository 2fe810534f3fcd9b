// The fix in place for a word Taskdeck does not know, in Chromium against the real backend
// on a copy of a mobile team's backlog: "Treat '🟪 Parked' as Blocked" writes the word to
// taskdeck.json, every task using it updates at once, and Ctrl+Z takes it back.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { hostSampleProject } from './support/webHostFixture';
import type { HostedProject } from './support/webHostFixture';
import { launchBrowser, openPage, screenshot } from './support/browser';
import { BacklogPage } from './pages/BacklogPage';
import { DiagnosticsPanel } from './pages/DiagnosticsPanel';

let project: HostedProject;
let browser: Browser;
let page: Page;
let problems: string[];
let backlog: BacklogPage;
let diagnostics: DiagnosticsPanel;

const CONFIG = '{\n  "backlog": "backlog.md",\n  "writeBack": "none"\n}\n';
const configPath = () => join(project.dir, 'taskdeck.json');
const statusCell = (id: string) => page.locator(`.tt-body [data-task-id="${id}"] .chip[class*="status-"]`);

beforeAll(async () => {
  project = await hostSampleProject({ source: 'test/fixtures/mobile-team', name: 'mobile-app' });
  writeFileSync(configPath(), CONFIG);
  browser = await launchBrowser();
  ({ page, problems } = await openPage(browser, project.host.url));
  backlog = new BacklogPage(page);
  diagnostics = new DiagnosticsPanel(page);
});

afterAll(async () => {
  await browser?.close();
  await project?.close();
});

describe("a team's own words", () => {
  it('reads multi-part IDs, Jira keys and the words of the legend', async () => {
    const ids = await backlog.visibleIds();
    expect(ids).toEqual(['APP-IOS-7', 'APP-IOS-8', 'APP-AND-12', 'APP-API-3', 'APP-202', 'APP-203', 'US-FE-001', 'US-FE-002', 'ABC2-123', 'ABC2-124']);
    expect(await statusCell('APP-IOS-7').textContent()).toBe('In progress');
    expect(await statusCell('APP-AND-12').textContent()).toBe('Done');
    expect(await statusCell('APP-202').textContent()).toBe('Blocked');
    expect(await diagnostics.codes()).toEqual(['Unknown status']);
    await screenshot(page, 'vocabulary-fix');
  });

  it("treats an unknown word as the status picked, in one step, writing taskdeck.json", async () => {
    expect(await statusCell('APP-203').textContent()).toBe('To do');
    await diagnostics.treatAs('🟪 Parked', 'status', 'Blocked');
    await expect.poll(() => statusCell('APP-203').textContent()).toBe('Blocked');
    // The warning is gone with the word known, and the backlog file itself is unchanged.
    await expect.poll(() => diagnostics.root().count()).toBe(0);
    expect(JSON.parse(readFileSync(configPath(), 'utf8'))).toEqual({ backlog: 'backlog.md', writeBack: 'none', vocabulary: { status: { '🟪 Parked': 'blocked' } } });
    expect(project.readBacklog()).toBe(readFileSync(join(__dirname, '../fixtures/mobile-team/backlog.md'), 'utf8'));
    await expect.poll(() => backlog.notice().textContent()).toContain('🟪 Parked');
    await screenshot(page, 'vocabulary-mapped');
  });

  it('links the task IDs a description names to those tasks', async () => {
    await backlog.openTask('ABC2-124');
    const drawer = backlog.drawer('ABC2-124');
    // The description arrives with the task's details: wait for its links.
    await expect.poll(() => drawer.locator('.markdown .task-link').allTextContents(), { timeout: 15_000 }).toEqual(['ABC2-123', 'APP\u2011IOS\u20117']);
    await drawer.locator('.markdown .task-link', { hasText: 'APP' }).click();
    await expect.poll(() => backlog.drawer('APP-IOS-7').locator('.drawer-title').textContent()).toBe('Live Activity widget for order tracking');
    await backlog.drawer('APP-IOS-7').getByRole('button', { name: 'Close' }).click();
  });

  it('undoes the mapping with Ctrl+Z', async () => {
    await backlog.undo();
    await expect.poll(() => statusCell('APP-203').textContent()).toBe('To do');
    expect(readFileSync(configPath(), 'utf8')).toBe(CONFIG);
    await expect.poll(() => diagnostics.codes()).toEqual(['Unknown status']);
    expect(existsSync(configPath())).toBe(true);
    expect(problems).toEqual([]);
  });
});
