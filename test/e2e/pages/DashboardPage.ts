import type { Locator, Page } from 'playwright-core';

/** The analytics dashboard and its export buttons. */
export class DashboardPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Analytics' }).click();
  }

  card(title: RegExp | string): Locator {
    return this.page.locator('section.chart-card', { has: this.page.getByRole('heading', { name: title }) });
  }

  async exportFile(label: string, saveTo: string): Promise<void> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByRole('button', { name: new RegExp(`^Export ${label}`) }).click(),
    ]);
    await download.saveAs(saveTo);
  }
}
