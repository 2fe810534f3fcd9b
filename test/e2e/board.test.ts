// The planning board in Chromium against the real backend: every drop must change the
// Markdown file by exactly the edit it stands for, and the board must follow the file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { hostSampleProject } from './support/webHostFixture';
import type { HostedProject } from './support/webHostFixture';
import { launchBrowser, openPage, screenshot } from './support/browser';
import { idOrder, lineDiff } from './support/lineDiff';
import { BoardPage } from './pages/BoardPage';

let project: HostedProject;
let browser: Browser;
let page: Page;
let problems: string[];
let board: BoardPage;

/** Waits until the file differs from `before` (the drop's write has landed). */
async function fileAfter(before: string): Promise<string> {
  await expect.poll(() => project.readBacklog() !== before, { timeout: 5000 }).toBe(true);
  return project.readBacklog();
}

/** Lines of `after` that `before` does not have, counted as a multiset (order aside). */
function linesAdded(before: string, after: string): string[] {
  const left = new Map<string, number>();
  for (const line of before.split('\n')) left.set(line, (left.get(line) ?? 0) + 1);
  const added: string[] = [];
  for (const line of after.split('\n')) {
    const n = left.get(line) ?? 0;
    if (n > 0) left.set(line, n - 1);
    else added.push(line);
  }
  return added;
}

function blockOf(text: string, id: string): string[] {
  // A table row and the comment lines attached below it.
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.startsWith(`| ${id} |`));
  let end = start + 1;
  while (end < lines.length && lines[end]!.startsWith('<!--')) end++;
  return lines.slice(start, end);
}

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

