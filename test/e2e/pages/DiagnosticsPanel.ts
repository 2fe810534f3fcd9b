import type { Page } from 'playwright-core';

/** The backlog view's diagnostics, and the fix in place for an unknown word. */
export class DiagnosticsPanel {
  constructor(readonly page: Page) {}

  root() {
    return this.page.getByRole('region', { name: 'Diagnostics' });
  }

  async codes(): Promise<string[]> {
    return this.root().locator('.diag-code').allTextContents();
  }

  /** "Treat '🟪 Parked' as" a status or priority: picking a value writes it. */
  wordFix(word: string, kind: 'status' | 'priority') {
    return this.root().getByRole('combobox', { name: `Treat '${word}' as a ${kind}` }).first();
  }

  async treatAs(word: string, kind: 'status' | 'priority', label: string): Promise<void> {
    await this.wordFix(word, kind).selectOption({ label });
  }
}
