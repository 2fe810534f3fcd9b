import type { Page } from 'playwright-core';
import { AppShell } from './AppShell';

export class BacklogPage extends AppShell {
  constructor(page: Page) {
    super(page);
  }

  rows() {
    return this.page.locator('.tt-body [role="row"]');
  }

  async visibleIds(): Promise<string[]> {
    await this.rows().first().waitFor();
    return this.rows().evaluateAll((els) => els.map((e) => e.getAttribute('data-task-id') ?? ''));
  }

  async search(text: string): Promise<void> {
    await this.page.getByRole('searchbox', { name: 'Search tasks' }).fill(text);
  }

  async toggleStatus(label: string): Promise<void> {
    await this.page.getByRole('group', { name: 'Status filter' }).getByRole('button', { name: label, exact: true }).click();
  }

  async setReadyOnly(): Promise<void> {
    await this.page.getByRole('checkbox', { name: 'Ready' }).check();
  }

  async clearFilters(): Promise<void> {
    await this.page.getByRole('button', { name: 'Clear', exact: true }).click();
  }

  async openTask(id: string): Promise<void> {
    await this.page.locator(`.tt-body [data-task-id="${id}"]`).click();
    await this.drawer(id).waitFor();
  }

  drawer(id: string) {
    return this.page.getByRole('complementary', { name: `Task ${id}` });
  }
}