describe('planning board', () => {
  it('shows a column per status with the file order', async () => {
    const todo = await board.idsIn('To do');
    const text = project.readBacklog();
    expect(todo).toEqual(idOrder(text, todo));
    expect(todo).toContain('B-104');
    await screenshot(page, 'board');
  });

  it('reorders with the mouse: the file changes by exactly that move', async () => {
    const before = project.readBacklog();
    expect(idOrder(before, ['B-104', 'B-105'])).toEqual(['B-104', 'B-105']);
    await board.dragWithMouse('B-105', { card: 'B-104' });
    const after = await fileAfter(before);
    expect(idOrder(after, ['B-104', 'B-105'])).toEqual(['B-105', 'B-104']);
    // A pure move: the same lines, B-105's block taken out and put back elsewhere.
    const diff = lineDiff(before, after);
    const moved = blockOf(before, 'B-105');
    const other = blockOf(before, 'B-104');
    expect([diff.removed, diff.added].some((side) => side.join('\n') === moved.join('\n') || side.join('\n') === other.join('\n'))).toBe(true);
    expect([...diff.removed].sort()).toEqual([...diff.added].sort());
    expect(after.split('\n').sort()).toEqual(before.split('\n').sort());
    // B-105 depends on B-104 and now comes first: the board says so.
    await expect.poll(() => page.locator('.notice.warning').textContent()).toContain('before its dependency B-104');
    // The board shows the re-read file.
    await expect.poll(() => board.idsIn('To do').then((ids) => idOrder(after, ['B-104', 'B-105']).join() === ids.filter((i) => i === 'B-104' || i === 'B-105').join())).toBe(true);
  });

  it('reorders with the keyboard (Space, ArrowUp, Space)', async () => {
    const before = project.readBacklog();
    const todo = await board.idsIn('To do');
    const above = todo[todo.indexOf('B-106') - 1]!;
    await board.dragWithKeyboard('B-106', ['ArrowUp']);
    const after = await fileAfter(before);
    expect(idOrder(after, ['B-106', above])).toEqual(['B-106', above]);
    expect(after.split('\n').sort()).toEqual(before.split('\n').sort());
    expect(await page.locator('.card[data-task-id="B-106"]').evaluate((el) => el.matches(':focus-within'))).toBe(true);
  });

  it('undoes the last edit with Ctrl+Z by writing the inverse', async () => {
    const before = project.readBacklog();
    await board.undo();
    const after = await fileAfter(before);
    const todo = await board.idsIn('To do');
    const above = todo[todo.indexOf('B-106') - 1]!;
    expect(idOrder(after, [above, 'B-106'])).toEqual([above, 'B-106']);
    expect(after.split('\n').sort()).toEqual(before.split('\n').sort());
  });

  it('moves a card into a sprint with the mouse, and shows the capacity', async () => {
    await board.open('By sprint');
    const before = project.readBacklog();
    await board.dragWithMouse('B-108', { column: '2026-S50' });
    const after = await fileAfter(before);
    // One line more: a sprint comment under B-108's row (the table has no sprint column);
    // the row itself moved to where it was dropped, so every other line is still there.
    const added = linesAdded(before, after);
    expect(added).toHaveLength(1);
    expect(added[0]).toMatch(/<!--\s*sprint:\s*2026-S50\s*-->/);
    expect(linesAdded(after, before)).toEqual([]);
    await expect.poll(() => board.idsIn('2026-S50')).toContain('B-108');
    // The column shows the file's order, with B-108 where the drop put it.
    // Once the write is answered the column shows the re-read file, in its order.
    await expect.poll(() => board.idsIn('2026-S50').then((ids) => ids.join() === idOrder(after, ids).join())).toBe(true);
    expect(await board.column('2026-S50').getByRole('meter').getAttribute('aria-valuemax')).toBe('18');
  });

  it('moves a card into a sprint with the keyboard (Space, ArrowRight, Space)', async () => {
    const before = project.readBacklog();
    const backlogIds = await board.idsIn('Backlog');
    const id = backlogIds.find((i) => i === 'B-111') ?? backlogIds[0]!;
    await board.dragWithKeyboard(id, ['ArrowRight']);
    const after = await fileAfter(before);
    const added = linesAdded(before, after);
    expect(added).toHaveLength(1);
    expect(added[0]).toMatch(/<!--\s*sprint:\s*2026-S48\s*-->/);
    expect(linesAdded(after, before)).toEqual([]);
    await expect.poll(() => board.idsIn('2026-S48')).toContain(id);
    // Once the write is answered the column shows the re-read file, in its order.
    await expect.poll(() => board.idsIn('2026-S48').then((ids) => ids.join() === idOrder(after, ids).join())).toBe(true);
    // Focus follows the card into its new column.
    await expect.poll(() => board.column('2026-S48').locator(`.card[data-task-id="${id}"]`).evaluate((el) => el.matches(':focus'))).toBe(true);
    await screenshot(page, 'board-sprints');
  });

  it('creates a sprint with the form, writing taskdeck.json', async () => {
    await page.getByRole('button', { name: '+ New sprint' }).click();
    const form = page.getByRole('form', { name: 'New sprint' });
    await form.getByLabel('Name').fill('2026-S52');
    await form.getByLabel('Start').fill('2026-12-21');
    await form.getByLabel('End').fill('2027-01-03');
    await form.getByLabel('Capacity (points)').fill('15');
    await screenshot(page, 'sprint-form');
    await form.getByRole('button', { name: 'Save' }).click();
    await board.column('2026-S52').waitFor();
    const config = JSON.parse(readFileSync(join(project.dir, 'taskdeck.json'), 'utf8')) as { sprints: unknown[]; executors: unknown };
    expect(config.sprints).toContainEqual({ name: '2026-S52', start: '2026-12-21', end: '2027-01-03', capacity: 15 });
    expect(config.executors).toBeDefined();
    // Editing: a lower capacity shows the over-capacity warning once tasks are planned.
    await page.getByRole('button', { name: 'Edit sprint 2026-S50' }).click();
    const edit = page.getByRole('form', { name: 'Edit sprint 2026-S50' });
    await edit.getByLabel('Capacity (points)').fill('5');
    await edit.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => board.column('2026-S50').locator('.over-text').textContent()).toMatch(/over by \d+/);
  });

  it('follows an edit made in another editor within a second', async () => {
    const text = project.readBacklog();
    project.writeBacklog(text.replace('| Dark mode |', '| Dark mode, renamed elsewhere |'));
    await expect.poll(() => board.card('B-108').locator('.card-title').textContent(), { timeout: 1500 }).toBe('Dark mode, renamed elsewhere');
  });

  it('refuses a drop that conflicts with an external change, says so, and reloads', async () => {
    // Without live events the page cannot know about the external edit, so its next drop
    // carries a stale hash: the backend must refuse it and leave the file alone.
    await page.route('**/api/events', (route) => route.abort());
    await page.reload();
    await board.open('By sprint');
    const external = project.readBacklog().replace('| Accessibility audit |', '| Accessibility audit (edited) |');
    project.writeBacklog(external);
    await page.waitForTimeout(400);
    const victim = (await board.idsIn('Backlog'))[0]!;
    await board.dragWithMouse(victim, { column: '2026-S50' });
    await expect.poll(() => page.locator('.notice.error').textContent()).toContain('changed on disk');
    expect(project.readBacklog()).toBe(external);
    await expect.poll(() => board.idsIn('Backlog')).toContain(victim);
    await screenshot(page, 'board-conflict');
    await expect.poll(() => page.locator('.card[data-task-id="B-111"] .card-title').textContent()).toContain('(edited)');
    await page.unroute('**/api/events');
  });

  it('ran without console errors or CSP violations (aborted event stream aside)', () => {
    expect(problems.filter((p) => !p.includes('api/events') && !p.includes('ERR_FAILED'))).toEqual([]);
  });
});
