// One browser page on the real backend, as most e2e files need it: a temp copy of the
// sample project served by the web host, in a config folder of its own (the trust store
// and the sample copy never touch the real ~/.config), and Chromium on its URL.
// `prepare` runs after the project exists and before the page opens (history, trust, ...).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { hostSampleProject, type HostedProject } from './webHostFixture';
import { launchBrowser, openPage } from './browser';

export interface HostedApp {
  project: HostedProject;
  browser: Browser;
  page: Page;
  /** Console errors and CSP violations the page reported. */
  problems: string[];
  close(): Promise<void>;
}

export async function openHostedApp(prepare?: (project: HostedProject) => void | Promise<void>): Promise<HostedApp> {
  const previousConfig = process.env['TASKDECK_CONFIG_DIR'];
  const configDir = mkdtempSync(join(tmpdir(), 'taskdeck-e2e-config-'));
  process.env['TASKDECK_CONFIG_DIR'] = configDir;
  const project = await hostSampleProject();
  await prepare?.(project);
  const browser = await launchBrowser();
  const { page, problems } = await openPage(browser, project.host.url);
  return {
    project,
    browser,
    page,
    problems,
    async close() {
      await browser.close();
      await project.close();
      if (previousConfig === undefined) delete process.env['TASKDECK_CONFIG_DIR'];
      else process.env['TASKDECK_CONFIG_DIR'] = previousConfig;
      rmSync(configDir, { recursive: true, force: true });
    },
  };
}
