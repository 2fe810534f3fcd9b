import type { Page } from 'playwright-core';

/** The parts of the app every view shares: sidebar, top bar, notices. */
export class AppShell {
  constructor(readonly page: Page) {}

  async goTo(view: 'Backlog' | 'Board'): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: view }).click();
  }

  notice() {
    return this.page.locator('.notice');
  }

  async undo(): Promise<void> {
    // Focus the page body so the shortcut is not swallowed by a text field.
    await this.page.locator('body').click({ position: { x: 5, y: 5 } });
    await this.page.keyboard.press('Control+z');
  }
}
