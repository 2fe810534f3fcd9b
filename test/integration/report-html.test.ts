// The HTML report, written by the CLI from a real run record, rendered in Debian's
// Chromium with every network request recorded: it must make none, and show its content.
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath } from '../../scripts/chromium.mjs';
import { copySample, removeTemps, repoRoot, runCli, tempDir } from './cliHarness';
import { writeHistory } from './analyticsFixture';

let browser: Browser;

beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
});

afterAll(async () => {
  await browser?.close();
  await removeTemps();
});

describe('report --html', () => {
  it('writes one self-contained file that renders offline with no network request', async () => {
    // The published picture is refreshed only by `npm run screenshots`, never by a test run.
    const published = join(repoRoot, 'docs', 'screenshots', 'report.png');
    const publishedBefore = statSync(published).mtimeMs;
    const project = await copySample();
    writeHistory(project);
    const out = join(await tempDir(), 'report.html');
    const r = await runCli(['report', '--project', project, '--html', out]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const html = readFileSync(out, 'utf8');
    // Nothing that could fetch: no external script, stylesheet, image or font reference.
    expect(html).not.toMatch(/<script|<link|<img|@import|url\(/i);
    expect(html).toContain("default-src 'none'");

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, offline: true });
    const page = await context.newPage();
    const requests: string[] = [];
    const problems: string[] = [];
    page.on('request', (req) => requests.push(req.url()));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    const url = pathToFileURL(out).href;
    await page.goto(url);

    expect(requests).toEqual([url]);
    expect(problems).toEqual([]);
    await expect(page.locator('h1').textContent()).resolves.toContain('Taskdeck report');
    const text = (await page.locator('main').textContent()) ?? '';
    for (const section of ['Summary', 'Sprint forecast', 'Velocity', 'Anomalies', 'Error patterns', 'Retries and recovery', 'Correlations']) expect(text).toContain(section);
    // The planted anomalies and the normalised error pattern are listed with their reasons.
    expect(text).toMatch(/B-205.*Flaky.*switched between pass and fail/s);
    expect(text).toMatch(/B-201.*duration.*slower than its usual/s);
    expect(text).toContain('connect ECONNREFUSED <ip>');
    // Words, not identifiers: the recovery action and the anomaly kinds read as the label table says.
    expect(text).toContain('Wait, then retry');
    for (const id of ['wait-with-backoff', 'failure-rate', 'file_system', 'record-path-and-suggest']) expect(text).not.toContain(id);
    expect(text).toContain('B-OLD-1');
    expect(text).toMatch(/1 attempt ended before it started/);
    // Charts: durations, success trend, failures by category, burn-up/forecast per open sprint.
    expect(await page.locator('figure svg').count()).toBeGreaterThanOrEqual(5);
    expect(await page.locator('figcaption', { hasText: 'Burn-up and forecast: 2026-S48' }).count()).toBe(1);

    // For review, never into the tracked tree: `npm run screenshots` publishes it to docs/screenshots.
    const shots = join(repoRoot, 'test-results', 'screenshots');
    mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: join(shots, 'report.png'), fullPage: true });
    expect(statSync(published).mtimeMs).toBe(publishedBefore);
    await context.close();
  });
});
