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

  /** The command palette (Ctrl+K), opened from the page body. */
  async openPalette() {
    await this.page.locator('body').click({ position: { x: 5, y: 5 } });
    await this.page.keyboard.press('Control+k');
    const dialog = this.page.getByRole('dialog', { name: 'Command palette' });
    await dialog.waitFor();
    return dialog;
  }

  async undo(): Promise<void> {
    // Focus the page body so the shortcut is not swallowed by a text field.
    await this.page.locator('body').click({ position: { x: 5, y: 5 } });
    await this.page.keyboard.press('Control+z');
  }
}
