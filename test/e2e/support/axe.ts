// axe-core in the page under test, with the WCAG 2 A and AA rules. The source is evaluated
// through the DevTools protocol, which the app's strict CSP does not govern, so the page
// itself needs no exception for it.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: 'minor' | 'moderate' | 'serious' | 'critical' | null;
  help: string;
  targets: string[];
}

export async function runAxe(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    // This runs in the page; the Node-side type-check has no DOM library, hence the shape.
    type AxeRun = (ctx: unknown, opts: object) => Promise<{ violations: { id: string; impact: AxeViolation['impact']; help: string; nodes: { target: string[] }[] }[] }>;
    const page = globalThis as unknown as { axe: { run: AxeRun }; document: unknown };
    const result = await page.axe.run(page.document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
  });
}

/** Serious and critical violations fail a view; moderate and minor ones are listed for review. */
export async function seriousViolations(page: Page, view: string): Promise<string[]> {
  const violations = await runAxe(page);
  const minor = violations.filter((v) => v.impact !== 'serious' && v.impact !== 'critical');
  for (const v of minor) console.info(`[axe] ${view}: ${v.impact} ${v.id} (${v.help}) at ${v.targets.join(', ')}`);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${view}: ${v.impact} ${v.id} (${v.help}) at ${v.targets.join(', ')}`);
}
