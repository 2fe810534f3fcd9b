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

  /** The task's last run on its row ("Failed · just now"). */
  runBadge(id: string) {
    return this.page.locator(`.tt-body [data-task-id="${id}"] .run-badge`);
  }

  async runFromDrawer(id: string): Promise<void> {
    // The table is virtualized: bring the row into the drawn part first.
    await this.search(id);
    await this.openTask(id);
    await this.drawer(id).getByRole('button', { name: '▶ Run task' }).click();
  }

  drawer(id: string) {
    return this.page.getByRole('complementary', { name: `Task ${id}` });
  }
}
