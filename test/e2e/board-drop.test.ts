// Drops that land where they fall, across columns, as one edit and one undo step; what a
// drag shows while it is in the air; and the command palette. Chromium against the real
// backend, checked against the Markdown file.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { openHostedApp, type HostedApp } from './support/hostedApp';
import { hostSampleProject, type HostedProject } from './support/webHostFixture';
import { openPage, screenshot } from './support/browser';
import { idOrder } from './support/lineDiff';
import { BoardPage } from './pages/BoardPage';

let project: HostedProject;
let browser: Browser;
let page: Page;
let problems: string[];
let board: BoardPage;
let app: HostedApp;

async function fileAfter(before: string): Promise<string> {
  await expect.poll(() => project.readBacklog() !== before, { timeout: 5000 }).toBe(true);
  return project.readBacklog();
}

function rowOf(text: string, id: string): string {
  return text.split('\n').find((l) => l.startsWith(`| ${id} |`)) ?? '';
}

beforeAll(async () => {
  // A config folder of its own: the project stays untrusted, so a run asks first.
  app = await openHostedApp();
  ({ project, browser, page, problems } = app);
  board = new BoardPage(page);
  await board.open('By status');
});

afterAll(() => app?.close());

describe('dropping a card across columns', () => {
  it('shows the target column and a placeholder while the card is held', async () => {
    await board.holdOver('B-111', { card: 'B-109' });
    await expect.poll(() => board.dropTarget().getAttribute('aria-label')).toBe('Column Done');
    // The placeholder sits in the Done column, right above B-109, where the card will go.
    await expect.poll(() => board.idsAsSeen('Done').then((done) => done[done.indexOf('B-109') - 1])).toBe('B-111');
    expect(await board.column('Done').locator('.card.dragging').count()).toBe(1);
    expect(await board.column('To do').locator('.card[data-task-id="B-111"]').count()).toBe(0);
    await screenshot(page, 'board-drag');
    await page.keyboard.press('Escape');
    await page.mouse.up();
    await expect.poll(() => board.idsIn('To do')).toContain('B-111');
  });

  it('lands where it is dropped (file order) and one Ctrl+Z restores the file byte for byte', async () => {
    const before = project.readBacklog();
    await board.dragWithMouse('B-111', { card: 'B-109' });
    const after = await fileAfter(before);
    // One edit: the status is done and the row stands right before B-109 in the file.
    expect(rowOf(after, 'B-111')).toMatch(/\|\s*✅ done\s*\|/);
    // Once the write is answered the column shows the re-read file, B-111 where it fell.
    await expect.poll(() => board.idsIn('Done').then((ids) => ids.includes('B-111') && ids.join() === idOrder(after, ids).join())).toBe(true);
    const doneIds = await board.idsIn('Done');
    expect(doneIds[doneIds.indexOf('B-109') - 1]).toBe('B-111');
    const lines = after.split('\n');
    const at = lines.indexOf(rowOf(after, 'B-111'));
    expect(lines.slice(at + 1).find((l) => l.startsWith('| B-'))).toBe(rowOf(after, 'B-109'));

    await board.undo();
    await expect.poll(() => project.readBacklog(), { timeout: 5000 }).toBe(before);
    await expect.poll(() => board.idsIn('To do')).toContain('B-111');
  });
});

describe('dropping with the keyboard', () => {
  it('says the real position it will take, and the file puts it next to a card of that column', async () => {
    const before = project.readBacklog();
    await board.card('B-112').focus();
    await page.keyboard.press('Space');
    await page.waitForTimeout(100);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => board.dropTarget().getAttribute('aria-label')).toBe('Column In progress');
    // The placeholder moved with it: the card's slot is in the target column now.
    await expect.poll(() => board.column('In progress').locator('.card.dragging[data-task-id="B-112"]').count()).toBe(1);
    const announced = page.locator('[id^="DndLiveRegion"]');
    await expect.poll(() => announced.textContent()).toMatch(/B-112 would land at position \d+ of \d+ in In progress/);
    await page.keyboard.press('Space');
    const after = await fileAfter(before);
    expect(rowOf(after, 'B-112')).toMatch(/\|\s*🔄 in progress\s*\|/);
    await expect.poll(() => board.idsIn('In progress')).toContain('B-112');
    // Once the write is answered the column shows the re-read file, in its order.
    await expect.poll(() => board.idsIn('In progress').then((ids) => ids.join() === idOrder(after, ids).join())).toBe(true);
    // B-120 is a heading task, which a table row cannot stand before: it goes next to the
    // nearest card that is a row of a table like its own (B-103).
    const lines = after.split('\n');
    const at = lines.indexOf(rowOf(after, 'B-112'));
    expect(lines.slice(at + 1).find((l) => l.startsWith('| B-'))).toBe(rowOf(after, 'B-103'));
    await board.undo();
    await expect.poll(() => project.readBacklog(), { timeout: 5000 }).toBe(before);
  });
});

