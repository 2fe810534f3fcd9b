// Planning in the app, in Chromium against the real backend on a temp copy of the sample:
// a new task from the form (N key), inline editing in the drawer (title, points,
// description with preview, dependencies with cycle refusal), archive and delete with undo.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { hostSampleProject } from './support/webHostFixture';
import type { HostedProject } from './support/webHostFixture';
import { launchBrowser, openPage, screenshot } from './support/browser';
import { PlanPage } from './pages/PlanPage';
import { parseBacklog } from '../../src/main/core/backlog';

let project: HostedProject;
let browser: Browser;
let page: Page;
let problems: string[];
let app: PlanPage;

function fileTask(id: string) {
  return parseBacklog(project.readBacklog()).tasks.find((t) => t.id === id);
}

beforeAll(async () => {
  project = await hostSampleProject();
  browser = await launchBrowser();
  ({ page, problems } = await openPage(browser, project.host.url));
  app = new PlanPage(page);
  await app.rows().first().waitFor();
});

afterAll(async () => {
  await browser?.close();
  await project?.close();
});

describe('planning in the app', () => {
  it('N opens the new-task form; the task is written to the file and its drawer opens', async () => {
    const before = parseBacklog(project.readBacklog()).tasks.length;
    await app.openFormWithKey();
    await app.fillForm({ title: 'Print a recipe card', points: '2', priority: 'High', depends: 'B-101', description: 'A **printable** card:\n\n- ingredients\n- steps' });
    await app.form().getByRole('tab', { name: 'Preview' }).click();
    await expect.poll(() => app.form().locator('.md-preview strong').textContent()).toBe('printable');
    await screenshot(page, 'new-task-form');
    await app.form().getByRole('button', { name: 'Add task' }).click();
    await app.form().waitFor({ state: 'detached' });
    const tasks = parseBacklog(project.readBacklog()).tasks;
    expect(tasks).toHaveLength(before + 1);
    const added = tasks.find((t) => t.title === 'Print a recipe card');
    expect(added).toMatchObject({ priority: 'high', points: 2, dependencies: ['B-101'], status: 'todo' });
    await app.drawer(added!.id).waitFor();
    expect(await app.drawer(added!.id).locator('.drawer-title').textContent()).toBe('Print a recipe card');
    // A heading task's multi-line description is shown whole, its Markdown kept.
    await expect.poll(() => app.drawer(added!.id).locator('.inline-description li').allTextContents()).toEqual(['ingredients', 'steps']);
  });

  it('the button opens the form too, and a refused task says why in the form', async () => {
    await page.getByRole('button', { name: 'New task' }).click();
    await app.fillForm({ title: 'Depends on nothing real', depends: 'B-404' });
    await app.form().getByRole('button', { name: 'Add task' }).click();
    await expect.poll(() => app.form().getByRole('alert').textContent()).toContain('No task B-404');
    await app.form().getByRole('button', { name: 'Cancel' }).click();
    expect(project.readBacklog()).not.toContain('Depends on nothing real');
  });

  it('edits title, points and description inline; the description previews its Markdown', async () => {
    await app.openTask('B-108');
    const drawer = app.drawer('B-108');
    await app.editTitle('B-108', 'Dark mode everywhere');
    await expect.poll(() => fileTask('B-108')?.title).toBe('Dark mode everywhere');
    await drawer.getByRole('spinbutton', { name: 'Points' }).fill('5');
    await drawer.getByRole('spinbutton', { name: 'Points' }).press('Enter');
    await expect.poll(() => fileTask('B-108')?.points).toBe(5);
    await drawer.getByRole('button', { name: 'Edit description' }).click();
    await drawer.getByRole('textbox', { name: 'Description' }).fill('Follow the **system** theme');
    await drawer.getByRole('tab', { name: 'Preview' }).click();
    await expect.poll(() => drawer.locator('.md-preview strong').textContent()).toBe('system');
    await screenshot(page, 'inline-editing');
    await drawer.getByRole('button', { name: 'Save description' }).click();
    await expect.poll(() => fileTask('B-108')?.description).toBe('Follow the **system** theme');
  });

  it('the dependency picker refuses a cycle and says why; a good one is written', async () => {
    await app.openTask('B-101');
    const drawer = app.drawer('B-101');
    await drawer.getByRole('combobox', { name: 'Add a dependency' }).fill('B-106');
    await drawer.getByRole('button', { name: 'Add', exact: true }).click();
    await expect.poll(() => drawer.getByRole('alert').textContent()).toBe('B-101 cannot depend on B-106: B-106 already depends on B-101 (B-106 → B-101), so that would be a cycle.');
    expect(fileTask('B-101')?.dependencies).toEqual([]);
    await drawer.getByRole('combobox', { name: 'Add a dependency' }).fill('B-108');
    await drawer.getByRole('button', { name: 'Add', exact: true }).click();
    await expect.poll(() => fileTask('B-101')?.dependencies).toEqual(['B-108']);
    await drawer.locator('.ref-list li', { hasText: 'B-108' }).getByRole('button', { name: 'Remove dependency' }).click();
    await expect.poll(() => fileTask('B-101')?.dependencies).toEqual([]);
  });

  it('archives and deletes with undo, back to the same bytes', async () => {
    const before = project.readBacklog();
    await app.openTask('B-108');
    await app.drawer('B-108').getByRole('button', { name: 'Archive' }).click();
    await expect.poll(() => fileTask('B-108')?.section.at(-1)).toMatch(/Completed/);
    await app.notice().getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => project.readBacklog()).toBe(before);

    await app.openTask('B-101');
    await app.drawer('B-101').getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Delete anyway' }).click();
    await expect.poll(() => fileTask('B-101')).toBeUndefined();
    expect(parseBacklog(project.readBacklog()).tasks.some((t) => t.dependencies.includes('B-101'))).toBe(false);
    await app.undo();
    await expect.poll(() => project.readBacklog()).toBe(before);
    expect(problems).toEqual([]);
  });
});
