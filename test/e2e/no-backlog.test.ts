// Opening a folder without a backlog: a clear message with the paths tried, then opening
// a real project from the same page.
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { createAppSession, dispatch } from '../../src/main/api';
import type { Session } from '../../src/main/api';
import { startWebHost } from '../../src/main/web/webHost';
import type { WebHost } from '../../src/main/web/webHost';
import { ensureRendererBuilt, rendererDir, repoRoot } from './support/buildRenderer';
import { launchBrowser, openPage, screenshot } from './support/browser';
import { BacklogPage } from './pages/BacklogPage';

let root: string;
let session: Session;
let host: WebHost;
let browser: Browser;

beforeAll(async () => {
  await ensureRendererBuilt();
  root = mkdtempSync(join(tmpdir(), 'taskdeck-e2e-none-'));
  cpSync(join(repoRoot, 'resources/sample-project'), join(root, 'recipes'), { recursive: true });
  mkdirSync(join(root, 'notes'));
  const app = await createAppSession({ projectDir: join(root, 'notes'), watch: false });
  session = app.session;
  host = await startWebHost({ call: (m, a) => dispatch(app.handlers, m, a), subscribe: session.subscribe, rendererDir });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await host?.close();
  await session?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('a folder without a backlog', () => {
  it('says what is missing, then opens a project typed into the page', async () => {
    const { page, problems } = await openPage(browser, host.url);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    const message = await alert.locator('.paths').textContent();
    for (const tried of ['000_core/000_backlog.md', '000_backlog.md', 'backlog.md', 'BACKLOG.md', 'docs/backlog.md']) expect(message).toContain(tried);
    await screenshot(page, 'no-backlog');
    await page.getByRole('textbox', { name: 'Project folder' }).fill(join(root, 'recipes'));
    await page.getByRole('button', { name: 'Open' }).click();
    const ids = await new BacklogPage(page).visibleIds();
    expect(ids).toContain('B-120');
    expect(await page.locator('.project-name').textContent()).toBe('recipes');
    expect(problems).toEqual([]);
  });
});
