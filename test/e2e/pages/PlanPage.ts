import type { Page } from 'playwright-core';
import { BacklogPage } from './BacklogPage';

/** The new-task form and the drawer's inline editors. */
export class PlanPage extends BacklogPage {
  constructor(page: Page) {
    super(page);
  }

  form() {
    return this.page.getByRole('dialog', { name: 'New task' });
  }

  async openFormWithKey(): Promise<void> {
    await this.page.locator('body').click({ position: { x: 5, y: 5 } });
    await this.page.keyboard.press('n');
    await this.form().waitFor();
  }

  async fillForm(fields: { title: string; points?: string; priority?: string; depends?: string; description?: string }): Promise<void> {
    const form = this.form();
    await form.getByLabel('Title').fill(fields.title);
    if (fields.points) await form.getByLabel('Points').fill(fields.points);
    if (fields.priority) await form.getByLabel('Priority').selectOption({ label: fields.priority });
    if (fields.depends) await form.getByLabel('Depends on').fill(fields.depends);
    if (fields.description) await form.getByRole('textbox', { name: 'Description' }).fill(fields.description);
  }

  async editTitle(id: string, title: string): Promise<void> {
    const drawer = this.drawer(id);
    // The title button is named by the title it shows; "Edit title" is its tooltip.
    await drawer.locator('.drawer-title').getByRole('button').click();
    await drawer.getByRole('textbox', { name: 'Title' }).fill(title);
    await drawer.getByRole('textbox', { name: 'Title' }).press('Enter');
  }
}