describe('the ready ring', () => {
  it('is explained in the header and on the card, and never shown on a blocked task', async () => {
    await expect.poll(() => page.locator('.ready-legend').textContent()).toContain('Ready to start');
    const ring = board.card('B-108').getByRole('img', { name: /Ready to start: not blocked, and every dependency is done/ });
    expect(await ring.count()).toBe(1);
    for (const id of await board.idsIn('Blocked')) expect(await board.card(id).locator('.ready-dot').count()).toBe(0);
    // B-104 waits on B-103, which is not done.
    expect(await board.card('B-104').locator('.ready-dot').count()).toBe(0);
  });
});

describe('command palette', () => {
  it('goes to a task by title and changes its status', async () => {
    const before = project.readBacklog();
    let palette = await board.openPalette();
    const input = palette.getByRole('combobox');
    await input.fill('nutrition facts');
    await expect.poll(() => palette.getByRole('option').first().textContent()).toContain('B-106');
    await screenshot(page, 'palette');
    await page.keyboard.press('Enter');
    await expect.poll(() => palette.getByRole('option', { name: 'Go to B-106' }).count()).toBe(1);
    await page.keyboard.press('Enter');
    // The drawer opens on the task; the palette is gone.
    await expect.poll(() => page.getByRole('dialog', { name: 'Command palette' }).count()).toBe(0);
    await expect.poll(() => page.locator('.drawer').textContent()).toContain('Nutrition facts panel');

    palette = await board.openPalette();
    await palette.getByRole('combobox').fill('B-106');
    await page.keyboard.press('Enter');
    await palette.getByRole('combobox').fill('in progress');
    await expect.poll(() => palette.getByRole('option').first().textContent()).toBe('Set status: In progress');
    await page.keyboard.press('Enter');
    const after = await fileAfter(before);
    expect(rowOf(after, 'B-106')).toMatch(/\|\s*🔄 in progress\s*\|/);
    await expect.poll(() => board.idsIn('In progress')).toContain('B-106');
  });

  it('runs a task through the normal run path: an untrusted folder is asked about first', async () => {
    const palette = await board.openPalette();
    await palette.getByRole('combobox').fill('B-201');
    await page.keyboard.press('Enter');
    await palette.getByRole('combobox').fill('run');
    await expect.poll(() => palette.getByRole('option').first().textContent()).toBe('Run B-201');
    await page.keyboard.press('Enter');
    const trust = page.getByRole('dialog', { name: 'Trust this folder?' });
    await trust.waitFor();
    expect(await trust.textContent()).toContain('B-201');
    await trust.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => trust.count()).toBe(0);
  });

  it('closes on Escape and gives focus back', async () => {
    await board.card('B-108').focus();
    await page.keyboard.press('Control+k');
    await page.getByRole('dialog', { name: 'Command palette' }).waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog', { name: 'Command palette' }).count()).toBe(0);
    expect(await board.card('B-108').evaluate((el) => el.matches(':focus'))).toBe(true);
  });

  it('ran without console errors or CSP violations', () => {
    expect(problems.filter((p) => !p.includes('api/events'))).toEqual([]);
  });
});

describe('notices', () => {
  it('stacks notices in the bottom-right corner, small and closable', async () => {
    await board.dragWithMouse('B-115', { card: 'B-101' });
    const stack = page.locator('.toast-stack');
    const notice = stack.locator('.notice', { hasText: 'B-115' });
    await notice.first().waitFor();
    const box = (await notice.first().boundingBox())!;
    const viewport = page.viewportSize()!;
    expect(box.x + box.width).toBeGreaterThan(viewport.width - 40);
    expect(box.y + box.height).toBeGreaterThan(viewport.height - 60);
    expect(box.width).toBeLessThanOrEqual(400);
    await notice.first().getByRole('button', { name: 'Dismiss' }).click();
    await expect.poll(() => notice.count()).toBe(0);
    await board.undo();
  });
});

describe('board by sprint with no sprints', () => {
  // A second host and page start here; under load that takes seconds, so every wait says
  // how long it may take, and the hint is found by its own class and text (not any note).
  const SLOW = { timeout: 20_000 };
  it('says how to make one, with a button that opens the sprint form; by status it is gone', async () => {
    const other = await hostSampleProject({ source: 'test/fixtures/mobile-team', name: 'mobile-app' });
    const { page: p } = await openPage(browser, other.host.url);
    try {
      const b = new BoardPage(p);
      await b.open('By sprint');
      const hint = p.locator('.sprint-hint').filter({ hasText: 'No sprints yet' });
      await hint.waitFor(SLOW);
      expect(await hint.getAttribute('role')).toBe('note');
      expect(await hint.textContent()).toContain('+ New sprint');
      await b.open('By status');
      await expect.poll(() => p.locator('.sprint-hint').count(), SLOW).toBe(0);
      await b.open('By sprint');
      await hint.waitFor(SLOW);
      await hint.getByRole('button', { name: '+ New sprint' }).click();
      await p.getByRole('form', { name: 'New sprint' }).waitFor(SLOW);
    } finally {
      await p.close();
      await other.close();
    }
  });
});
