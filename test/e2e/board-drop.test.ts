// A card lands where it is dropped, across columns too, as one edit and one undo step;
// while dragging, the target column is highlighted and a placeholder shows the spot. The
// ready dot is explained and never on a blocked task.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { hostSampleProject } from './support/webHostFixture';
import type { HostedProject } from './support/webHostFixture';
import { launchBrowser, openPage, screenshot } from './support/browser';
import { BoardPage } from './pages/BoardPage';
import { parseBacklog } from '../../src/main/core/backlog';

let project: HostedProject;
let browser: Browser;
let page: Page;
let problems: string[];
let board: BoardPage;

beforeAll(async () => {
  project = await hostSampleProject();
  browser = await launchBrowser();
  ({ page, problems } = await openPage(browser, project.host.url));
  board = new BoardPage(page);
  await board.open('By status');
});

afterAll(async () => {
  await browser?.close();
  await project?.close();
});

describe('dropping across columns', () => {
  it('shows the target column and a placeholder while dragging; the card lands there; one undo puts the file back', async () => {
    const before = project.readBacklog();
    const todo = await board.idsIn('To do');
    const target = todo[3]!;
    const card = board.card('B-103');
    await card.scrollIntoViewIfNeeded();
    await board.card(target).scrollIntoViewIfNeeded();
    const from = (await card.boundingBox())!;
    const to = (await board.card(target).boundingBox())!;
    const { mouse } = page;
    await mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await mouse.down();
    await mouse.move(from.x + from.width / 2, from.y + from.height / 2 + 12, { steps: 4 });
    await mouse.move(to.x + to.width / 2, to.y + to.height * 0.3, { steps: 16 });
    await page.waitForTimeout(150);
    await expect.poll(() => board.column('To do').evaluate((el) => el.classList.contains('over'))).toBe(true);
    await expect.poll(() => board.column('To do').locator('.drop-placeholder').count()).toBe(1);
    await screenshot(page, 'board-drag');
    // The card the placeholder stands before is where the drop will put B-103.
    const shownBefore = await board.column('To do').locator('.card-slot.drop-before .card').getAttribute('data-task-id');
    expect(shownBefore).not.toBeNull();
    await mouse.up();
    await expect.poll(() => parseBacklog(project.readBacklog()).tasks.find((t) => t.id === 'B-103')?.status).toBe('todo');
    // It stands right before the card the placeholder was shown before, on the board and in the file.
    await expect.poll(async () => {
      const ids = await board.idsIn('To do');
      return ids[ids.indexOf(shownBefore!) - 1];
    }).toBe('B-103');
    const fileIds = parseBacklog(project.readBacklog()).tasks.map((t) => t.id);
    expect(fileIds[fileIds.indexOf(shownBefore!) - 1]).toBe('B-103');
    expect(await board.column('To do').locator('.drop-placeholder').count()).toBe(0);
    await board.undo();
    await expect.poll(() => project.readBacklog()).toBe(before);
  });

  it('explains the ready dot and never shows it on a blocked task', async () => {
    const legend = page.locator('.legend');
    expect(await legend.textContent()).toContain('ready to start');
    expect(await legend.getAttribute('title')).toMatch(/not blocked, and every task it depends on is done/);
    const snapshot = parseBacklog(project.readBacklog());
    const blocked = snapshot.tasks.filter((t) => t.status === 'blocked').map((t) => t.id);
    expect(blocked.length).toBeGreaterThan(0);
    for (const id of blocked) expect(await board.card(id).locator('.ready-dot').count()).toBe(0);
    expect(problems.filter((p) => !/event ?stream|EventSource|ERR_ABORTED/i.test(p))).toEqual([]);
  });
});

describe('a board by sprint without sprints', () => {
  it('says how to make one', async () => {
    const call = (method: string, body: unknown) =>
      fetch(`http://127.0.0.1:${project.host.port}/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Taskdeck-Token': project.host.token },
        body: JSON.stringify(body),
      });
    project.writeBacklog('# Plan\n\n| ID | Title | Status | Points |\n|---|---|---|---|\n| B-001 | One | todo | 1 |\n');
    expect((await call('sprints:save', { sprints: [] })).status).toBe(200);
    await board.open('By sprint');
    await expect.poll(() => page.getByRole('note').textContent()).toContain('No sprints yet. “+ New sprint” creates one');
    await board.open('By status');
    expect(await page.getByRole('note').count()).toBe(0);
  });
});
