import type { Page } from 'playwright-core';
import { AppShell } from './AppShell';

export class BoardPage extends AppShell {
  constructor(page: Page) {
    super(page);
  }

  async open(mode: 'By status' | 'By sprint' = 'By status'): Promise<void> {
    await this.goTo('Board');
    await this.page.getByRole('group', { name: 'Group columns by' }).getByRole('button', { name: mode }).click();
    await this.page.locator('.card').first().waitFor();
  }

  card(id: string) {
    return this.page.locator(`.column .card[data-task-id="${id}"]`);
  }

  /** The board's card filter (columns are virtualized: a card far down is not drawn). */
  async filter(text: string): Promise<void> {
    await this.page.getByRole('searchbox', { name: 'Filter cards' }).fill(text);
  }

  /** The task's last run on its card. */
  runBadge(id: string) {
    return this.card(id).locator('.run-badge');
  }

  column(title: string) {
    return this.page.getByRole('region', { name: `Column ${title}` });
  }

  async idsIn(title: string): Promise<string[]> {
    return this.column(title)
      .locator('.card')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-task-id') ?? ''));
  }

  /** A real pointer drag: press, move past the activation distance, glide, release. */
  async dragWithMouse(id: string, target: { card?: string; column?: string }): Promise<void> {
    await this.holdOver(id, target);
    await this.page.mouse.up();
  }

  /** The first half of a drag: the card is picked up and held over the target, mouse down. */
  async holdOver(id: string, target: { card?: string; column?: string }): Promise<void> {
    await this.card(id).scrollIntoViewIfNeeded();
    const from = await this.card(id).boundingBox();
    const dest = target.card ? this.card(target.card) : this.column(target.column!).locator('.column-body');
    const to = await dest.boundingBox();
    if (!from || !to) throw new Error('card or target not visible');
    const { mouse } = this.page;
    await mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await mouse.down();
    await mouse.move(from.x + from.width / 2, from.y + from.height / 2 + 12, { steps: 4 });
    // Aim at the upper part of a target card, so the drop lands before it.
    const y = target.card ? to.y + to.height * 0.3 : to.y + Math.min(40, to.height / 2);
    await mouse.move(to.x + to.width / 2, y, { steps: 16 });
    await this.page.waitForTimeout(150);
  }

  /** Card ids in a column in the order they are seen (top to bottom), placeholder included. */
  async idsAsSeen(title: string): Promise<string[]> {
    return this.column(title)
      .locator('.card')
      .evaluateAll((els) =>
        els
          .map((e) => ({ id: e.getAttribute('data-task-id') ?? '', top: e.getBoundingClientRect().top }))
          .sort((a, b) => a.top - b.top)
          .map((e) => e.id),
      );
  }

  /** The column outlined as the drop target during a drag. */
  dropTarget() {
    return this.page.locator('.column[data-drop-target="true"]');
  }

  /** The placeholder: the dragged card's slot in the column it would land in. */
  placeholder() {
    return this.page.locator('.column .card.dragging');
  }

  /** The keyboard equivalent: focus, Space to lift, arrow keys, Space to drop. */
  async dragWithKeyboard(id: string, keys: string[]): Promise<void> {
    await this.card(id).focus();
    await this.page.keyboard.press('Space');
    await this.page.waitForTimeout(100);
    for (const key of keys) {
      await this.page.keyboard.press(key);
      await this.page.waitForTimeout(120);
    }
    await this.page.keyboard.press('Space');
  }

  saved() {
    return this.page.locator('.notice.info');
  }
}
