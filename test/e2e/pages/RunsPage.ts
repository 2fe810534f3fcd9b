import type { Locator, Page } from 'playwright-core';

/** The run console: auto form, trust prompt, live rows, log, history. */
export class RunsPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Runs' }).click();
  }

  async startAuto(parallel: number): Promise<void> {
    const form = this.page.getByRole('form', { name: 'Run ready tasks automatically' });
    await form.getByLabel('Parallel').fill(String(parallel));
    await form.getByRole('button', { name: 'Run auto' }).click();
  }

  trustDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Trust this folder?' });
  }

  row(taskId: string): Locator {
    return this.page.getByRole('list', { name: 'Running tasks' }).locator('li.live-row', { has: this.page.locator('.live-id', { hasText: taskId }) });
  }

  rowIds(): Promise<string[]> {
    return this.page.getByRole('list', { name: 'Running tasks' }).locator('li.live-row .live-id').allInnerTexts();
  }

  async select(taskId: string): Promise<void> {
    await this.row(taskId).locator('.live-main').click();
  }

  log(): Locator {
    return this.page.locator('.log-panel .log-scroll');
  }

  async logText(): Promise<string> {
    return (await this.log().locator('.log-line').allInnerTexts()).join('\n');
  }
}
